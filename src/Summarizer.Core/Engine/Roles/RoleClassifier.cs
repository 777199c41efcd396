using System.Globalization;
using System.Text;

namespace Summarizer.Core.Engine.Roles;

/// <summary>
/// A logistic model over <see cref="RoleFeatures"/> for one role, with the selection the trainer chose by
/// cross-validation: sentences at or above <see cref="Threshold"/>, at most <see cref="MaxItems"/> per article.
/// </summary>
internal sealed record RoleClassifier(SentenceRole Role, double Bias, IReadOnlyDictionary<string, double> Weights, double Threshold, int MaxItems)
{
    /// <summary>A selection without weights, for trying thresholds and caps on probabilities computed elsewhere.</summary>
    public static RoleClassifier SelectionOnly(SentenceRole role, double threshold, int maxItems) =>
        new(role, 0, new Dictionary<string, double>(), threshold, maxItems);

    public double Probability(IEnumerable<RoleFeature> features)
    {
        var z = Bias;
        foreach (var feature in features)
        {
            z += Weights.GetValueOrDefault(feature.Name) * feature.Value;
        }
        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>The trained sentence-role classifiers, one per role, kept as the data file <c>Data/sentence-roles.tsv</c>.</summary>
internal sealed class RoleModel
{
    public const string FileName = "sentence-roles.tsv";

    private const string BiasKey = "@bias";

    private const string ThresholdKey = "@threshold";

    private const string MaxItemsKey = "@max-items";

    private static readonly Lazy<RoleModel> Shared = new(() => Parse(Lexicon.Gazetteer.Lines(FileName)), LazyThreadSafetyMode.ExecutionAndPublication);

    public static RoleModel Instance => Shared.Value;

    public RoleModel(RoleClassifier condition, RoleClassifier openQuestion)
    {
        Condition = condition;
        OpenQuestion = openQuestion;
        ReadsEmbedding = new[] { condition, openQuestion }.Any(c => c.Weights.Keys.Any(RoleFeatures.IsEmbedding));
    }

    /// <summary>Whether either role weighs the sentence embedding; when neither does, the word vectors are never loaded.</summary>
    public bool ReadsEmbedding { get; }

    public RoleClassifier Condition { get; }

    public RoleClassifier OpenQuestion { get; }

    public RoleClassifier For(SentenceRole role) => role == SentenceRole.Condition ? Condition : OpenQuestion;

    /// <summary>One line per weight: role, feature, weight; the bias and selection as @-keys. Zero weights are left out.</summary>
    public string Format(string header)
    {
        var text = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            text.Append("# ").Append(line).Append('\n');
        }
        foreach (var classifier in new[] { Condition, OpenQuestion })
        {
            var role = RoleName(classifier.Role);
            Append(text, role, BiasKey, classifier.Bias);
            Append(text, role, ThresholdKey, classifier.Threshold);
            Append(text, role, MaxItemsKey, classifier.MaxItems);
            foreach (var (feature, weight) in classifier.Weights.Where(w => Math.Abs(w.Value) >= 0.0005).OrderByDescending(w => Math.Abs(w.Value)).ThenBy(w => w.Key, StringComparer.Ordinal))
            {
                Append(text, role, feature, weight);
            }
        }
        return text.ToString();
    }

    public static RoleModel Parse(IEnumerable<string> lines)
    {
        var byRole = Enum.GetValues<SentenceRole>().ToDictionary(r => r, _ => (Bias: 0.0, Threshold: 1.0, Max: 0, Weights: new Dictionary<string, double>(StringComparer.Ordinal)));
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new FormatException($"{FileName}: expected role, feature and weight in '{line}'.");
            }
            var role = fields[0] switch
            {
                "condition" => SentenceRole.Condition,
                "open-question" => SentenceRole.OpenQuestion,
                _ => throw new FormatException($"{FileName}: unknown role '{fields[0]}'."),
            };
            var value = double.Parse(fields[2], CultureInfo.InvariantCulture);
            var entry = byRole[role];
            switch (fields[1])
            {
                case BiasKey: entry.Bias = value; break;
                case ThresholdKey: entry.Threshold = value; break;
                case MaxItemsKey: entry.Max = (int)value; break;
                default: entry.Weights[fields[1]] = value; break;
            }
            byRole[role] = entry;
        }
        RoleClassifier Build(SentenceRole role) => new(role, byRole[role].Bias, byRole[role].Weights, byRole[role].Threshold, byRole[role].Max);
        return new RoleModel(Build(SentenceRole.Condition), Build(SentenceRole.OpenQuestion));
    }

    private static string RoleName(SentenceRole role) => role == SentenceRole.Condition ? "condition" : "open-question";

    private static void Append(StringBuilder text, string role, string feature, double value) =>
        text.Append(role).Append('\t').Append(feature).Append('\t').Append(value.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
}
