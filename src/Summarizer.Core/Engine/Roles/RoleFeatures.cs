using System.Globalization;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Roles;

/// <summary>One piece of evidence: a word or cue bucket has the value 1, a coordinate of the sentence's meaning its own.</summary>
internal readonly record struct RoleFeature(string Name, double Value = 1);

/// <summary>
/// The evidence a sentence offers for its role: its words with names and numbers abstracted away (so no story's people
/// or places are learned), its length, whether it asks, what the cue rules found, and the mean of its words' distilled
/// vectors (<see cref="WordVectors"/>), which carries a word the marked articles never used to the words they did.
/// Word pairs were tried: on 61 articles they fit the training stories and scored lower on unseen ones.
/// </summary>
internal static class RoleFeatures
{
    public const string Capitalized = "<cap>";

    public const string Number = "<num>";

    /// <summary>The embedding's features are named <c>emb0</c>, <c>emb1</c>, ….</summary>
    public const string EmbeddingPrefix = "emb";

    private static readonly Lazy<string[]> EmbeddingNames = new(() =>
        [.. Enumerable.Range(0, WordVectors.Instance.Dimensions).Select(j => EmbeddingPrefix + j.ToString(CultureInfo.InvariantCulture))]);

    public static bool IsEmbedding(string feature) => feature.StartsWith(EmbeddingPrefix, StringComparison.Ordinal);

    /// <summary>Each feature once: a word said twice is no stronger evidence.</summary>
    /// <param name="embedding">Whether to add the sentence embedding; a model that reads none need not pay for it.</param>
    public static IReadOnlyList<RoleFeature> Of(Sentence sentence, int conditionCueScore, int questionCueScore, bool embedding)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>(sentence.Tokens.Count);
        for (var i = 0; i < sentence.Tokens.Count; i++)
        {
            var word = Normalize(sentence.Tokens, i);
            features.Add("w=" + word);
            if (sentence.Tokens[i].IsWord && word is not Capitalized and not Number)
            {
                words.Add(word);
            }
        }
        features.Add("condition-cues=" + Bucket(conditionCueScore));
        features.Add("question-cues=" + Bucket(questionCueScore));
        features.Add("words=" + (sentence.WordCount switch { < 12 => "short", < 25 => "medium", < 40 => "long", _ => "very long" }));
        if (sentence.Text.TrimEnd('"', '”', '’', ' ').EndsWith('?'))
        {
            features.Add("asks");
        }
        var result = new List<RoleFeature>(features.Count + (embedding ? EmbeddingNames.Value.Length : 0));
        result.AddRange(features.Select(f => new RoleFeature(f)));
        if (!embedding)
        {
            return result;
        }
        // Unit length spreads over the dimensions: scaled by their square root, a coordinate is about as large as a
        // word's 1, so one L2 penalty suits both kinds.
        var scale = Math.Sqrt(EmbeddingNames.Value.Length);
        var mean = WordVectors.Instance.Mean(words);
        for (var j = 0; j < mean.Length; j++)
        {
            result.Add(new RoleFeature(EmbeddingNames.Value[j], scale * mean[j]));
        }
        return result;
    }

    /// <summary>Cue scores in the steps the cue lists use: none, weak, clear, strong.</summary>
    private static string Bucket(int score) => score switch { <= 0 => "0", <= 2 => "1-2", <= 4 => "3-4", _ => "5+" };

    private static string Normalize(IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        if (!token.IsWord)
        {
            return token.Text switch { "“" or "”" or "\"" => "\"", "‘" or "’" => "'", _ => token.Text };
        }
        if (token.Text.Any(char.IsDigit))
        {
            return Number;
        }
        var opensClause = i == 0 || tokens[i - 1].Text is "\"" or "“" or ":" or "(";
        if (token.IsCapitalized && !opensClause)
        {
            return Capitalized;
        }
        return token.Text.Replace('’', '\'').ToLowerInvariant();
    }
}
