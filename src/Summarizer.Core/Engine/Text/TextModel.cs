using System.Text.RegularExpressions;
using Summarizer.Core.Engine.Lexicon;

namespace Summarizer.Core.Engine.Text;

/// <summary>A run of lines that belong together (a paragraph, or a hard-wrapped paragraph re-joined).</summary>
internal sealed record Block(int Index, int Start, int End, string Text, bool IsProse, bool IsFurniture, bool IsTitleLike);

/// <summary>One sentence, as offsets into the article text, with its tokens.</summary>
internal sealed record Sentence(int Index, int BlockIndex, int Start, int End, string Text, bool IsProse, IReadOnlyList<Token> Tokens)
{
    public int WordCount => Tokens.Count(t => t.IsWord);
}

/// <summary>A word or punctuation mark; offsets index the article text.</summary>
internal sealed record Token(int Start, int End, string Text, bool IsWord, bool SentenceStart)
{
    /// <summary>Upper-case initial, or an Arabic/European name particle before one ("al-Burhan", "d'Estaing").</summary>
    public bool IsCapitalized => IsWord && (char.IsUpper(Text[0]) || IsParticleName(Text));

    private static bool IsParticleName(string word)
    {
        var sep = word.IndexOfAny(['-', '\'', '’']);
        return sep is > 0 and <= 3 && sep + 1 < word.Length && char.IsUpper(word[sep + 1])
            && word[..sep] is "al" or "el" or "ad" or "as" or "ash" or "at" or "an" or "bin" or "ibn" or "abu" or "de" or "di" or "da" or "d" or "l";
    }

    /// <summary>"RSF", "U.S.", "NDC": all letters upper case.</summary>
    public bool IsAllCaps => IsWord && Text.Any(char.IsLetter) && Text.Where(char.IsLetter).All(char.IsUpper);

    public bool IsPossessive => Text is "'s" or "’s" or "'" or "’";
}

/// <summary>
/// Blocks, sentences and tokens of an article. Everything keeps offsets into the original text, so any
/// span the engine quotes is a verbatim substring, whatever whitespace or wrapping the page had.
/// </summary>
internal sealed partial class TextModel
{
    private static readonly IReadOnlySet<string> Abbreviations = Lexicon.Gazetteer.Words("abbreviations.txt", ignoreCase: false);

