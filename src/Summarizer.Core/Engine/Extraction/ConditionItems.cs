using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// The condition pass: each sentence the role pass picked becomes a condition with its holder (the subject of a verb
/// of demanding, the person named before the cue, or the speaker of a quote) and the terms it states.
/// </summary>
internal static class ConditionItems
{
    /// <summary>What the holder is called when no party of the story can hold the condition.</summary>
    private const string NoHolder = "article";

    /// <summary>
    /// The conditions of the picked sentences. A term is set by someone: a sentence only the classifier picked, in a
    /// story that names no party at all (a weather report), is not kept; the cue rules' picks are.
    /// </summary>
    public static IReadOnlyList<Condition> From(TextModel model, ActorSet actors, IEnumerable<CueHit> hits) =>
        hits.Select(h => (Hit: h, Holder: Holder(h, actors, model.Text)))
            .Where(c => c.Holder != NoHolder || c.Hit.Score >= Roles.RoleCandidates.RuleThreshold)
            .Select(c => new Condition(c.Holder, ConditionText(model.Text, c.Hit), c.Hit.Evidence))
            .ToList();

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
        if (SpeakerHolder(hit, actors, selected, text) is { } statedBy)
        {
            return statedBy;
        }
        var earlier = actors.Mentions
            .Where(m => m.Sentence < hit.Sentence.Index && m.Sentence >= hit.Sentence.Index - 2 && selected.Contains(m.Actor))
            .OrderByDescending(m => m.Sentence).ThenBy(m => m.Start)
            .FirstOrDefault();
        return earlier?.Actor.Name ?? actors.Selected.FirstOrDefault()?.Name ?? NoHolder;
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
        return subject is null ? null : HolderOf(hit, subject, verb, actors, selected, text);
    }

    /// <summary>
    /// "The water board said it would only issue a permit if ...": with no party named before the cue, the body that
    /// states the terms holds them, named by the subject of the sentence's first speech verb before the cue.
    /// </summary>
    private static string? SpeakerHolder(CueHit hit, ActorSet actors, HashSet<ActorRecord> selected, string text)
    {
        var tokens = hit.Sentence.Tokens;
        for (var k = 0; k < tokens.Count && tokens[k].Start < hit.CueStart; k++)
        {
            // Only a body named by its head ("the board", "the ministry"): "a joint statement said" or "the first
            // source said" report terms without setting them.
            if (Gazetteer.Instance.SpeechVerbs.Contains(tokens[k].Text) && ClauseSubject.Find(hit.Sentence, k) is { Pronoun: null } subject
                && Gazetteer.Instance.GroupHeads.ContainsKey(tokens[subject.HeadEnd - 1].Text.ToLowerInvariant()))
            {
                return HolderOf(hit, subject, k, actors, selected, text);
            }
        }
        return null;
    }

    private static string? HolderOf(CueHit hit, SubjectSpan subject, int verb, ActorSet actors, HashSet<ActorRecord> selected, string text)
    {
        var tokens = hit.Sentence.Tokens;
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
        var lower = CueExtractor.Fold(sentence.Text).ToLowerInvariant();
        var starts = new SortedSet<int>();
        foreach (var cue in Gazetteer.Instance.ConditionCues)
        {
            if (cue.Role is null)
            {
                continue;
            }
            var (at, _) = CueExtractor.Match(lower, cue);
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
        var lower = CueExtractor.Fold(sentence.Text).ToLowerInvariant();
        var limit = sentence.Tokens[conjunction].Start - sentence.Start;
        var first = -1;
        foreach (var cue in Gazetteer.Instance.ConditionCues.Concat(Gazetteer.Instance.QuestionCues).Where(c => c.Role is not null))
        {
            var (at, _) = CueExtractor.Match(lower, cue);
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
}
