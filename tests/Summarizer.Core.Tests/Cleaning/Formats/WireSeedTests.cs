using System.Text;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;
using static Summarizer.Core.Tests.Cleaning.Formats.WireFixtures;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>The seed article sent as wire copy summarises to what the plain-text seed does.</summary>
public sealed class WireSeedTests
{
    private const string SeedUri = "urn:newsml:summarizer.example:seed:000";

    /// <summary>The seed's headline and its story paragraphs, as a wire service would send them (no page furniture).</summary>
    private static (string Headline, List<string> Paragraphs) SeedStory()
    {
        var blocks = Encoding.UTF8.GetString(CleaningTestSupport.Seed()).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var headline = blocks[2];
        var teaser = blocks.IndexOf("Will Trump end the war?");
        return (headline, blocks.Skip(teaser + 1).Where(b => b != "Advertisements").ToList());
    }

    public static TheoryData<string> WireForms() => ["ninjs 1 body_text", "ninjs 2 bodies", "newsml-g2"];

    private static byte[] AsWire(string form)
    {
        var (headline, paragraphs) = SeedStory();
        var text = form switch
        {
            "ninjs 1 body_text" => $$"""{"uri": {{Json(SeedUri)}}, "version": "1", "pubstatus": "usable", "headline": {{Json(headline)}}, "body_text": {{Json(string.Join("\n\n", paragraphs))}}}""",
            "ninjs 2 bodies" => Ninjs2(paragraphs, headline).Replace(StoryId, SeedUri, StringComparison.Ordinal),
            _ => NewsItem(paragraphs: paragraphs, guid: SeedUri, headline: headline),
        };
        return Utf8(text);
    }

    private static SummaryDraft Summarize(CleanedArticle article) => new LocalSummaryEngine().Summarize(article);

    [Theory]
    [MemberData(nameof(WireForms))]
    public void The_seed_as_wire_copy_gives_the_same_actors_venues_conditions_and_open_questions(string form)
    {
        var plain = Summarize(CleaningTestSupport.Clean(CleaningTestSupport.Seed(), "text/plain", "seed.txt"));
        var wireArticle = CleaningTestSupport.Clean(AsWire(form));
        var wire = Summarize(wireArticle);

        Assert.Equal(SeedUri, wireArticle.Wire!.Guid);
        Assert.Equal(SeedStory().Headline, wireArticle.Title);
        Assert.NotEmpty(plain.Actors);
        Assert.Equal(plain.Actors.Select(a => (a.Name, a.Kind, a.Role)), wire.Actors.Select(a => (a.Name, a.Kind, a.Role)));
        Assert.NotEmpty(plain.Venues);
        Assert.Equal(plain.Venues.Select(v => (v.Name, v.Status)), wire.Venues.Select(v => (v.Name, v.Status)));
        Assert.NotEmpty(plain.Conditions);
        Assert.Equal(plain.Conditions.Select(c => (c.Holder, c.Text)), wire.Conditions.Select(c => (c.Holder, c.Text)));
        Assert.NotEmpty(plain.OpenQuestions);
        Assert.Equal(plain.OpenQuestions.Select(q => q.Question), wire.OpenQuestions.Select(q => q.Question));
    }
}
