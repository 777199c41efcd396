using Summarizer.Core.Engine.Lexicon;

namespace Summarizer.Core.Tests.Engine.Lexicon;

public sealed class WordVectorsTests
{
    /// <summary>A four-token vocabulary in two dimensions, written and read back the way the shipped file is.</summary>
    private static WordVectors Tiny()
    {
        using var stream = new MemoryStream();
        WordVectors.Write(stream, ["harbour", "cafe", "##s", "don", "t"], [[1, 0], [0, 1], [0, -1], [1, 1], [-1, 1]]);
        stream.Position = 0;
        return WordVectors.Read(stream);
    }

    private static float[] VectorOf(WordVectors vectors, string word)
    {
        var sum = new float[vectors.Dimensions];
        Assert.True(vectors.AddWord(word, sum), word);
        return sum;
    }

    [Fact]
    public void The_file_reads_back_with_each_vector_to_a_byte_s_precision()
    {
        var vectors = Tiny();

        Assert.Equal(5, vectors.Count);
        Assert.Equal(2, vectors.Dimensions);
        Assert.Equal([1f, 0f], VectorOf(vectors, "harbour"));
    }

    [Fact]
    public void A_word_not_in_the_vocabulary_is_the_mean_of_its_word_pieces()
    {
        var vectors = Tiny();

        Assert.Equal([0.5f, -0.5f], VectorOf(vectors, "harbours"));
    }

    [Fact]
    public void Accents_are_dropped_and_an_apostrophe_splits_the_word_as_the_uncased_vocabulary_does()
    {
        var vectors = Tiny();

        Assert.Equal([0f, 1f], VectorOf(vectors, "café"));
        Assert.Equal([0f, 1f], VectorOf(vectors, "don't"));
    }

    [Fact]
    public void A_word_with_an_unknown_stretch_has_no_vector()
    {
        var vectors = Tiny();

        Assert.False(vectors.AddWord("harbourx", new float[2]));
        Assert.False(vectors.AddWord("---", new float[2]));
    }

    [Fact]
    public void A_sentence_s_mean_has_unit_length_or_is_zero_when_no_word_is_known()
    {
        var vectors = Tiny();

        var mean = vectors.Mean(["harbour", "cafe", "unknownword"]);
        Assert.Equal(1, Math.Sqrt(mean.Sum(x => x * x)), 5);
        Assert.Equal(mean[0], mean[1], 5);
        Assert.All(vectors.Mean(["zzz"]), x => Assert.Equal(0, x));
    }

    [Fact]
    public void Only_words_and_word_pieces_of_letters_are_kept_by_the_distiller()
    {
        Assert.True(WordVectors.Keeps("ferry"));
        Assert.True(WordVectors.Keeps("##ing"));
        Assert.False(WordVectors.Keeps("[unused7]"));
        Assert.False(WordVectors.Keeps("1990"));
        Assert.False(WordVectors.Keeps(","));
        Assert.False(WordVectors.Keeps("##"));
    }

    [Fact]
    public void Another_file_is_refused_by_name()
    {
        using var stream = new MemoryStream("condition\tw=unless\t1.5\n"u8.ToArray());

        var error = Assert.Throws<FormatException>(() => WordVectors.Read(stream));

        Assert.Contains(WordVectors.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_vectors_place_words_of_like_meaning_together()
    {
        var vectors = WordVectors.Instance;
        double Similarity(string a, string b)
        {
            var (x, y) = (vectors.Mean([a]), vectors.Mean([b]));
            return x.Zip(y, (p, q) => (double)p * q).Sum();
        }

        Assert.True(vectors.Count > 20_000);
        Assert.True(Similarity("postponed", "delayed") > Similarity("postponed", "banana") + 0.2);
        Assert.True(Similarity("unclear", "uncertain") > Similarity("unclear", "tractor") + 0.2);
    }
}
