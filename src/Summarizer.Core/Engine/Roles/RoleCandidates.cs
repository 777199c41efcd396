using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Roles;

/// <summary>A story sentence with what the cue rules found for each role and the features the classifiers read.</summary>
internal sealed record RoleCandidate(Sentence Sentence, CueHit Condition, CueHit OpenQuestion, IReadOnlyList<RoleFeature> Features)
{
    public CueHit Hit(SentenceRole role) => role == SentenceRole.Condition ? Condition : OpenQuestion;
}

/// <summary>
/// The sentence-role pass: every story sentence long enough to state a term or a question is scored by the cue
/// rules and by the trained classifier (which reads the cue scores among its features); both pick.
/// </summary>
internal static class RoleCandidates
{
    /// <summary>The cue score at which the rules alone take a sentence: one strong cue, or two weak ones.</summary>
    public const int RuleThreshold = 2;

    // Fragments (a page cut off mid-sentence) are too short to state a condition or a question.
    private const int MinWords = 6;

    /// <param name="embedding">Whether the features include the sentence embedding (<see cref="RoleModel.ReadsEmbedding"/>).</param>
    public static List<RoleCandidate> Of(TextModel model, bool embedding)
    {
        var gazetteer = Gazetteer.Instance;
        var candidates = new List<RoleCandidate>();
        foreach (var sentence in model.Prose.Where(s => s.WordCount >= MinWords))
        {
            var condition = CueExtractor.Score(sentence, gazetteer.ConditionCues, questions: false);
            var question = CueExtractor.Score(sentence, gazetteer.QuestionCues, questions: true);
            candidates.Add(new RoleCandidate(sentence, condition, question, RoleFeatures.Of(sentence, condition.Score, question.Score, embedding)));
        }
        return candidates;
    }

    /// <summary>
    /// Rules for precision, the classifier for recall: sentences whose cues reach <see cref="RuleThreshold"/> come
    /// first, strongest first; then those the classifier rates at or above its threshold, most likely first. One
    /// item per distinct quote, at most the classifier's cap.
    /// </summary>
    public static List<CueHit> Select(IReadOnlyList<RoleCandidate> candidates, RoleClassifier classifier, Func<RoleCandidate, double>? probability = null)
    {
        probability ??= c => classifier.Probability(c.Features);
        var byRules = candidates.Select(c => c.Hit(classifier.Role))
            .Where(h => h.Score >= RuleThreshold)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Sentence.Index);
        var byClassifier = candidates.Select(c => (Candidate: c, P: probability(c)))
            .Where(c => c.P >= classifier.Threshold)
            .OrderByDescending(c => c.P)
            .ThenBy(c => c.Candidate.Sentence.Index)
            .Select(c => c.Candidate.Hit(classifier.Role));
        var quotes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // A sentence both pick is one item; pages often repeat the lead as a synopsis: the same clause is one item too.
        return byRules.Concat(byClassifier)
            .Where(h => quotes.Add(Whitespace.Squash(h.Quote)))
            .Take(classifier.MaxItems)
            .ToList();
    }
}
