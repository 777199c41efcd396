using System.Globalization;
using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Roles;

/// <summary>A quoted span a person marked in an article; a non-core one may be reported but need not be.</summary>
public sealed record GoldEvidence(string Quote, bool Core = true);

/// <summary>An article's cleaned text with the conditions and open questions a person marked in it.</summary>
public sealed record TrainingArticle(string Name, string Text, IReadOnlyList<GoldEvidence> Conditions, IReadOnlyList<GoldEvidence> OpenQuestions)
{
    public IReadOnlyList<GoldEvidence> Gold(SentenceRole role) => role == SentenceRole.Condition ? Conditions : OpenQuestions;
}

/// <summary>The model file to ship and what cross-validation measured on the way.</summary>
public sealed record TrainingReport(string ModelFile, IReadOnlyList<string> Lines);

/// <summary>
/// Trains the sentence-role classifiers from marked articles: a sentence is positive when it states a marked span.
/// Regularisation, threshold and items per article are chosen by cross-validation over whole articles, scored the
/// way the summaries are judged (per-article F1 of the quoted items), so the selection is tuned on articles the
/// weights did not see. Whether a role reads the sentence embedding is chosen the same way: on 61 articles it helped
/// conditions and not open questions. Deterministic: the same articles give the same file.
/// </summary>
public static class RoleTrainer
{
    private const int Folds = 5;

    /// <summary>
    /// Cross-validation is run on this many splits of the articles into folds and averaged: on one split, settings a few
    /// hundredths apart are told apart by which articles happened to share a fold.
    /// </summary>
    private const int Repeats = 3;

    /// <summary>The fewest marked articles that cross-validation by article can work with.</summary>
    public const int MinArticles = Folds;

    private const int MinFeatureArticles = 3;

    private const int Iterations = 300;

    private const double Tolerance = 0.002;

    private static readonly double[] Regularisation = [3, 10, 30];

    private static readonly double[] Thresholds = Enumerable.Range(1, 19).Select(i => i / 20.0).ToArray();

    private static readonly int[] MaxItems = [1, 2, 3, 4, 5];

    // The rules alone, as they stood before the classifier, for comparison: at most 4 conditions and 3 questions.
    private static readonly Dictionary<SentenceRole, int> RulesOnlyMax = new()
    {
        [SentenceRole.Condition] = 4,
        [SentenceRole.OpenQuestion] = 3,
    };

