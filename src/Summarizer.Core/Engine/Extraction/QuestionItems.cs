using System.Text.RegularExpressions;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// The open-question pass: each sentence the role pass picked becomes a question, asked the way its evidence states
/// what is open (the text's own question, an inverted "whether" clause, a phrasing from the data, else the statement).
/// </summary>
internal static class QuestionItems
{
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "would", "will", "can", "could", "should", "is", "are", "was", "were", "has", "have", "had", "may", "might", "must",
    };

    public static IReadOnlyList<OpenQuestion> From(IEnumerable<CueHit> hits) =>
        hits.Select(h => new OpenQuestion(Ask(h.Quote), h.Evidence))
            .ToList();

    /// <summary>Phrases an open question as a question: the text's own question, an inverted "whether" clause, or the clause itself.</summary>
    internal static string Ask(string evidence)
    {
        var quote = Whitespace.Squash(evidence).Trim('"', '“', '”', ' ');
        if (quote.EndsWith('?'))
        {
            return quote;
        }
        var lower = quote.ToLowerInvariant();
        var w = CueExtractor.IndexOfWord(lower, "whether");
        foreach (var phrasing in Phrasings.Where(p => w < 0 || !p.SkipWhenWhether))
        {
            if (phrasing.Apply(quote, lower) is { } question)
            {
                return question;
            }
        }
        foreach (var wh in new[] { "when", "how", "who", "what", "where", "which", "if" })
        {
            // "It is not known when the two sides will meet again" -> "When will the two sides meet again?"
            var at = CueExtractor.IndexOfWord(lower, wh);
            var not = at > 0 ? CueExtractor.IndexOfWord(lower[..at], "not") : -1;
            if (w < 0 && not >= 0 && InvertedClause(Resolved(FirstClause(quote[(at + wh.Length)..]), quote[..not])) is { } inverted)
            {
                return wh == "if" ? inverted : Capitalize(wh) + " " + inverted[0..1].ToLowerInvariant() + inverted[1..];
            }
        }
        if (w >= 0)
        {
            // "whether the ferries will run, and whether the state will step in": every open point is asked, in one question.
            var questions = new List<string>();
            for (var at = w; at >= 0; at = NextWhether(lower, at))
            {
                questions.Add(WhetherQuestion(quote, at));
            }
            return string.Join(", and ", questions.Select((q, k) => k == 0 ? q.TrimEnd('?') : Uncapitalize(q.TrimEnd('?')))) + "?";
        }
        return AskAbout(quote);
    }

    private static int NextWhether(string lower, int at)
    {
        var next = CueExtractor.IndexOfWord(lower[(at + 1)..], "whether");
        return next < 0 ? -1 : at + 1 + next;
    }

    private static string WhetherQuestion(string quote, int w)
    {
        var clause = FirstClause(quote[(w + "whether".Length)..]);
        if (clause.StartsWith("to ", StringComparison.Ordinal))
        {
            // "the board has yet to decide whether to sell the stadium" -> "Will the board sell the stadium?"
            var who = Subject(quote[..w]) ?? "they";
            return $"Will {who} {clause[3..]}?";
        }
        return InvertedClause(clause) ?? "Will " + clause.TrimEnd('.') + "?";
    }

    private static string Uncapitalize(string question) => question.Length == 0 ? question : char.ToLowerInvariant(question[0]) + question[1..];

    /// <summary>Words that may open a clause in lower case without changing its sense ("The talks …" -> "the talks …").</summary>
    private static readonly HashSet<string> LowerableOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "It", "They", "He", "She", "We", "There", "No",
    };

    /// <summary>
    /// A statement the role pass picked without a question cue, asked as a question: a plain reported clause with
    /// its auxiliary moved to the front ("no date has been set" -> "Has no date been set?"), else what comes next
    /// given the statement.
    /// </summary>
    internal static string AskAbout(string quote)
    {
        var clause = quote.TrimEnd('.', '…', '”', '"', '’', '?', ' ', ',');
        var lower = clause.ToLowerInvariant();
        foreach (var report in new[] { " said that ", " says that ", " said ", " says " })
        {
            var at = lower.IndexOf(report, StringComparison.Ordinal);
            // "…, he said in a radio interview" is an attribution after the statement, not the statement.
            if (at > 0 && (clause.Length - at - report.Length) * 2 >= clause.Length)
            {
                clause = clause[(at + report.Length)..];
                break;
            }
        }
        var firstWord = clause.Split(' ', 2)[0];
        if (LowerableOpeners.Contains(firstWord))
        {
            clause = char.ToLowerInvariant(clause[0]) + clause[1..];
        }
        // Only a plain clause is inverted; moving an auxiliary across commas or a long subject garbles the sentence.
        var plain = !clause.Contains(',', StringComparison.Ordinal) && clause.Split(' ').Length <= 25 && char.IsLower(clause[0]);
        return (plain ? InvertedClause(clause) : null) ?? $"What happens next, given that {clause}?";
    }

    /// <summary>"the two sides will meet again" -> "Will the two sides meet again?", or null without an auxiliary.</summary>
    private static string? InvertedClause(string clause)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 1; k < Math.Min(words.Length, 7); k++)
        {
            if (Auxiliaries.Contains(words[k]))
            {
                var rest = words.Take(k).Concat(words.Skip(k + 1));
                return Capitalize(words[k].ToLowerInvariant()) + " " + string.Join(' ', rest).TrimEnd('.') + "?";
            }
        }
        return null;
    }

    private static readonly IReadOnlyList<QuestionPhrasing> Phrasings = [.. Gazetteer.Lines("question-phrasings.tsv").Select(QuestionPhrasing.Parse)];

    /// <summary>A row of <c>Data/question-phrasings.tsv</c>: a pattern over the lower-cased quote and the question it asks.</summary>
    private sealed record QuestionPhrasing(Regex Pattern, string Question, bool SkipWhenWhether)
    {
        public static QuestionPhrasing Parse(string line)
        {
            var columns = line.Split('\t');
            return new QuestionPhrasing(
                new Regex(columns[0], RegexOptions.CultureInvariant | RegexOptions.Compiled),
                columns[1],
                columns.Length > 2 && columns[2].Contains("no-whether", StringComparison.Ordinal));
        }

        public string? Apply(string quote, string lower)
        {
            var match = Pattern.Match(lower);
            if (!match.Success)
            {
                return null;
            }
            string? subject = null;
            if (Question.Contains("{subject}", StringComparison.Ordinal) && (subject = SpeakingSubject(quote, lower, match.Index)) is null)
            {
                return null;
            }
            var group = match.Groups.Count > 1 && match.Groups[1].Success ? FirstClause(quote.Substring(match.Groups[1].Index, match.Groups[1].Length)) : "";
            var question = Question
                .Replace("{subject}", subject ?? "", StringComparison.Ordinal)
                .Replace("{rest}", FirstClause(quote[(match.Index + match.Length)..]), StringComparison.Ordinal)
                .Replace("{1}", group, StringComparison.Ordinal);
            return Whitespace.Squash(question).Replace(" ?", "?", StringComparison.Ordinal);
        }
    }

    /// <summary>The subject before a phrase; "it" or "they" after "X said" stands for X ("the association said it was considering").</summary>
    private static string? SpeakingSubject(string quote, string lower, int at)
    {
        var who = Subject(quote[..at]);
        var said = CueExtractor.IndexOfWord(lower, "said");
        return who is "it" or "they" && said > 0 && said < at && Subject(quote[..said]) is { } speaker ? speaker : who;
    }

    /// <summary>"[The authority has not said when] it will rule": a leading "it"/"they" is the subject named before.</summary>
    private static string Resolved(string clause, string before)
    {
        var space = clause.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && clause[..space] is "it" or "they" && Subject(before) is { } subject && subject.ToLowerInvariant() is not ("it" or "they" or "")
            ? subject + clause[space..]
            : clause;
    }

    private static string FirstClause(string s)
    {
        s = s.Trim();
        var cut = s.IndexOfAny([',', ';', '—']);
        // "9,000 staff": a comma between digits is part of the number.
        while (cut > 0 && s[cut] == ',' && cut + 1 < s.Length && char.IsDigit(s[cut - 1]) && char.IsDigit(s[cut + 1]))
        {
            cut = s.IndexOfAny([',', ';', '—'], cut + 1);
        }
        return (cut > 0 ? s[..cut] : s).TrimEnd('.', ' ');
    }

    /// <summary>The noun phrase just before a cue ("... said the board has yet to"): the last short stretch after a clause break.</summary>
    private static string? Subject(string before)
    {
        // "The Bureau, which runs the dam, has yet to": the relative aside is not part of the subject.
        var s = Regex.Replace(before.TrimEnd(), @",\s+(?:which|who|whose)\b[^,]*,(\s+\w+)?$", "$1").TrimEnd();
        foreach (var aux in new[] { " has", " have", " had", " is", " are", " was", " were", " remains", " remain" })
        {
            if (s.EndsWith(aux, StringComparison.Ordinal))
            {
                s = s[..^aux.Length];
                break;
            }
        }
        var start = 0;
        foreach (var marker in new[] { ", ", " said ", " says ", " that ", " but ", " and ", "However ", " because ", " since ", " while ", " when ", " is ", " was ", " if " })
        {
            var at = s.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at + marker.Length > start)
            {
                start = at + marker.Length;
            }
        }
        var subject = s[start..].Trim();
        var count = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (count is < 1 or > 5 || subject.Length == 0)
        {
            return null;
        }
        return char.IsUpper(subject[0]) && subject.StartsWith("The ", StringComparison.Ordinal) ? "the" + subject[3..] : subject;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
