using Summarizer.Core.Engine.Roles;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine.Roles;

public sealed class RoleFeaturesTests
{
    private static IReadOnlyList<string> FeaturesOf(string text, int conditionCues = 0, int questionCues = 0) =>
        RoleFeatures.Of(TextModel.Build(text).Sentences.Single(), conditionCues, questionCues);

    [Fact]
    public void Names_and_numbers_are_abstracted_so_no_story_is_learned()
    {
        var features = FeaturesOf("Dana Whitfield told the Norvik board that 40 jobs must stay in Easton.");

        Assert.DoesNotContain(features, f => f.Contains("whitfield", StringComparison.OrdinalIgnoreCase) || f.Contains("norvik", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(features, f => f.Contains("40", StringComparison.Ordinal));
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
}
