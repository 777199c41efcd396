using System.Globalization;
using System.Text;

namespace Summarizer.Core.Engine.Lexicon;

/// <summary>
/// Static word vectors distilled from the sentence encoder all-MiniLM-L6-v2 (<c>tools/Summarizer.Distill</c>): one per
/// WordPiece token, reduced by PCA and stored as bytes with a scale per token in <c>Data/word-vectors.bin</c>. They let
/// the role classifier see that "postponed" and "delayed" say the same, which a few dozen marked articles cannot teach
/// word by word. Read once per process; the engine never runs the encoder itself.
/// </summary>
internal sealed class WordVectors
{
    public const string FileName = "word-vectors.bin";

    // A run of letters longer than this is not a word (BERT's tokenizer gives up on it too).
    private const int MaxWordLength = 60;

    private static ReadOnlySpan<byte> Magic => "WPV1"u8;

    private static readonly Lazy<WordVectors> Shared = new(() =>
    {
        using var stream = Gazetteer.Open(FileName);
        return Read(stream);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;

    private readonly float[] _scales;

    private readonly sbyte[] _values;

    private WordVectors(Dictionary<string, int> ids, float[] scales, sbyte[] values, int dimensions)
    {
        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _scales = scales;
        _values = values;
        Dimensions = dimensions;
    }

    public static WordVectors Instance => Shared.Value;

    public int Dimensions { get; }

    public int Count => _scales.Length;

    /// <summary>
    /// The tokens worth a vector: words and "##" word pieces of letters. Numbers are abstracted before the vectors
    /// are read and punctuation is never looked up, so their tokens would only take space.
    /// </summary>
    public static bool Keeps(string token)
    {
        var body = token.StartsWith("##", StringComparison.Ordinal) ? token.AsSpan(2) : token.AsSpan();
        return body.Length > 0 && Find(body, letter: false) < 0;
    }

    /// <summary>
    /// Whether the word, or its singular, is a whole token of the encoder's vocabulary: an ordinary English word
    /// ("miners", "shell") rather than a coined name ("Ryanair").
    /// </summary>
    public bool IsCommonWord(string word)
    {
        var folded = Fold(word);
        return _ids.ContainsKey(folded) || folded.Length > 3 && folded.EndsWith('s') && _ids.ContainsKey(folded.AsSpan(0, folded.Length - 1));
    }

    /// <summary>The mean of the words' vectors at unit length; all zeros when no word has one.</summary>
    /// <param name="words">Lower-case words; each is split into runs of letters and each run into WordPiece pieces.</param>
    public float[] Mean(IEnumerable<string> words)
    {
        var sum = new float[Dimensions];
        foreach (var word in words)
        {
            AddWord(word, sum);
        }
        var length = MathF.Sqrt(sum.Sum(x => x * x));
        if (length > 0)
        {
            for (var j = 0; j < sum.Length; j++)
            {
                sum[j] /= length;
            }
        }
        return sum;
    }

    /// <summary>Adds a word's vector, the mean of its pieces' vectors, to the sum; false when no piece is known.</summary>
    internal bool AddWord(string word, Span<float> sum)
    {
        Span<int> pieces = stackalloc int[MaxWordLength];
        var count = 0;
        var folded = Fold(word);
        var start = 0;
        while (start < folded.Length)
        {
            var offset = Find(folded.AsSpan(start), letter: true);
            if (offset < 0)
            {
                break;
            }
            start += offset;
            var length = Find(folded.AsSpan(start), letter: false);
            length = length < 0 ? folded.Length - start : length;
            if (length <= MaxWordLength)
            {
                count = Pieces(folded.AsSpan(start, length), pieces, count);
            }
            start += length;
        }
        if (count == 0)
        {
            return false;
        }
        foreach (var id in pieces[..count])
        {
            var scale = _scales[id] / count;
            var values = _values.AsSpan(id * Dimensions, Dimensions);
            for (var j = 0; j < values.Length; j++)
            {
                sum[j] += scale * values[j];
            }
        }
        return true;
    }

    /// <summary>WordPiece: the run whole when it is a token, else greedy longest pieces, "##" marking those inside.</summary>
    private int Pieces(ReadOnlySpan<char> run, Span<int> pieces, int count)
    {
        if (_ids.TryGetValue(run, out var whole))
        {
            pieces[count] = whole;
            return count + 1;
        }
        Span<char> buffer = stackalloc char[run.Length + 2];
        var found = count;
        var start = 0;
        while (start < run.Length)
        {
            var id = -1;
            var end = run.Length;
            for (; end > start; end--)
            {
                var piece = start == 0 ? run[..end] : Continuation(buffer, run[start..end]);
                if (_ids.TryGetValue(piece, out id))
                {
                    break;
                }
            }
            if (id < 0 || found == pieces.Length)
            {
                return count; // as BERT: a word with an unknown stretch is unknown as a whole
            }
            pieces[found++] = id;
            start = end;
        }
        return found;
    }

    /// <summary>The first letter (or non-letter) in the text; -1 when there is none.</summary>
    private static int Find(ReadOnlySpan<char> text, bool letter)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]) == letter)
            {
                return i;
            }
        }
        return -1;
    }

    private static ReadOnlySpan<char> Continuation(Span<char> buffer, ReadOnlySpan<char> piece)
    {
        buffer[0] = buffer[1] = '#';
        piece.CopyTo(buffer[2..]);
        return buffer[..(piece.Length + 2)];
    }

    /// <summary>As the uncased vocabulary was made: lower case, accents dropped ("café" is "cafe").</summary>
    private static string Fold(string word)
    {
        if (Ascii.IsValid(word))
        {
            return word.ToLowerInvariant();
        }
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>Magic, count and dimensions, then per token: its text, a scale, and one signed byte per dimension.</summary>
    public static void Write(Stream stream, IReadOnlyList<string> tokens, IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(vectors);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(tokens.Count);
        writer.Write(vectors[0].Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            var vector = vectors[i];
            var scale = vector.Max(MathF.Abs) / 127;
            writer.Write(tokens[i]);
            writer.Write(scale);
            foreach (var x in vector)
            {
                writer.Write(scale > 0 ? (sbyte)Math.Round(x / scale) : (sbyte)0);
            }
        }
    }

    public static WordVectors Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new FormatException($"{FileName}: not a word-vector file.");
        }
        int count = reader.ReadInt32(), dimensions = reader.ReadInt32();
        var ids = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var scales = new float[count];
        var values = new sbyte[count * dimensions];
        for (var i = 0; i < count; i++)
        {
            ids.Add(reader.ReadString(), i);
            scales[i] = reader.ReadSingle();
            var bytes = reader.ReadBytes(dimensions);
            if (bytes.Length != dimensions)
            {
                throw new FormatException($"{FileName}: ends inside token {i} of {count}.");
            }
            for (var j = 0; j < dimensions; j++)
            {
                values[i * dimensions + j] = unchecked((sbyte)bytes[j]);
            }
        }
        return new WordVectors(ids, scales, values, dimensions);
    }
}
