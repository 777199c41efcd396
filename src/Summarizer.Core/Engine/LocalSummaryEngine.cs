using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Roles;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine;

/// <summary>The offline engine: deterministic rules, cue phrases and a gazetteer. No network, no keys.</summary>
public sealed class LocalSummaryEngine : ISummaryEngine
{
    public const string EngineName = "local";

    public const string ModelName = "local-rules/2";

    public string Name => EngineName;

    public string Model => ModelName;

    public ValueTask<SummaryDraft> SummarizeAsync(CleanedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Summarize(article));
    }

    public SummaryDraft Summarize(CleanedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var model = TextModel.Build(article.Text);
        var headlineBlock = HeadlineBlock(model, article.Title);
        var actors = ActorExtractor.Extract(model, headlineBlock);
        var roles = RoleCandidates.Of(model, RoleModel.Instance.ReadsEmbedding);
        return new SummaryDraft
        {
            Headline = Headline(model, article, headlineBlock),
            Abstract = Abstract(model),
            Actors = actors.Selected.Select(a => ActorExtractor.ToActor(a, model.Text)).ToList(),
            Conditions = ConditionItems.From(model, actors, RoleCandidates.Select(roles, RoleModel.Instance.Condition)),
            Venues = VenueExtractor.Extract(model, headlineBlock, actors),
            OpenQuestions = QuestionItems.From(RoleCandidates.Select(roles, RoleModel.Instance.OpenQuestion)),
            Model = ModelName,
        };
    }

    /// <summary>The block that holds the title: the cleaner's title when it is in the text, else the first title-like line before the story.</summary>
    private static Block? HeadlineBlock(TextModel model, string? title)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            var byTitle = model.Blocks.FirstOrDefault(b => string.Equals(b.Text.Trim(), title.Trim(), StringComparison.Ordinal));
            if (byTitle is not null)
            {
                return byTitle;
            }
        }
        // Before the story starts, the title is the most headline-like line: several words, some in lower case
        // (a headline has verbs), no separators that mark bylines and site names ("Outlet – Author", "Menu | Home").
        var firstProse = model.Blocks.FirstOrDefault(b => b.IsProse)?.Index ?? model.Blocks.Count;
        return model.Blocks.Take(firstProse)
            .Where(b => b.IsTitleLike)
            .Select(b => (Block: b, Score: TitleScore(b.Text)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Block.Index)
            .Select(c => c.Block)
            .FirstOrDefault();
    }

    private static int TitleScore(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lower = words.Count(w => char.IsLower(w[0]));
        var score = Math.Min(words.Length, 12) + (lower >= 2 ? 4 : 0);
        if (line.Contains(" – ", StringComparison.Ordinal) || line.Contains(" | ", StringComparison.Ordinal) || line.Contains('/', StringComparison.Ordinal))
        {
            score -= 6;
        }
        return words.Length >= 4 ? score : 0;
    }

    /// <summary>The article's title, else its title-like line, else the opening of its first sentence: headline-sized in every script.</summary>
    private static string Headline(TextModel model, CleanedArticle article, Block? block)
    {
        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            return Headlines.Bound(article.Title);
        }
        if (block is not null)
        {
            return Headlines.Bound(Whitespace.Squash(block.Text));
        }
        var first = model.Prose.FirstOrDefault(s => s.WordCount >= 5);
        if (first is null)
        {
            return article.Id;
        }
        var words = Whitespace.Squash(first.Text).Split(' ');
        return Headlines.Bound(words.Length <= 14 ? string.Join(' ', words) : string.Join(' ', words.Take(14)) + "…");
    }

    /// <summary>The lead: the first two or three story sentences, never furniture.</summary>
    private static string Abstract(TextModel model)
    {
        var picked = new List<string>();
        var words = 0;
        foreach (var sentence in model.Prose)
        {
            var text = Whitespace.Squash(sentence.Text);
            // Pages often repeat the lead as a synopsis: keep it once.
            if (sentence.WordCount < 8 || picked.Any(p => Overlap(p, text) >= 0.8))
            {
                continue;
            }
            picked.Add(text);
            words += sentence.WordCount;
            if (picked.Count == 3 || (picked.Count == 2 && words > 60))
            {
                break;
            }
        }
        return string.Join(' ', picked);
    }

    /// <summary>Share of the shorter sentence's words that the other one also has.</summary>
    private static double Overlap(string a, string b)
    {
        var wa = a.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ':', ';', '"', '“', '”')).ToHashSet();
        var wb = b.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ':', ';', '"', '“', '”')).ToHashSet();
        var shorter = Math.Min(wa.Count, wb.Count);
        return shorter == 0 ? 0 : (double)wa.Intersect(wb).Count() / shorter;
    }

}
