using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning;

/// <summary>What an extractor found: the story's parts and what it dropped.</summary>
internal sealed record Extraction(
    string? Title,
    string? Byline,
    string? Dateline,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<RemovedBlock> Removed)
{
    /// <summary>The page's canonical URL, when it declares one (HTML only).</summary>
    public string? CanonicalUrl { get; init; }
    /// <summary>The page's declared language as a BCP 47 tag (HTML only).</summary>
    public string? Language { get; init; }
}

/// <summary>Hints an HTML page gives before its text is cleaned like a plain-text capture.</summary>
/// <param name="DocumentBlocks">The blocks are a document's own paragraphs (Word, PDF), not a page's: a run of short
/// lines inside the story is a table or a list, not a list of links.</param>
internal sealed record ExtractionHints(string? Title = null, string? Byline = null, string? Dateline = null, bool DocumentBlocks = false);

/// <summary>
/// Plain text captured from a web page (furniture included) → paragraphs, title, byline, dateline.
/// Works on lines: blocks split on blank lines, each line its own unit unless it is a soft-wrapped continuation.
/// Every kept paragraph is a verbatim span of the normalised text with only line breaks turned into spaces.
/// </summary>
internal static partial class PlainTextExtractor
{
    // A prose unit with at least this many words can open the story's body.
    private const int BodyOpeningWords = 8;
    // A teaser question between the headline and the body is at most this long.
    private const int TeaserMaxWords = 15;

    private sealed class Unit(string text, int block)
    {
        public string Text { get; set; } = text;
        public int Block { get; } = block;
        public string? Removed { get; set; }
        public bool Kept => Removed is null;
        public int Words => FurnitureCues.CountWords(Text);
        public bool Bullet => BulletMarker().IsMatch(Text);
        public bool Prose => (FurnitureCues.EndsLikeSentence(Text) && Words >= 3) || Words >= 20;
    }

    /// <summary>Extracts from a whole normalised document (lines separated by \n, blank lines between blocks).</summary>
    public static Extraction Extract(string normalizedText, ExtractionHints? hints = null) =>
        Classify(Segment(normalizedText), hints ?? new ExtractionHints());

    /// <summary>Extracts from blocks already separated by a structure (HTML elements), one unit per block.</summary>
    public static Extraction ExtractBlocks(IEnumerable<string> blocks, ExtractionHints hints)
    {
        var units = blocks.Select((b, i) => new Unit(b, i)).ToList();
        return Classify(units, hints);
    }

    private static List<Unit> Segment(string text)
    {
        var units = new List<Unit>();
        var block = 0;
        foreach (var lines in Blocks(text))
        {
            var hardWrapped = IsHardWrapped(lines);
            Unit? open = null;
            foreach (var line in lines)
            {
                if (open is not null && (IsContinuation(open.Text, line)
                    || (hardWrapped && !FurnitureCues.EndsLikeSentence(open.Text) && !BulletMarker().IsMatch(line))))
                {
                    open.Text += " " + line;
                    continue;
                }
                open = new Unit(line, block);
                units.Add(open);
            }
            block++;
        }
        return units;
    }

