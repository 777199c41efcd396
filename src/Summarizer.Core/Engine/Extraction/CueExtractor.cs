using System.Text.RegularExpressions;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>A sentence that carries a cue, with the clause quoted as evidence.</summary>
internal sealed record CueHit(Sentence Sentence, int Score, int CueStart, int CueEnd, string Cue, string? Role, int QuoteStart, int QuoteEnd)
{
    /// <summary>The quoted clause, verbatim from the article.</summary>
    public string Quote => Sentence.Text[(QuoteStart - Sentence.Start)..(QuoteEnd - Sentence.Start)];

    public Evidence Evidence => new(Quote, QuoteStart, QuoteEnd);
}

/// <summary>
/// Scores sentences by cue phrases (from the data files), quoting the clause around the strongest cue, never more
/// than a sentence; and turns the sentences the role pass picks into conditions (with their holder) and open questions
/// (phrased as questions).
/// </summary>
internal static class CueExtractor
{
    private const int MaxQuoteWords = 45;

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal) { ",", ";", ":", "—", "–", "(", ")" };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "would", "will", "can", "could", "should", "is", "are", "was", "were", "has", "have", "had", "may", "might", "must",
    };

    public static IReadOnlyList<Condition> Conditions(TextModel model, ActorSet actors, IEnumerable<CueHit> hits) =>
        hits.Select(h => new Condition(Holder(h, actors, model.Text), ConditionText(model.Text, h), h.Evidence))
            .ToList();

    public static IReadOnlyList<OpenQuestion> Questions(TextModel model, IEnumerable<CueHit> hits) =>
        hits.Select(h => new OpenQuestion(Ask(h.Quote), h.Evidence))
            .ToList();

    /// <summary>
    /// A sentence scored by its cues: the sum of the weights of the cues it holds (each stretch counted once) and,
    /// for open questions, a question mark. The quote is the clause around the strongest cue, or the sentence's
    /// opening clause when it has none.
    /// </summary>
    internal static CueHit Score(Sentence sentence, IReadOnlyList<Cue> cues, bool questions)
    {
        var lower = Fold(sentence.Text).ToLowerInvariant();
        var score = 0;
        Cue? best = null;
        var bestAt = 0;
        var used = new List<(int, int)>();
        var bestLength = 0;
        foreach (var cue in cues)
        {
            var (at, length) = Match(lower, cue);
            if (at < 0 || used.Any(u => at < u.Item2 && at + length > u.Item1))
            {
                continue;
            }
            used.Add((at, at + length));
            score += cue.Weight;
            if (best is null || cue.Weight > best.Weight)
            {
                best = cue;
                bestAt = at;
                bestLength = length;
            }
        }
        if (questions && sentence.Text.TrimEnd('"', '”', '’', ' ').EndsWith('?'))
        {
            score += 4;
            if (best is null)
            {
                best = new Cue("?", 4);
                bestLength = 1;
            }
        }
        var cueStart = sentence.Start + bestAt;
        var (qs, qe) = Clause(sentence, cueStart);
        return new CueHit(sentence, score, cueStart, cueStart + (best is null ? 0 : bestLength), best?.Text ?? "", best?.Role, qs, qe);
    }

    /// <summary>Where a cue first occurs in the folded, lower-cased sentence, and how long the match is; -1 if absent.</summary>
    private static (int At, int Length) Match(string lower, Cue cue)
    {
        if (cue.Pattern is { } pattern)
        {
            if (!cue.MayMatch(lower))
            {
                return (-1, 0);
            }
            var m = pattern.Match(lower);
            return m.Success ? (m.Index, m.Length) : (-1, 0);
        }
        // "^if": the cue opens the sentence ("If the results change, ...").
        if (cue.Phrase[0] == '^')
        {
            return lower.StartsWith(cue.Phrase[1..] + " ", StringComparison.Ordinal) ? (0, cue.Phrase.Length - 1) : (-1, 0);
        }
        var at = IndexOfWord(lower, cue.Phrase);
        return (at, cue.Phrase.Length);
    }

    /// <summary>The sentence when it is short enough, else the clause around the cue, cut to a focused quote.</summary>
    internal static (int Start, int End) Clause(Sentence sentence, int cueStart)
    {
        var tokens = sentence.Tokens;
        var (start, end) = (0, tokens.Count);
        TrimQuoteEdges(tokens, ref start, ref end);
        if (sentence.WordCount <= MaxQuoteWords + 5)
        {
            return (tokens[start].Start, tokens[end - 1].End);
        }
        var cue = 0;
        while (cue < tokens.Count - 1 && tokens[cue].End <= cueStart)
        {
            cue++;
        }
        // Back to the start of the clause that holds the cue, keeping at least a few words of subject.
        var s = cue;
        while (s > 0 && !(ClauseBreaks.Contains(tokens[s - 1].Text) && cue - s >= 4))
        {
            s--;
        }
        var e = cue;
        var words = 0;
        for (var k = s; k < e; k++)
        {
            words += tokens[k].IsWord ? 1 : 0;
        }
        while (e < tokens.Count && words < MaxQuoteWords && tokens[e].Text != ";")
        {
            words += tokens[e].IsWord ? 1 : 0;
            e++;
        }
        while (e > s + 1 && !tokens[e - 1].IsWord && tokens[e - 1].Text is not ("”" or "\"" or ")" or "?"))
        {
            e--;
        }
        // Too long before the cue: start closer to it.
        while (words > MaxQuoteWords && s < cue)
        {
            words -= tokens[s].IsWord ? 1 : 0;
            s++;
        }
        return (tokens[s].Start, tokens[e - 1].End);
    }

    private static void TrimQuoteEdges(IReadOnlyList<Token> tokens, ref int start, ref int end)
    {
        while (end - start > 1 && tokens[end - 1].Text is "." or "," or ";")
        {
            end--;
        }
    }

    private static string Holder(CueHit hit, ActorSet actors, string text)
    {
        var selected = actors.Selected.ToHashSet();
        // A verb of demanding, refusing or requiring in the sentence: whoever is its subject holds the condition,
        // also when the strongest cue is a connective ("will not accept ... unless") or a noun ("demand").
        if (SubjectHolder(hit, actors, selected, text) is { } subject)
        {
            return subject;
        }
        // The clause subject: the first actor named before the cue, even one not prominent enough to be listed.
        var before = actors.Mentions
            .Where(m => m.Sentence == hit.Sentence.Index && m.Start < hit.CueStart)
            .OrderBy(m => m.Start)
            .ToList();
        // A person named in the clause ("Hungarian Sports Minister X wants ...") holds it rather than the state in the title.
        var inSentence = before.FirstOrDefault(m => m.Actor.Kind == "person") ?? before.FirstOrDefault();
        if (inSentence is not null)
        {
            return inSentence.Actor.Name;
        }
        if (QuotedSpeaker(hit.Sentence, actors) is { } speaker)
        {
            return speaker;
        }
        var earlier = actors.Mentions
            .Where(m => m.Sentence < hit.Sentence.Index && m.Sentence >= hit.Sentence.Index - 2 && selected.Contains(m.Actor))
            .OrderByDescending(m => m.Sentence).ThenBy(m => m.Start)
            .FirstOrDefault();
        return earlier?.Actor.Name ?? actors.Selected.FirstOrDefault()?.Name ?? "article";
    }

    /// <summary>Determiners dropped from a common-noun holder: "the nurses' union" holds as "nurses' union".</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some", "many", "several",
    };

    /// <summary>
    /// The holder named by the subject of the cue's verb: an actor in the subject's head ("Indonesia expects"),
    /// the actor a pronoun points back to ("She wants"), or the common-noun group itself ("Farmers urged").
    /// </summary>
    private static string? SubjectHolder(CueHit hit, ActorSet actors, HashSet<ActorRecord> selected, string text)
    {
        var tokens = hit.Sentence.Tokens;
        SubjectSpan? subject = null;
        var verb = -1;
        // The first verb of demanding in the sentence that has a subject: "He wants a deal before ... demand" is held
        // by "he", not by whatever precedes the noun "demand".
        foreach (var candidate in RoleVerbTokens(hit.Sentence))
        {
            subject = ClauseSubject.Find(hit.Sentence, candidate);
            // "The city wants a lease and is pressing for ...": a second verb shares the first one's subject.
            if (subject is null && ClauseSubject.CoordinatedAt(hit.Sentence, candidate) is { } conjunction)
            {
                subject = EarlierVerbSubject(hit.Sentence, conjunction);
            }
            if (subject is not null)
            {
                verb = candidate;
                break;
            }
        }
        if (subject is null)
        {
            return null;
        }
        var (from, headTo, to) = (tokens[subject.Start].Start, tokens[subject.HeadEnd - 1].End, tokens[subject.End - 1].End);
        var inSubject = actors.Mentions.Where(m => m.Sentence == hit.Sentence.Index && m.Start >= from && m.End <= to).OrderBy(m => m.Start).ToList();
        var inHead = inSubject.Where(m => m.End <= headTo).ToList();
        if ((inHead.FirstOrDefault(m => m.Actor.Kind == "person") ?? inHead.FirstOrDefault()) is { } named)
        {
            return named.Actor.Name;
        }
        if (subject.Pronoun is "we" or "i" && QuotedSpeaker(hit.Sentence, actors) is { } speaker)
        {
            // '"We will not sign unless ...," the union's leader said': the speaker's side holds it.
            return speaker;
        }
        if (subject.Pronoun is { } pronoun)
        {
            // "he"/"she" point back to a person, "it"/"they"/"we" to a body or state, in this or the two sentences before.
            var wantPerson = pronoun is "he" or "she" or "i";
            return actors.Mentions
                .Where(m => m.Sentence <= hit.Sentence.Index && m.Sentence >= hit.Sentence.Index - 2 && (m.Sentence < hit.Sentence.Index || m.End <= from)
                    && (m.Actor.Kind == "person") == wantPerson && (selected.Contains(m.Actor) || wantPerson))
                .OrderByDescending(m => m.Sentence).ThenBy(m => m.Start)
                .Select(m => m.Actor.Name)
                .FirstOrDefault();
        }
        // "The doctors' union, SIM, insists": a name set off between subject and verb names the subject.
        if (subject.End < verb && actors.Mentions.FirstOrDefault(m => m.Sentence == hit.Sentence.Index && m.Start > to && m.End <= tokens[verb].Start) is { } apposed)
        {
            return apposed.Actor.Name;
        }
        if (inSubject.Count > 0)
        {
            // "The head of the Harbour Workers Federation insists": the body stands for its officer.
            return inSubject[0].Actor.Name;
        }
        // "her party would not back ...": a body owned by a pronoun stands for the one the pronoun points to.
        if (tokens[subject.Start].Text.ToLowerInvariant() is "his" or "her" or "its" or "their" && subject.HeadEnd - subject.Start >= 2)
        {
            var wantPerson = tokens[subject.Start].Text.ToLowerInvariant() is "his" or "her";
            var owner = actors.Mentions
                .Where(m => m.Sentence <= hit.Sentence.Index && m.Sentence >= hit.Sentence.Index - 1 && (m.Sentence < hit.Sentence.Index || m.End <= from)
                    && (m.Actor.Kind == "person") == wantPerson)
                .OrderByDescending(m => m.Sentence).ThenByDescending(m => m.Start)
                .FirstOrDefault();
            if (owner is not null)
            {
                return owner.Actor.Name;
            }
        }
        var head = subject.Start;
        while (head < subject.HeadEnd - 1 && Determiners.Contains(tokens[head].Text))
        {
            head++;
        }
        var phrase = Whitespace.Squash(text[tokens[head].Start..headTo]);
        return phrase.Length >= 3 && phrase.Any(char.IsLetter) ? phrase : null;
    }

    /// <summary>Token indices where condition-role cues start in the sentence, in reading order.</summary>
    private static List<int> RoleVerbTokens(Sentence sentence)
    {
        var lower = Fold(sentence.Text).ToLowerInvariant();
        var starts = new SortedSet<int>();
        foreach (var cue in Gazetteer.Instance.ConditionCues)
        {
            if (cue.Role is null)
            {
                continue;
            }
            var (at, _) = Match(lower, cue);
            if (at >= 0)
            {
                starts.Add(at);
            }
        }
        var result = new List<int>();
        foreach (var at in starts)
        {
            var token = 0;
            while (token < sentence.Tokens.Count && sentence.Tokens[token].Start < sentence.Start + at)
            {
                token++;
            }
            if (token < sentence.Tokens.Count && !result.Contains(token))
            {
                result.Add(token);
            }
        }
        return result;
    }

    /// <summary>The subject of the first clause-role verb before the conjunction: "The city wants ... and is pressing".</summary>
    private static SubjectSpan? EarlierVerbSubject(Sentence sentence, int conjunction)
    {
        var lower = Fold(sentence.Text).ToLowerInvariant();
        var limit = sentence.Tokens[conjunction].Start - sentence.Start;
        var first = -1;
        foreach (var cue in Gazetteer.Instance.ConditionCues.Concat(Gazetteer.Instance.QuestionCues).Where(c => c.Role is not null))
        {
            var (at, _) = Match(lower, cue);
            if (at >= 0 && at < limit && (first < 0 || at < first))
            {
                first = at;
            }
        }
        if (first < 0)
        {
            return null;
        }
        var token = 0;
        while (token < sentence.Tokens.Count && sentence.Tokens[token].Start < sentence.Start + first)
        {
            token++;
        }
        return token < conjunction ? ClauseSubject.Find(sentence, token) : null;
    }

    /// <summary>The actor who speaks a quoted sentence: the first one named after the closing quote and near a speech verb.</summary>
    private static string? QuotedSpeaker(Sentence sentence, ActorSet actors)
    {
        var tokens = sentence.Tokens;
        if (tokens.Count == 0 || tokens[0].Text is not ("\"" or "“"))
        {
            return null;
        }
        var close = 1;
        while (close < tokens.Count && tokens[close].Text is not ("\"" or "”"))
        {
            close++;
        }
        if (close + 1 >= tokens.Count || !tokens.Skip(close).Take(12).Any(t => Gazetteer.Instance.SpeechVerbs.Contains(t.Text)))
        {
            return null;
        }
        var after = tokens[close].End;
        return actors.Mentions
            .Where(m => m.Sentence == sentence.Index && m.Start >= after)
            .OrderBy(m => m.Actor.Kind == "person" ? 0 : 1).ThenBy(m => m.Start)
            .Select(m => m.Actor.Name)
            .FirstOrDefault();
    }

    private static readonly string[] AttributionMarks = [", ", ",\"", ",”"];

    private static string ConditionText(string text, CueHit hit)
    {
        var quote = hit.Quote;
        if (hit.CueEnd > hit.QuoteEnd || hit.CueStart < hit.QuoteStart)
        {
            return Whitespace.Squash(quote);
        }
        // A cue with a gap ("expects … concessions") matched its object too: the condition starts after the verb.
        var verbEnd = hit.Cue.Contains('…', StringComparison.Ordinal) ? text.IndexOf(' ', hit.CueStart, hit.CueEnd - hit.CueStart) : -1;
        // A refusal is the condition itself ("will not sign anything that costs jobs"): keep its verb.
        var start = hit.Role == "refuse" ? hit.CueStart : verbEnd > 0 ? verbEnd : hit.CueEnd;
        var after = text[start..hit.QuoteEnd].Trim(' ', ',', ':', '\n');
        // Drop a trailing attribution: "..., according to officials", "..., he said", "...," she told reporters.
        var comma = AttributionMarks.Select(m => after.IndexOf(m, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
        if (comma > 0 && after[..comma].Split(' ').Length >= 4)
        {
            after = after[..comma];
        }
        var clause = after.Length >= 10 ? after : quote;
        return Whitespace.Squash(clause);
    }

    /// <summary>Phrases an open question as a question: the text's own question, an inverted "whether" clause, or the clause itself.</summary>
    internal static string Ask(string evidence)
    {
        var quote = Whitespace.Squash(evidence).Trim('"', '“', '”', ' ');
        if (quote.EndsWith('?'))
        {
            return quote;
        }
        var lower = quote.ToLowerInvariant();
        var w = IndexOfWord(lower, "whether");
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
            var at = IndexOfWord(lower, wh);
            if (w < 0 && at > 0 && IndexOfWord(lower[..at], "not") >= 0 && InvertedClause(FirstClause(quote[(at + wh.Length)..])) is { } inverted)
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
        var next = IndexOfWord(lower[(at + 1)..], "whether");
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
        var said = IndexOfWord(lower, "said");
        return who is "it" or "they" && said > 0 && said < at && Subject(quote[..said]) is { } speaker ? speaker : who;
    }

    private static string FirstClause(string s)
    {
        s = s.Trim();
        var cut = s.IndexOfAny([',', ';', '—']);
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


    /// <summary>Curly quotes folded so cue lists can be written with straight ones; lengths are preserved.</summary>
    private static string Fold(string s) => s.Replace('’', '\'').Replace('‘', '\'').Replace('\n', ' ');

    internal static int IndexOfWord(string haystack, string phrase)
    {
        var from = 0;
        while (true)
        {
            var at = haystack.IndexOf(phrase, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }
            var before = at == 0 || !char.IsLetterOrDigit(haystack[at - 1]);
            var end = at + phrase.Length;
            var after = end >= haystack.Length || !char.IsLetterOrDigit(haystack[end]);
            if (before && after)
            {
                return at;
            }
            from = at + 1;
        }
    }
}
