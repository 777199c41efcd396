using Summarizer.Core.Engine.Roles;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine.Roles;

public sealed class RoleTrainerTests
{
    private static readonly string[] Parties =
    [
        "The ferry operator", "The nurses' union", "The city council", "The mining company", "The teachers' association",
        "The water board", "The regional airline", "The farmers' cooperative", "The port authority", "The bus company",
    ];

    private static readonly string[] Reporting =
    [
        "{0} met officials for three hours on Tuesday at the regional office.",
        "The talks covered wages, schedules and training for new staff members.",
        "A spokesperson described the meeting as long but useful for both sides.",
        "Local residents followed the discussion closely through the evening news.",
        "Both delegations returned to their offices late in the afternoon.",
    ];

    private static readonly string[] Terms =
    [
        "any agreement keeps the current staffing levels", "the night crossings return within a month", "the clinic budget is frozen for a year",
        "new mines pay a royalty to the province", "class sizes fall below thirty pupils", "the reservoir stays open to anglers",
        "pilots receive rest days after long flights", "grain prices are reviewed every spring", "cargo fees drop for small exporters",
        "rural routes run on Sundays",
    ];

    /// <summary>Invented articles whose one marked condition is stated with a verb no cue list holds.</summary>
    private static List<TrainingArticle> Articles()
    {
        var articles = new List<TrainingArticle>();
        for (var i = 0; i < Parties.Length; i++)
        {
            var condition = $"{Parties[i]} stipulates that {Terms[i]}.";
            var sentences = Reporting.Select(r => string.Format(System.Globalization.CultureInfo.InvariantCulture, r, Parties[i])).ToList();
            sentences.Insert(1 + i % 4, condition);
            articles.Add(new TrainingArticle($"article-{i:00}", string.Join("\n\n", sentences), [new GoldEvidence(condition)], []));
        }
        return articles;
    }

    [Fact]
    public void A_trained_model_finds_a_condition_stated_the_way_the_marked_articles_state_them()
    {
        var report = RoleTrainer.Train(Articles());
        var model = RoleModel.Parse(report.ModelFile.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));
        var unseen = TextModel.Build(
            "The hospital group opened talks with the regional health office on Monday.\n\n"
            + "The hospital group stipulates that the new maternity wing opens before the winter.\n\n"
            + "Reporters waited outside the building for most of the afternoon.");

        var picked = RoleCandidates.Select(RoleCandidates.Of(unseen, model.ReadsEmbedding), model.Condition);

        Assert.NotEmpty(picked);
        Assert.Contains("stipulates that the new maternity wing", picked[0].Sentence.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(picked, h => h.Sentence.Text.StartsWith("Reporters", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_compares_with_the_rules_on_held_out_articles()
    {
        var report = RoleTrainer.Train(Articles());

        Assert.Contains(report.Lines, l => l.StartsWith("conditions: rules only F1", StringComparison.Ordinal) && l.Contains("(held out)", StringComparison.Ordinal));
        Assert.Contains(report.Lines, l => l.StartsWith("open questions:", StringComparison.Ordinal));
        Assert.All(report.Lines, l => Assert.Contains($"# {l}", report.ModelFile, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_role_reads_the_sentence_embedding_only_when_cross_validation_chose_it()
    {
        var report = RoleTrainer.Train(Articles());
        var model = RoleModel.Parse(report.ModelFile.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));

        foreach (var (role, name) in new[] { (SentenceRole.Condition, "conditions:"), (SentenceRole.OpenQuestion, "open questions:") })
        {
            var line = report.Lines.Single(l => l.StartsWith(name, StringComparison.Ordinal));
            var embedded = model.For(role).Weights.Keys.Any(RoleFeatures.IsEmbedding);
            Assert.Contains(embedded ? "with the sentence embedding" : "without the sentence embedding", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_articles_give_the_same_model_file()
    {
        var articles = Articles();

        Assert.Equal(RoleTrainer.Train(articles).ModelFile, RoleTrainer.Train([.. articles.AsEnumerable().Reverse()]).ModelFile);
    }

    [Fact]
    public void Too_few_articles_to_cross_validate_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => RoleTrainer.Train(Articles().Take(3).ToList()));

        Assert.Contains("at least 5", error.Message, StringComparison.Ordinal);
    }
}
