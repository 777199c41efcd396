using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// Recognises page furniture in a single line or block of text, by general rules: cue lists kept as readable data
/// files (<c>Data/furniture-*.txt</c>, embedded and loaded once) plus a few shape rules (lone symbols, breadcrumbs,
/// counters, credits, captions). Says why, so the cleaner can record the reason.
/// </summary>
internal static partial class FurnitureCues
{
    // Lines longer than these are body text whatever they start with or contain.
    private const int MaxWordsForPrefix = 30;
    private const int MaxWordsForPhrase = 60;

    private static readonly FrozenDictionary<string, string> WholeLines = LoadSections("furniture-lines.txt")
        .GroupBy(e => e.Cue).ToFrozenDictionary(g => g.Key, g => g.First().Reason);
    private static readonly (string Cue, string Reason)[] Prefixes = LoadSections("furniture-prefixes.txt")
        .OrderByDescending(e => e.Cue.Length).ToArray();
    private static readonly (string Cue, string Reason)[] Phrases = LoadSections("furniture-phrases.txt").ToArray();
    private static readonly FrozenSet<string> Agencies = LoadLines("news-agencies.txt")
        .Select(a => a.ToLowerInvariant()).ToFrozenSet();

    /// <summary>Why this line is page furniture, or null when it may be article text.</summary>
    public static string? Classify(string line)
    {
        if (!line.Any(char.IsLetterOrDigit))
        {
            return "lone symbol";
        }
        var key = Key(line);
        if (WholeLines.TryGetValue(key, out var reason))
        {
            return reason;
        }
        if (CommentCounter().IsMatch(key))
        {
            return "comment counter";
        }
        var words = CountWords(line);
        var lower = line.ToLowerInvariant();
        // A full sentence that merely starts with "Copyright" or mentions ad blockers is news, not furniture; prompts
        // and notices are furniture even when written as sentences.
        var sentence = words >= 8 && EndsLikeSentence(line);
        if (words <= MaxWordsForPrefix)
        {
            foreach (var (cue, cueReason) in Prefixes)
            {
                if (StartsWithCue(lower, cue) && (!sentence || HoldsForSentences(cueReason) || !char.IsLetter(cue[^1])))
                {
                    return cueReason;
                }
            }
        }
        if (words <= MaxWordsForPhrase)
        {
            foreach (var (cue, cueReason) in Phrases)
            {
                // "©" or "all rights reserved" marks a copyright line even when it is written as a sentence.
                if (lower.Contains(cue, StringComparison.Ordinal) && (!sentence || HoldsForSentences(cueReason) || cueReason == "copyright"))
                {
                    return cueReason;
                }
            }
        }
        if (words <= 10 && IsShareBar(line))
        {
            return "share widget";
        }
        if (TemplateCode().IsMatch(line))
        {
            return "template code";
        }
        if (!EndsLikeSentence(line))
        {
            if (IsBreadcrumb(line))
            {
                return "navigation";
            }
            if (words <= 8 && CreditLine().IsMatch(line))
            {
                return "credit";
            }
            if (words <= 40 && (SourceSuffixCaption().IsMatch(line) || PhotoCredit().IsMatch(line) || PictureAgency().IsMatch(line)))
            {
                return "caption";
            }
        }
        else if (words <= 60 && PhotoCredit().IsMatch(line))
        {
            return "caption";
        }
        return null;
    }

    private static bool HoldsForSentences(string reason) =>
        reason is "subscription prompt" or "cookie notice" or "reporting credits" or "share widget" or "read-also link";

    /// <summary>True when the line names only a news agency ("Reuters", "PTI", "The Associated Press").</summary>
    public static bool IsAgency(string text) => Agencies.Contains(Key(text));

    /// <summary>True when a line ends the way a sentence does: ., !, ?, … possibly followed by quotes or brackets.</summary>
    public static bool EndsLikeSentence(string line)
    {
        var end = line.AsSpan().TrimEnd("\"'”’»)]*");
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…' or '。' or '！' or '？';
    }

