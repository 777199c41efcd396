using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Roles;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine.Roles;

public sealed class RoleFeaturesTests
{
    private static IReadOnlyList<RoleFeature> AllOf(string text, int conditionCues = 0, int questionCues = 0, bool embedding = true) =>
        RoleFeatures.Of(TextModel.Build(text).Sentences.Single(), conditionCues, questionCues, embedding);

    private static List<string> FeaturesOf(string text, int conditionCues = 0, int questionCues = 0) =>
        [.. AllOf(text, conditionCues, questionCues).Select(f => f.Name)];

    private static double[] EmbeddingOf(string text) =>
        [.. AllOf(text).Where(f => RoleFeatures.IsEmbedding(f.Name)).Select(f => f.Value)];

    private static double Cosine(double[] a, double[] b) =>
        a.Zip(b, (x, y) => x * y).Sum() / Math.Sqrt(a.Sum(x => x * x) * b.Sum(y => y * y));

    [Fact]
    public void Names_and_numbers_are_abstracted_so_no_story_is_learned()
    {
        var features = FeaturesOf("Dana Whitfield told the Norvik board that 40 jobs must stay in Easton.");

        Assert.DoesNotContain(features, f => f.Contains("whitfield", StringComparison.OrdinalIgnoreCase) || f.Contains("norvik", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(features, f => f.Contains("40", StringComparison.Ordinal) && !RoleFeatures.IsEmbedding(f));
        Assert.Contains("w=" + RoleFeatures.Capitalized, features);
        Assert.Contains("w=" + RoleFeatures.Number, features);
        Assert.Contains("w=must", features);
        // The sentence's first word is not a name just because it is capitalised.
        Assert.Contains("w=dana", features);
    }

    [Fact]
    public void Cue_scores_length_and_a_question_mark_are_features()
    {
        var features = FeaturesOf("Will the ferry company restore the winter timetable before the end of the year?", conditionCues: 0, questionCues: 5);

        Assert.Contains("condition-cues=0", features);
        Assert.Contains("question-cues=5+", features);
        Assert.Contains("words=medium", features);
        Assert.Contains("asks", features);
    }

    [Fact]
    public void Each_feature_counts_once()
    {
        var features = FeaturesOf("The union said the union would wait for the union vote.");

        Assert.Equal(features.Count, features.Distinct().Count());
    }

    [Fact]
    public void Words_are_worth_one_and_the_embedding_has_a_valued_feature_per_dimension()
    {
        var features = AllOf("The orchestra will tour only if the new concert hall opens on time.");

        Assert.All(features.Where(f => !RoleFeatures.IsEmbedding(f.Name)), f => Assert.Equal(1, f.Value));
        var embedding = EmbeddingOf("The orchestra will tour only if the new concert hall opens on time.");
        Assert.Equal(WordVectors.Instance.Dimensions, embedding.Length);
        // Unit length times the square root of the dimensions: a coordinate is about the size of a word's 1.
        Assert.Equal(embedding.Length, embedding.Sum(x => x * x), 2);
    }

    [Fact]
    public void Without_the_embedding_only_the_words_cues_and_shape_remain()
    {
        var features = AllOf("The orchestra will tour only if the new concert hall opens on time.", embedding: false);

        Assert.DoesNotContain(features, f => RoleFeatures.IsEmbedding(f.Name));
        Assert.Contains(new RoleFeature("w=if"), features);
    }

    [Fact]
    public void The_embedding_ignores_names_and_numbers_like_the_words_do()
    {
        var one = EmbeddingOf("The committee said Halvorsen must repay 300 euros before the audit ends.");
        var other = EmbeddingOf("The committee said Okonkwo must repay 12 euros before the audit ends.");

        Assert.Equal(one, other);
    }

    [Fact]
    public void Sentences_saying_alike_in_other_words_have_close_embeddings()
    {
        var delayed = EmbeddingOf("The launch of the new rail timetable was delayed until spring.");
        var postponed = EmbeddingOf("The opening of the swimming pool was postponed until autumn.");
        var recipe = EmbeddingOf("Stir the flour into the melted butter and bake it for twenty minutes.");

        Assert.True(Cosine(delayed, postponed) > Cosine(delayed, recipe) + 0.1, $"{Cosine(delayed, postponed):0.00} vs {Cosine(delayed, recipe):0.00}");
    }
}
