using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine;

public sealed class SegmentationTests
{
    private static List<string> ProseSentences(string text) => TextModel.Build(text).Prose.Select(s => s.Text).ToList();

    [Fact]
    public void Titles_and_initialisms_do_not_end_a_sentence()
    {
        var sentences = ProseSentences("Mr. Smith met Gen. Jones at the U.S. embassy on Friday. The meeting lasted an hour and ended without a statement.");

        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("Mr. Smith met Gen. Jones at the U.S. embassy", sentences[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_initialism_followed_by_a_sentence_opener_ends_the_sentence()
    {
        var sentences = ProseSentences("The delegation flew back to the U.S. The talks resume next month in a neutral city, officials said.");

        Assert.Equal(2, sentences.Count);
        Assert.EndsWith("to the U.S.", sentences[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        var sentences = ProseSentences("“We will not sign this text,” the minister said. “Nobody asked us.” Talks are expected to continue next week anyway.");

        Assert.Equal(3, sentences.Count);
        Assert.Equal("“Nobody asked us.”", sentences[1]);
    }

    [Fact]
    public void Hard_wrapped_lines_are_joined_and_quotes_keep_the_original_whitespace()
    {
        const string text = "The regulator will meet the company chief executive\nnext week, two people close to the plan said on Tuesday.";

        var model = TextModel.Build(text);

        var sentence = Assert.Single(model.Prose);
        Assert.Equal(text, sentence.Text);
        Assert.Equal(text, model.Text[sentence.Start..sentence.End]);
    }

    [Fact]
    public void Menus_ads_and_teasers_are_not_prose()
    {
        var model = TextModel.Build("Home\n\nAdvertisement\n\nWill the mayor resign?\n\nRead also: Ten things about the budget\n\nThe mayor presented the budget to the council on Monday evening.");

        var prose = Assert.Single(model.Prose);
        Assert.StartsWith("The mayor presented", prose.Text, StringComparison.Ordinal);
        Assert.All(model.Blocks.Take(4), b => Assert.False(b.IsProse));
    }

    [Fact]
    public void Capture_metadata_before_the_story_is_skipped()
    {
        var model = TextModel.Build(" date 2021-03-04 The city council voted on Thursday to delay the new parking rules by a year.");

        Assert.StartsWith("The city council voted", Assert.Single(model.Prose).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Possessives_are_split_from_names()
    {
        var tokens = TextModel.Tokenize("Lindqvist’s plan", 0, "Lindqvist’s plan".Length);

        Assert.Equal(["Lindqvist", "’s", "plan"], tokens.Select(t => t.Text));
    }
}
