using Summarizer.Core.Engine.Model;

namespace Summarizer.Core.Tests.Engine;

/// <summary>A model's actors get their mention counts from the article, not from the model.</summary>
public sealed class MentionCounterTests
{
    private const string Text =
        "Mayor Linda Okafor met the ferry operators. Okafor said the timetable would change. " +
        "The operators asked Okafor's office for a reply; Okaforville was not mentioned.";

    [Fact]
    public void A_full_name_and_its_surname_alias_count_once_per_place_named()
    {
        Assert.Equal(3, MentionCounter.Count(Text, ["Linda Okafor", "Okafor"]));
    }

    [Fact]
    public void Only_whole_words_count()
    {
        Assert.Equal(1, MentionCounter.Count("Okaforville was quiet; Okafor was not.", ["Okafor"]));
    }

    [Fact]
    public void An_actor_named_only_in_a_form_the_text_lacks_still_counts_its_quote()
    {
        Assert.Equal(1, MentionCounter.Count(Text, ["Eastport Ferries", ""]));
    }
}
