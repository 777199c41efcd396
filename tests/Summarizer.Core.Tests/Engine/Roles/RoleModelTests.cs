using Summarizer.Core.Engine.Roles;

namespace Summarizer.Core.Tests.Engine.Roles;

public sealed class RoleModelTests
{
    private static RoleClassifier Classifier(SentenceRole role) =>
        new(role, -2, new Dictionary<string, double> { ["w=unless"] = 3.5, ["w=weather"] = -0.75, ["emb0"] = 0.25 }, 0.45, 3);

    [Fact]
    public void The_model_file_reads_back_as_the_same_classifiers()
    {
        var model = new RoleModel(Classifier(SentenceRole.Condition), Classifier(SentenceRole.OpenQuestion));

        var file = model.Format("trained on test fixtures\nsecond header line");
        var read = RoleModel.Parse(file.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));

        Assert.StartsWith("# trained on test fixtures\n# second header line\n", file, StringComparison.Ordinal);
        foreach (var role in Enum.GetValues<SentenceRole>())
        {
            var (written, back) = (model.For(role), read.For(role));
            Assert.Equal(written.Threshold, back.Threshold);
            Assert.Equal(written.MaxItems, back.MaxItems);
            RoleFeature[] features = [new("w=unless"), new("w=weather"), new("emb0", -1.5)];
            Assert.Equal(written.Probability(features), back.Probability(features), 4);
            Assert.Equal(written.Probability([new("w=unknown-feature")]), back.Probability([new("w=unknown-feature")]), 4);
        }
    }

    [Fact]
    public void A_valued_feature_weighs_its_weight_times_its_value()
    {
        var classifier = Classifier(SentenceRole.Condition);

        // bias -2, w=unless 3.5, emb0 0.25 × 2: z = 2.
        Assert.Equal(1 / (1 + Math.Exp(-2)), classifier.Probability([new("w=unless"), new("emb0", 2)]), 6);
    }

    [Fact]
    public void A_model_reads_the_embedding_only_when_a_role_weighs_it()
    {
        var words = new RoleClassifier(SentenceRole.OpenQuestion, -1, new Dictionary<string, double> { ["w=whether"] = 2 }, 0.5, 2);

        Assert.True(new RoleModel(Classifier(SentenceRole.Condition), words).ReadsEmbedding);
        Assert.False(new RoleModel(words with { Role = SentenceRole.Condition }, words).ReadsEmbedding);
    }

    [Fact]
    public void A_damaged_line_names_the_file()
    {
        var error = Assert.Throws<FormatException>(() => RoleModel.Parse(["condition\tw=unless"]));

        Assert.Contains(RoleModel.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_model_loads_with_a_selection_for_each_role()
    {
        foreach (var role in Enum.GetValues<SentenceRole>())
        {
            var classifier = RoleModel.Instance.For(role);
            Assert.InRange(classifier.Threshold, 0.01, 0.99);
            Assert.InRange(classifier.MaxItems, 1, 5);
            Assert.NotEmpty(classifier.Weights);
        }
    }
}
