using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Summarizer.Core.Cleaning;

/// <summary>Shapes of the parts of a news page around the story: bylines, datelines, date lines, headlines.</summary>
internal static partial class NewsPatterns
{
    private static readonly FrozenSet<string> Months = FrozenSet.ToFrozenSet(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]);

    // Words that may surround a date in a "published/updated" line without making it prose.
    private static readonly FrozenSet<string> DateWords = FrozenSet.ToFrozenSet(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "am", "pm", "a.m", "p.m", "a.m.", "p.m.",
        "gmt", "utc", "ist", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "msk", "et", "pt", "ct", "cst", "cdt",
        "eet", "eest", "jst", "kst", "aest", "wib", "sast", "hkt", "sgt",
        "published", "posted", "updated", "update", "last", "first", "modified", "on", "at", "date", "dated", "ago",
        "hours", "hour", "hrs", "hr", "minutes", "minute", "mins", "min", "days", "day", "seconds", "read", "time", "of",
        "yesterday", "today",
    ]);

    /// <summary>A line that is only a date or time ("May 16, 2025", "Updated 9:05 a.m. | Posted 8:30 a.m.").</summary>
    /// <param name="hasDate">Whether it names a day (not only a time), so it can serve as the article's date.</param>
    public static bool IsDateLine(string line, out bool hasDate)
    {
        hasDate = false;
        if (line.Length > 100)
        {
            return false;
        }
        var tokens = DateSeparators().Split(line.ToLowerInvariant().Trim().TrimEnd(':', '.'));
        var sawNumber = false;
        var sawOther = false;
        foreach (var raw in tokens)
        {
            var token = raw.Trim('.', ':', ',');
            if (token.Length == 0)
            {
                continue;
            }
            if (Months.Contains(token))
            {
                hasDate = true;
                sawOther = true;
            }
            else if (IsoOrNumericDate().IsMatch(token))
            {
                hasDate = true;
                sawNumber = true;
                sawOther = true;
            }
            else if (Number().IsMatch(token))
            {
                sawNumber = true;
                hasDate |= token.Length == 4;
            }
            else if (Time().IsMatch(token))
            {
                sawNumber = true;
                sawOther = true;
            }
            else if (DateWords.Contains(token) || DateWords.Contains(raw.Trim()))
            {
                sawOther = true;
            }
            else
            {
                return false;
            }
        }
        // Bare numbers ("5040", "12") are table cells or counts, not dates.
        return sawNumber && sawOther;
    }

    /// <summary>"date 2024-08-09 …": a capture's date stamp in front of the first line.</summary>
    public static bool TrySplitDateStamp(string line, out string stamp, out string date, out string rest)
    {
        var m = DateStamp().Match(line);
        (stamp, date, rest) = m.Success ? (m.Groups["stamp"].Value, m.Groups["date"].Value, m.Groups["rest"].Value) : ("", "", line);
        return m.Success;
    }

    /// <summary>A byline line: "By Jane Doe", "Jane Doe, Reuters", a lone agency name. Returns the credited name(s).</summary>
    public static string? Byline(string line)
    {
        if (FurnitureCues.CountWords(line) > 14)
        {
            return null;
        }
        var by = ByPrefix().Match(line);
        if (by.Success)
        {
            return by.Groups["who"].Value.Trim().TrimEnd(',', '|', '-', '–', '—').Trim();
        }
        if (FurnitureCues.IsAgency(line))
        {
            return line.Trim();
        }
        // "Outlet Name – Author Name": two short capitalised names around a dash.
        if (OutletDashAuthor().IsMatch(line))
        {
            return line.Trim();
        }
        var named = NameThenOutlet().Match(line);
        if (named.Success && FurnitureCues.IsAgency(named.Groups["outlet"].Value))
        {
            return line.Trim();
        }
        return null;
    }

    /// <summary>The dateline opening a story ("KYIV, May 16 (Reuters) -", "NEW DELHI:"), or null.</summary>
    public static string? Dateline(string paragraph, out string rest)
    {
        rest = paragraph;
        var m = DatelinePrefix().Match(paragraph);
        if (!m.Success || (m.Groups["sep"].Length == 0 && m.Groups["date"].Length == 0 && m.Groups["agency"].Length == 0))
        {
            return null;
        }
        // The place must be written in capitals: "COUNTRIES at the summit" has no separator, "KYIV -" has.
        var place = m.Groups["place"].Value;
        if (place.Count(char.IsLetter) < 3)
        {
            return null;
        }
        rest = paragraph[m.Length..].Trim();
        return (place + m.Groups["region"].Value + m.Groups["date"].Value + m.Groups["agency"].Value).Trim();
    }

    /// <summary>Reads like a headline: a handful of words, mostly letters, not ending like a clause.</summary>
    public static bool IsHeadline(string line, int minWords)
    {
        var words = FurnitureCues.CountWords(line);
        if (words < minWords || words > 30 || line.Length > 220)
        {
            return false;
        }
        var last = line[^1];
        if (last is '.' or ',' or ';' or ':' or '-' or '–' or '—' || line.EndsWith("...", StringComparison.Ordinal))
        {
            return false;
        }
        var letters = line.Count(char.IsLetter);
        var first = line.FirstOrDefault(char.IsLetterOrDigit);
        return letters >= line.Length / 2 && (char.IsUpper(first) || char.IsDigit(first));
    }

    [GeneratedRegex(@"[\s,|·•/()–—]+|(?<=\d)-(?=\D)|\s-\s", RegexOptions.CultureInvariant)]
    private static partial Regex DateSeparators();

    [GeneratedRegex(@"^(?:\d{4}-\d{1,2}-\d{1,2}(?:t[\d:.+\-z]*)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoOrNumericDate();

    [GeneratedRegex(@"^\d{1,4}(?:st|nd|rd|th)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:am|pm|a\.m|p\.m|a\.m\.|p\.m\.)?$|^\d{1,2}(?:am|pm)$", RegexOptions.CultureInvariant)]
    private static partial Regex Time();

    [GeneratedRegex(@"^(?<stamp>(?:date|dated|published|posted|updated)\s*:?\s*(?<date>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+\-]\d{2}:?\d{2})?)?))\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateStamp();

    [GeneratedRegex(@"^(?:by|written by|words by|reported by|story by)[:\s]+(?<who>\p{Lu}.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"^\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){1,2}\s+[–—-]\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OutletDashAuthor();

    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]*){1,3}\s*[,|/–—-]\s*(?<outlet>[\p{L} .\-]{2,40})$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenOutlet();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}'’.\-]*(?:\s+\p{Lu}[\p{Lu}'’.\-]*){0,3})(?<region>,(?!\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2})?(?<date>,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?<agency>\s*\((?:[^()]{2,40})\))?(?:\s*(?<sep>[-–—:])(?:\s+|$)|(?<=[\d)])\s+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePrefix();
}