    /// <summary>Words that, after an initialism such as "U.S.", show that a new sentence starts.</summary>
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "He", "She", "It", "They", "This", "That", "These", "But", "In", "On", "We", "I", "A", "An", "However",
        "Meanwhile", "Earlier", "Later", "There", "His", "Her", "Their", "Its", "As", "After", "Since", "While",
    };

    public string Text { get; }

    public IReadOnlyList<Block> Blocks { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    private TextModel(string text, List<Block> blocks, List<Sentence> sentences)
    {
        Text = text;
        Blocks = blocks;
        Sentences = sentences;
    }

    public IEnumerable<Sentence> Prose => Sentences.Where(s => s.IsProse);

    public static TextModel Build(string text)
    {
        var gazetteer = Gazetteer.Instance;
        var blocks = new List<Block>();
        var sentences = new List<Sentence>();
        foreach (var (start, end) in JoinedLines(text))
        {
            var (s, e) = SkipMetadataPrefix(text, start, end);
            if (e <= s)
            {
                continue;
            }
            var blockText = text[s..e];
            var words = WordRegex().Count(blockText);
            var furniture = IsFurniture(blockText, words, gazetteer);
            var terminal = EndsSentence(blockText) || SentenceBreakRegex().IsMatch(blockText);
            // Short lines count as story text only when they read as a sentence ("A board spokesman declined to comment.").
            var bullet = blockText[0] is '•' or '·' or '▪' or '*' or '-' or '–';
            var prose = !furniture && ((words >= 8 && terminal) || (words >= 20 && !bullet) || (words >= 5 && blockText.TrimEnd('"', '”', ' ').EndsWith('.') && LowerWords(blockText) >= 2));
            var titleLike = !prose && !furniture && words is >= 3 and <= 25 && char.IsUpper(blockText[0])
                && !blockText.EndsWith('?') && !blockText.Contains('|', StringComparison.Ordinal);
            var block = new Block(blocks.Count, s, e, blockText, prose, furniture, titleLike);
            blocks.Add(block);
            foreach (var (ss, se) in prose ? SplitSentences(text, s, e) : [(s, e)])
            {
                var tokens = Tokenize(text, ss, se);
                if (tokens.Count == 0)
                {
                    continue;
                }
                sentences.Add(new Sentence(sentences.Count, block.Index, ss, se, text[ss..se], prose, tokens));
            }
        }
        return new TextModel(text, blocks, sentences);
    }

    /// <summary>Lines with their offsets; a hard-wrapped line is joined with the next when it plainly continues it.</summary>
    private static List<(int Start, int End)> JoinedLines(string text)
    {
        var lines = new List<(int Start, int End, bool BlankBefore)>();
        var pos = 0;
        var blank = true;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var lineEnd = nl < 0 ? text.Length : nl;
            var (s, e) = Trim(text, pos, lineEnd);
            if (e > s)
            {
                lines.Add((s, e, blank));
                blank = false;
            }
            else
            {
                blank = true;
            }
            if (nl < 0)
            {
                break;
            }
            pos = nl + 1;
        }

        // A run of lines that is visibly hard-wrapped (several lines continue in lower case) is joined at every
        // line that does not end a sentence, so names split across lines ("Harbour / Board") stay whole.
        var wrapped = new bool[lines.Count];
        for (var runStart = 0; runStart < lines.Count;)
        {
            var runEnd = runStart + 1;
            while (runEnd < lines.Count && !lines[runEnd].BlankBefore)
            {
                runEnd++;
            }
            var continuations = 0;
            for (var i = runStart; i + 1 < runEnd; i++)
            {
                var next = text[lines[i + 1].Start];
                if (!EndsSentence(text[lines[i].Start..lines[i].End]) && (char.IsLower(next) || next is ',' or ';'))
                {
                    continuations++;
                }
            }
            for (var i = runStart; i < runEnd; i++)
            {
                wrapped[i] = continuations >= 2;
            }
            runStart = runEnd;
        }

        var joined = new List<(int, int)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end, _) = lines[i];
            while (i + 1 < lines.Count && !lines[i + 1].BlankBefore
                   && (Continues(text, start, end, lines[i + 1].Start) || wrapped[i] && !EndsSentence(text[lines[i].Start..lines[i].End])))
            {
                end = lines[++i].End;
            }
            joined.Add((start, end));
        }
        return joined;
    }

    private static bool Continues(string text, int start, int end, int nextStart)
    {
        var last = text[end - 1];
        if (".!?:\"”’)".Contains(last, StringComparison.Ordinal))
        {
            return false;
        }
        // A headline followed by a caption, or list items, are separate even when neither ends a sentence;
        // only a lower-case continuation shows a wrapped line here (whole wrapped runs are handled by the caller).
        var next = text[nextStart];
        return char.IsLower(next) || next is ',' or ';' or ')';
    }

    private static (int, int) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    /// <summary>Skips capture metadata such as "date 2024-08-09" that some pages carry before the story.</summary>
    private static (int, int) SkipMetadataPrefix(string text, int start, int end)
    {
        var m = MetadataRegex().Match(text, start, end - start);
        return m.Success ? (m.Index + m.Length, end) : (start, end);
    }

    private static bool IsFurniture(string block, int words, Gazetteer gazetteer)
    {
        if (words == 0)
        {
            return true;
        }
        var lower = block.ToLowerInvariant().TrimStart('*', '(', ' ', '•', '-');
        foreach (var f in gazetteer.Furniture)
        {
            // One-word phrases ("share", "update") only mark short lines; longer phrases ("you can now subscribe") are specific enough.
            if (lower.StartsWith(f, StringComparison.Ordinal)
                && (lower.Length == f.Length || !char.IsLetter(lower[f.Length]))
                && (words <= 12 || f.Contains(' ', StringComparison.Ordinal)))
            {
                return true;
            }
        }
        // Credits and captions: "Name | Outlet", "caption / Photo agency".
        return words <= 14 && (block.Contains(" | ", StringComparison.Ordinal) || block.Contains(" / ", StringComparison.Ordinal));
    }

    private static int LowerWords(string s) => WordRegex().Matches(s).Count(m => char.IsLower(m.Value[0]));

    private static bool EndsSentence(string s)
    {
        var t = s.TrimEnd('"', '”', '’', '\'', ')', ' ');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…';
    }

    /// <summary>Sentence spans within a prose block, robust to abbreviations ("Mr.", "Gen.") and initialisms ("U.S.").</summary>
    internal static List<(int Start, int End)> SplitSentences(string text, int start, int end)
    {
        var result = new List<(int, int)>();
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }
            var j = i + 1;
            while (j < end && text[j] is '"' or '”' or '’' or '\'' or ')' or '.' or '!' or '?')
            {
                j++;
            }
            if (j >= end)
            {
                break;
            }
            if (!char.IsWhiteSpace(text[j]))
            {
                continue;
            }
            var k = j;
            while (k < end && char.IsWhiteSpace(text[k]))
            {
                k++;
            }
            if (k >= end)
            {
                break;
            }
            var next = text[k];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '‘' or '\'' or '(' or '['))
            {
                continue;
            }
            if (c == '.' && !IsSentenceEndingPeriod(text, sentenceStart, i, k, end))
            {
                continue;
            }
            result.Add(Trim(text, sentenceStart, j));
            sentenceStart = k;
            i = k - 1;
        }
        var last = Trim(text, sentenceStart, end);
        if (last.Item2 > last.Item1)
        {
            result.Add(last);
        }
        return result;
    }

    private static bool IsSentenceEndingPeriod(string text, int sentenceStart, int period, int nextWord, int end)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
        {
            wordStart--;
        }
        var word = text[wordStart..period];
        var nextEnd = nextWord;
        while (nextEnd < end && char.IsLetter(text[nextEnd]))
        {
            nextEnd++;
        }
        var following = text[nextWord..nextEnd];
        if (Abbreviations.Contains(word))
        {
            return false;
        }
        // "U.S.", "J.", "D.C.": an initialism ends a sentence only when a typical sentence opener follows.
        var isInitialism = word.Length > 0 && (word.Length == 1 && char.IsUpper(word[0]) || InitialismRegex().IsMatch(word + "."));
        return !isInitialism || SentenceStarters.Contains(following);
    }

    internal static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        var first = true;
        var consumed = start;
        foreach (Match m in TokenRegex().Matches(text[start..end]))
        {
            var s = start + m.Index;
            if (s < consumed)
            {
                continue; // the period of an abbreviation already taken into its word
            }
            var value = m.Value;
            var isWord = char.IsLetterOrDigit(value[0]);
            // "Putin’s" -> "Putin" + "’s": the possessive is a separate token so names stay clean.
            if (isWord && value.Length > 2 && (value.EndsWith("'s", StringComparison.Ordinal) || value.EndsWith("’s", StringComparison.Ordinal)))
            {
                tokens.Add(new Token(s, s + value.Length - 2, value[..^2], true, first));
                tokens.Add(new Token(s + value.Length - 2, s + value.Length, value[^2..], false, false));
            }
            else
            {
                // Abbreviated titles and initials keep their period ("Gen.", "Mr.", the "J." of "Stephen J. Smith").
                var e = s + value.Length;
                if (isWord && e < end && text[e] == '.' && (Abbreviations.Contains(value) || value.Length == 1 && char.IsUpper(value[0])))
                {
                    value += ".";
                    e++;
                }
                tokens.Add(new Token(s, e, value, isWord, first && isWord));
                consumed = e;
            }
            if (isWord)
            {
                first = false;
            }
        }
        return tokens;
    }

    [GeneratedRegex(@"\A\s*date\s+\d{4}-\d{2}-\d{2}\s*")]
    private static partial Regex MetadataRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"[.!?][""”’)]?\s+[A-Z“""]")]
    private static partial Regex SentenceBreakRegex();

    [GeneratedRegex(@"^(?:\p{L}\.){1,4}$")]
    private static partial Regex InitialismRegex();

    [GeneratedRegex(@"(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*(?:['’]s)?|[^\s\p{L}\p{N}]")]
    private static partial Regex TokenRegex();
}