    /// <summary>
    /// Words in a line. Scripts written without spaces (Chinese, Japanese, Thai…) count a word per
    /// <see cref="CharsPerUnspacedWord"/> letters, so a Chinese sentence is not "one word" and never looks like a menu label.
    /// </summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        var unspaced = 0;
        foreach (var c in text)
        {
            if (IsUnspacedScript(c))
            {
                unspaced++;
                inWord = false;
                continue;
            }
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) { count++; }
            inWord = letter || (inWord && c is '\'' or '’' or '-');
        }
        return count + (unspaced + CharsPerUnspacedWord - 1) / CharsPerUnspacedWord;
    }

    // Chinese words average under two characters, Japanese a little more; Thai more still, so it is counted generously.
    private const int CharsPerUnspacedWord = 2;

    /// <summary>Letters and vowel signs of scripts that do not separate words with spaces: Thai, Lao, Myanmar, Khmer, kana, Han.</summary>
    internal static bool IsUnspacedScript(char c) =>
        c is (>= '\u0E00' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF') or (>= '\u3040' and <= '\u30FF')
            or (>= '\u31F0' and <= '\u31FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
        && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);

    /// <summary>Lower-cased line without surrounding symbols: "» Read more …" → "read more".</summary>
    internal static string Key(string line)
    {
        var span = line.AsSpan();
        var start = 0;
        while (start < span.Length && !char.IsLetterOrDigit(span[start])) { start++; }
        var end = span.Length;
        while (end > start && !char.IsLetterOrDigit(span[end - 1]) && span[end - 1] != '?') { end--; }
        // Keep "×" and similar only-symbol lines recognisable: they have no letters and are handled before.
        return span[start..end].ToString().ToLowerInvariant();
    }

    private static bool StartsWithCue(string lower, string cue)
    {
        if (!lower.StartsWith(cue, StringComparison.Ordinal))
        {
            return false;
        }
        // "subscribe" must not match "subscribers said"; a cue that ends in punctuation is already delimited.
        return lower.Length == cue.Length || !char.IsLetter(cue[^1]) || !char.IsLetterOrDigit(lower[cue.Length]);
    }

    // Names of share targets; a short line made mostly of them is a share bar ("Facebook Twitter WhatsApp Email").
    private static readonly FrozenSet<string> ShareTargets = FrozenSet.ToFrozenSet(
    [
        "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "mail", "print", "pinterest", "pin", "reddit",
        "telegram", "messenger", "tumblr", "flipboard", "pocket", "vk", "weibo", "wechat", "line", "viber", "sms", "copy", "link",
        "share", "tweet", "instagram", "youtube", "tiktok", "threads", "bluesky", "mastodon", "google", "rss", "feed",
    ]);

    private static bool IsShareBar(string line)
    {
        var words = WordSplit().Split(line.ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        return words.Count >= 2 && words.Count(ShareTargets.Contains) * 2 >= words.Count + 1;
    }

    private static bool IsBreadcrumb(string line)
    {
        var parts = BreadcrumbSeparator().Split(line);
        if (parts.Length < 3)
        {
            return false;
        }
        return parts.All(p => CountWords(p) <= 5);
    }

    private static IEnumerable<(string Cue, string Reason)> LoadSections(string file)
    {
        var reason = "page furniture";
        foreach (var line in LoadLines(file))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                reason = line[1..^1].Trim();
                continue;
            }
            yield return (line.ToLowerInvariant(), reason);
        }
    }

    /// <summary>Non-empty, non-comment lines of an embedded data file.</summary>
    internal static IEnumerable<string> LoadLines(string file)
    {
        var assembly = typeof(FurnitureCues).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim().Normalize(NormalizationForm.FormC);
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    [GeneratedRegex(@"^(?:\d[\d,.]*k?\s*(?:comments?|replies|reactions|shares|views|likes)|(?:comments?|replies)\s*\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommentCounter();

    // Dotted member access with a call, or leftover template braces: rendering code that leaked into the page.
    [GeneratedRegex(@"\b[A-Za-z_]\w*(?:\??\.[A-Za-z_]\w*){2,}\??\.?\w*\(\)|\{\{[^}]*\}\}|<%[^%]*%>", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateCode();

    [GeneratedRegex(@"[^\p{L}\p{N}\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"\s+(?:\||»|›|>|/|•|·|::)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex BreadcrumbSeparator();

    // "Evan Frost | MPR News", "Jane Doe/Reuters": a name, one separator, an outlet.
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}\s*[|/]\s*\p{Lu}[\p{L}&.'’\-]*(?:\s+[\p{L}&.'’\-]+){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditLine();

    // "… delegations / Frame from broadcast", "… in Kyiv / Reuters": a caption with its source after a slash.
    [GeneratedRegex(@"\s/\s\S+(?:\s+\S+){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceSuffixCaption();

    // "(AFP photo)", "(Photo: Reuters)": a photo credit closing a caption.
    [GeneratedRegex(@"\((?:[^()]{0,40}\s)?(?:photo|image|picture|pic|file|photograph)s?(?:[:\s][^()]{0,40})?\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();

    // Picture agencies named in a line that is not a sentence: a caption or its credit.
    [GeneratedRegex(@"\b(?:Getty Images|Shutterstock|AP Photo|AFP via Getty|Photo credit)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PictureAgency();
}