    public static TrainingReport Train(IReadOnlyList<TrainingArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count < MinArticles)
        {
            throw new ArgumentException($"Training needs at least {MinArticles} marked articles; got {articles.Count}.", nameof(articles));
        }
        var prepared = articles.OrderBy(a => a.Name, StringComparer.Ordinal).Select(Prepare).ToList();
        var lines = new List<string> { $"{prepared.Count} articles, {prepared.Sum(p => p.Candidates.Count)} candidate sentences, {Folds}-fold cross-validation by article, on {Repeats} splits" };
        var classifiers = new Dictionary<SentenceRole, RoleClassifier>();
        foreach (var role in Enum.GetValues<SentenceRole>())
        {
            var rules = MeanF1(prepared, role, p => RuleSelection(p, role));
            var grid = new List<(double F1, double Lambda, bool Embedding, double Threshold, int Max)>();
            foreach (var embedding in new[] { false, true })
            {
                foreach (var lambda in Regularisation)
                {
                    var heldOut = Enumerable.Range(0, Repeats).Select(repeat => CrossValidatedProbabilities(prepared, role, lambda, embedding, repeat)).ToList();
                    foreach (var threshold in Thresholds)
                    {
                        foreach (var max in MaxItems)
                        {
                            var selection = RoleClassifier.SelectionOnly(role, threshold, max);
                            var f1 = heldOut.Average(probabilities => MeanF1(prepared, role, p => RoleCandidates.Select(p.Candidates, selection, c => probabilities[c])));
                            grid.Add((f1, lambda, embedding, threshold, max));
                        }
                    }
                }
            }
            // Near-ties (within two thousandths) go to the fewest items and the strictest threshold, so a set whose marks
            // list fewer optional items is not flooded. A wider margin, needed when one split decided, handed the choice
            // to the most restrictive setting and cost recall on unseen articles. The embedding is a setting like the others.
            var top = grid.Max(g => g.F1);
            var best = grid.Where(g => g.F1 >= top - Tolerance).OrderBy(g => g.Max).ThenByDescending(g => g.Threshold).ThenByDescending(g => g.F1).ThenBy(g => g.Embedding).First();
            var (bias, weights) = Fit(prepared, role, best.Lambda, best.Embedding);
            classifiers[role] = new RoleClassifier(role, bias, weights, best.Threshold, best.Max);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Name(role)}: rules only F1 {rules:0.000}; rules + classifier F1 {best.F1:0.000} (held out) at threshold {best.Threshold:0.00}, at most {best.Max} per article, L2 {best.Lambda}, {(best.Embedding ? "with" : "without")} the sentence embedding; {weights.Count} features"));
        }
        var model = new RoleModel(classifiers[SentenceRole.Condition], classifiers[SentenceRole.OpenQuestion]);
        var header = $"Sentence-role classifiers: logistic regression over the features in Engine/Roles/RoleFeatures.cs.\n"
            + $"Generated by `summarizer train` from {prepared.Count} marked articles; regenerate it, do not edit it.\n"
            + string.Join('\n', lines);
        return new TrainingReport(model.Format(header), lines);
    }

    private sealed record Prepared(TrainingArticle Article, List<RoleCandidate> Candidates, Dictionary<SentenceRole, bool[]> Labels);

    private static Prepared Prepare(TrainingArticle article)
    {
        var candidates = RoleCandidates.Of(TextModel.Build(article.Text), embedding: true);
        var labels = Enum.GetValues<SentenceRole>().ToDictionary(
            role => role,
            role => candidates.Select(c => article.Gold(role).Any(g => EvidenceMatch.Covers(c.Sentence.Text, g.Quote))).ToArray());
        return new Prepared(article, candidates, labels);
    }

    private static List<CueHit> RuleSelection(Prepared article, SentenceRole role)
    {
        var rulesOnly = RoleClassifier.SelectionOnly(role, threshold: 1.1, RulesOnlyMax[role]);
        return RoleCandidates.Select(article.Candidates, rulesOnly, _ => 0);
    }

    /// <summary>Each sentence's probability from weights trained without its article.</summary>
    /// <param name="repeat">Which split of the articles into folds: 0 is every fifth article, the others a fixed shuffle.</param>
    private static Dictionary<RoleCandidate, double> CrossValidatedProbabilities(List<Prepared> articles, SentenceRole role, double lambda, bool embedding, int repeat)
    {
        var order = Enumerable.Range(0, articles.Count).ToArray();
        if (repeat > 0)
        {
            new Random(repeat).Shuffle(order);
        }
        var foldOf = new int[articles.Count];
        for (var position = 0; position < order.Length; position++)
        {
            foldOf[order[position]] = position % Folds;
        }
        var result = new Dictionary<RoleCandidate, double>(ReferenceEqualityComparer.Instance);
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = articles.Where((_, i) => foldOf[i] != fold).ToList();
            var (bias, weights) = Fit(training, role, lambda, embedding);
            var classifier = new RoleClassifier(role, bias, weights, Threshold: 0, MaxItems: 0);
            foreach (var candidate in articles.Where((_, i) => foldOf[i] == fold).SelectMany(a => a.Candidates))
            {
                result[candidate] = classifier.Probability(candidate.Features);
            }
        }
        return result;
    }

    /// <summary>L2-regularised logistic regression by full-batch gradient descent with Adam steps.</summary>
    private static (double Bias, Dictionary<string, double> Weights) Fit(List<Prepared> articles, SentenceRole role, double lambda, bool embedding)
    {
        // A feature seen in only one or two articles describes those stories, not how roles are stated: it is left out.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = articles.SelectMany(a => a.Candidates.SelectMany(c => c.Features.Select(f => f.Name)).Distinct());
        foreach (var feature in names.Where(f => embedding || !RoleFeatures.IsEmbedding(f)))
        {
            counts[feature] = counts.GetValueOrDefault(feature) + 1;
        }
        var index = counts.Where(c => c.Value >= MinFeatureArticles).Select(c => c.Key).Order(StringComparer.Ordinal)
            .Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        var examples = articles
            .SelectMany(a => a.Candidates.Select((c, i) => (Features: c.Features.Where(f => index.ContainsKey(f.Name)).Select(f => (Index: index[f.Name], f.Value)).ToArray(), Label: a.Labels[role][i] ? 1.0 : 0.0)))
            .ToList();
        var n = examples.Count;
        var w = new double[index.Count + 1]; // the last weight is the bias
        var (m, v) = (new double[w.Length], new double[w.Length]);
        var gradient = new double[w.Length];
        const double rate = 0.05, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        for (var step = 1; step <= Iterations; step++)
        {
            Array.Clear(gradient);
            foreach (var (features, label) in examples)
            {
                var z = w[^1];
                foreach (var (f, x) in features)
                {
                    z += w[f] * x;
                }
                var error = 1 / (1 + Math.Exp(-z)) - label;
                foreach (var (f, x) in features)
                {
                    gradient[f] += error * x;
                }
                gradient[^1] += error;
            }
            for (var j = 0; j < w.Length; j++)
            {
                var g = gradient[j] / n + (j < w.Length - 1 ? lambda * w[j] / n : 0);
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                var mHat = m[j] / (1 - Math.Pow(beta1, step));
                var vHat = v[j] / (1 - Math.Pow(beta2, step));
                w[j] -= rate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
        }
        return (w[^1], index.ToDictionary(f => f.Key, f => w[f.Value], StringComparer.Ordinal));
    }

    /// <summary>Mean per-article F1 of the quotes a selection makes, against the marked spans.</summary>
    private static double MeanF1(List<Prepared> articles, SentenceRole role, Func<Prepared, List<CueHit>> select) =>
        articles.Average(a => F1(select(a).Select(h => h.Quote).ToList(), a.Article.Gold(role)));

    /// <summary>Each marked span is matched at most once; precision counts any match, recall only core spans.</summary>
    private static double F1(IReadOnlyList<string> quotes, IReadOnlyList<GoldEvidence> gold)
    {
        var used = new bool[gold.Count];
        var (matched, matchedCore) = (0, 0);
        foreach (var quote in quotes)
        {
            for (var i = 0; i < gold.Count; i++)
            {
                if (!used[i] && EvidenceMatch.Matches(quote, gold[i].Quote))
                {
                    used[i] = true;
                    matched++;
                    matchedCore += gold[i].Core ? 1 : 0;
                    break;
                }
            }
        }
        var core = gold.Count(g => g.Core);
        var precision = quotes.Count > 0 ? (double)matched / quotes.Count : core == 0 ? 1 : 0;
        var recall = core > 0 ? (double)matchedCore / core : 1;
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }

    private static string Name(SentenceRole role) => role == SentenceRole.Condition ? "conditions" : "open questions";
}