    private static IEnumerable<List<string>> Blocks(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            else if (lines.Count > 0)
            {
                yield return lines;
                lines = [];
            }
        }
        if (lines.Count > 0)
        {
            yield return lines;
        }
    }

    /// <summary>Whether <paramref name="next"/> continues a hard-wrapped line rather than starting a new block.</summary>
    private static bool IsContinuation(string previous, string next)
    {
        if (FurnitureCues.EndsLikeSentence(previous) || previous.EndsWith(':') || BulletMarker().IsMatch(next))
        {
            return false;
        }
        var first = next[0];
        if (char.IsLower(first) || first is ',' or ';' or ')' or ']')
        {
            return true;
        }
        // "… publishers in Germany and\nSpain as well as …": a line that stops on a joining word is cut mid-sentence.
        var lastWord = previous[(previous.LastIndexOf(' ') + 1)..];
        return previous.Length >= 40 && JoiningWords.Contains(lastWord);
    }

    private static readonly FrozenSet<string> JoiningWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "into",
        "than", "that", "which", "who", "whom", "whose", "its", "their", "his", "her", "our", "said", "says", "told", "is",
        "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should", "not", "after", "before",
    ], StringComparer.Ordinal);

    /// <summary>
    /// A block hard-wrapped at a fixed width (most lines nearly as long as the longest) is one text with paragraph
    /// breaks only after sentence ends; join its lines when the wrap fell mid-sentence.
    /// </summary>
    private static bool IsHardWrapped(List<string> lines)
    {
        if (lines.Count < 4)
        {
            return false;
        }
        var max = lines.Max(l => l.Length);
        if (max is < 40 or > 100)
        {
            return false;
        }
        var full = lines.Take(lines.Count - 1).Count(l => l.Length >= max * 0.7);
        return full >= (lines.Count - 1) * 0.6;
    }

    private static Extraction Classify(List<Unit> units, ExtractionHints hints)
    {
        var removed = new List<RemovedBlock>();
        string? title = hints.Title, byline = hints.Byline, dateline = hints.Dateline, dateStamp = null;

        // Pass 1: what each unit is by itself.
        foreach (var unit in units)
        {
            if (NewsPatterns.TrySplitDateStamp(unit.Text, out var stamp, out var date, out var rest))
            {
                removed.Add(new RemovedBlock(stamp, "date stamp"));
                dateStamp ??= date;
                unit.Text = rest;
            }
            if (FurnitureCues.Classify(unit.Text) is { } reason)
            {
                unit.Removed = reason;
            }
            else if (NewsPatterns.IsDateLine(unit.Text, out var hasDate))
            {
                unit.Removed = "date line";
                if (hasDate) { dateStamp ??= unit.Text; }
            }
            else if (NewsPatterns.Byline(unit.Text) is { } credited)
            {
                unit.Removed = "byline";
                byline ??= credited;
            }
            else if (NewsPatterns.Dateline(unit.Text, out var afterDateline) is { } onlyDateline
                     && (afterDateline.Length == 0 || FurnitureCues.IsAgency(afterDateline)))
            {
                unit.Removed = "dateline";
                dateline ??= onlyDateline;
                if (afterDateline.Length > 0) { byline ??= afterDateline; }
            }
        }

        // Pass 2: repeats. Image alt text followed by its longer caption, a caption printed twice, a headline repeated.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (!unit.Kept)
            {
                continue;
            }
            if (!seen.Add(unit.Text) && unit.Words < 60)
            {
                unit.Removed = "duplicate";
            }
            else if (i + 1 < units.Count && units[i + 1].Text.Length > unit.Text.Length
                     && units[i + 1].Text.StartsWith(unit.Text.TrimEnd('.', '…'), StringComparison.Ordinal) && unit.Words <= 40)
            {
                unit.Removed = "duplicate";
            }
        }

        // Pass 3: where the story begins, and its headline before it.
        var body = units.FindIndex(u => u.Kept && u.Prose && u.Words >= BodyOpeningWords);
        if (body < 0) { body = units.FindIndex(u => u.Kept && u.Prose); }
        if (body < 0) { body = units.FindIndex(u => u.Kept); }
        if (body < 0) { body = units.Count; }

        var titleIndex = -1;
        if (title is null)
        {
            titleIndex = FindHeadline(units, body, 5);
            if (titleIndex < 0) { titleIndex = FindHeadline(units, body, 3); }
        }
        if (titleIndex >= 0)
        {
            title = Headlines.Bound(units[titleIndex].Text);
            // A "headline" too long to be one is the story's opening: it stays in the body, its first sentence heads it.
            if (title.Length == units[titleIndex].Text.Length)
            {
                units[titleIndex].Removed = "title";
            }
            if (titleIndex > body)
            {
                body = units.FindIndex(titleIndex + 1, u => u.Kept);
                if (body < 0) { body = units.Count; }
            }
        }

        // Before the body: menus and labels before the headline; teasers, captions and labels after it.
        for (var i = 0; i < body && i < units.Count; i++)
        {
            var unit = units[i];
            if (!unit.Kept)
            {
                continue;
            }
            if (i < titleIndex)
            {
                unit.Removed = "page header";
            }
            else if (unit.Text.EndsWith('?') && unit.Words <= TeaserMaxWords)
            {
                unit.Removed = "teaser";
            }
            else if (!unit.Prose)
            {
                unit.Removed = unit.Words >= 6 ? "caption" : "page header";
            }
        }

        // After the last sentence of the story: link lists, footers, related headlines.
        // A line wholly in parentheses after the story is an editorial note ("(Reporting by …)", "(Catch all the …)").
        var last = units.FindLastIndex(u => u.Kept && u.Prose && !u.Bullet && !Parenthesised(u.Text));
        for (var i = Math.Max(last + 1, body); i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Kept && Parenthesised(unit.Text))
            {
                unit.Removed = "editorial note";
                continue;
            }
            // A long line in sentence case is the story cut off mid-sentence (a truncated capture), not a link.
            if (unit.Kept && !unit.Prose && !(unit.Words >= 10 && MostlyLowercase(unit.Text)))
            {
                unit.Removed = "page footer";
            }
        }

        // Inside the body: a caption right before its photo credit; runs of short link-like lines.
        for (var i = body; i <= last && i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Removed == "credit" && i > 0 && units[i - 1].Kept && units[i - 1].Block == unit.Block && units[i - 1].Words <= 60)
            {
                units[i - 1].Removed = "caption";
            }
        }
        for (var i = body; i <= last && i < units.Count && !hints.DocumentBlocks;)
        {
            var end = i;
            while (end <= last && end < units.Count && units[end].Kept && IsLinkLike(units[end]))
            {
                end++;
            }
            if (end - i >= 2)
            {
                for (var j = i; j < end; j++) { units[j].Removed = "link list"; }
            }
            i = Math.Max(end, i + 1);
        }

        // The headline repeated in the body.
        if (title is not null)
        {
            foreach (var unit in units.Where(u => u.Kept && string.Equals(u.Text, title, StringComparison.OrdinalIgnoreCase)))
            {
                unit.Removed = "duplicate of title";
            }
        }

        var paragraphs = new List<string>();
        foreach (var unit in units)
        {
            if (unit.Kept)
            {
                paragraphs.Add(unit.Text);
            }
            else if (unit.Removed != "title")
            {
                removed.Add(new RemovedBlock(unit.Text, unit.Removed!));
            }
        }

        // The story's own dateline ("KYIV, May 16 (Reuters) -") beats a page's date stamp.
        foreach (var paragraph in paragraphs.Take(3))
        {
            dateline ??= NewsPatterns.Dateline(paragraph, out _);
        }
        return new Extraction(title, byline, dateline ?? dateStamp, paragraphs, removed);
    }

    private static int FindHeadline(List<Unit> units, int body, int minWords)
    {
        for (var i = 0; i < body && i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Kept && !unit.Bullet && NewsPatterns.IsHeadline(unit.Text, minWords) && !unit.Text.EndsWith('?'))
            {
                return i;
            }
        }
        // A question can be the headline only when nothing else before the body could be.
        for (var i = 0; i < body && i < units.Count; i++)
        {
            if (units[i].Kept && NewsPatterns.IsHeadline(units[i].Text, Math.Max(minWords, 5)))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool Parenthesised(string text) => text.Length > 2 && text[0] == '(' && text[^1] == ')';

    private static bool MostlyLowercase(string text)
    {
        int words = 0, lower = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsLetter(word[0])) { continue; }
            words++;
            if (char.IsLower(word[0])) { lower++; }
        }
        return lower * 2 >= words;
    }

    private static bool IsLinkLike(Unit unit) => !unit.Prose && !unit.Bullet && unit.Words <= 14;

    [GeneratedRegex(@"^(?:[•·▪●◦‣*\-–—]\s|\d{1,2}[.)]\s)", RegexOptions.CultureInvariant)]
    private static partial Regex BulletMarker();
}
