using System.Text;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// Removes script, style and comment sections from raw markup in one linear scan, before parsing: used only for
/// oversized pages, where they are usually most of the bytes and none of the article.
/// </summary>
internal static class MarkupStripper
{
    // The parser's cost grows with the square of the nesting depth (10,000 levels ≈ 0.5 s); real pages nest < 100.
    internal const int MaxNesting = 1_500;

    // Elements that never hold content, and elements browsers close implicitly: neither deepens a real page.
    private static readonly System.Collections.Frozen.FrozenSet<string> NotNesting = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
         "keygen", "p", "li", "td", "th", "tr", "option", "dt", "dd", "html", "head", "body", "tbody", "thead"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The markup with opening tags beyond <see cref="MaxNesting"/> levels left out (their text is kept), so a hostile
    /// page cannot make the parse quadratic; the same string when the page stays within the bound.
    /// </summary>
    public static string WithBoundedNesting(string html)
    {
        if (!ExceedsNesting(html, null))
        {
            return html;
        }
        var sb = new StringBuilder(html.Length);
        ExceedsNesting(html, sb);
        return sb.ToString();
    }

    /// <summary>Scans the tags; with <paramref name="output"/>, copies the markup minus the opening tags too deep to keep.</summary>
    private static bool ExceedsNesting(string html, StringBuilder? output)
    {
        var depth = 0;
        var skipped = 0;
        var exceeded = false;
        var copied = 0;
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0 || open + 1 >= html.Length)
            {
                break;
            }
            var next = html[open + 1];
            if (next is '!' or '?')
            {
                var end = html.AsSpan(open).StartsWith("<!--") ? html.IndexOf("-->", open + 4, StringComparison.Ordinal) : html.IndexOf('>', open);
                position = end < 0 ? html.Length : end + 1;
                continue;
            }
            var closing = next == '/';
            var nameStart = open + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                position = open + 1;
                continue;
            }
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            position = tagEnd + 1;
            if (closing)
            {
                if (NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                {
                    continue;
                }
                if (skipped > 0)
                {
                    // The end tag of an opening tag left out: leave it out too, stray end tags cost the parser a stack search each.
                    skipped--;
                    output?.Append(html, copied, open - copied);
                    copied = tagEnd + 1;
                    continue;
                }
                depth = Math.Max(0, depth - 1);
                continue;
            }
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
                || name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                // Raw text: nothing inside is a tag.
                var end = html.IndexOf("</" + name.ToString(), position, StringComparison.OrdinalIgnoreCase);
                position = end < 0 ? html.Length : end;
                continue;
            }
            if (html[tagEnd - 1] == '/' || NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                continue;
            }
            if (++depth <= MaxNesting)
            {
                continue;
            }
            exceeded = true;
            if (output is null)
            {
                return true;
            }
            // Too deep: leave this opening tag out; its end tag is then ignored by the parser.
            output.Append(html, copied, open - copied);
            copied = tagEnd + 1;
            depth--;
            skipped++;
        }
        output?.Append(html, copied, html.Length - copied);
        return exceeded;
    }

    public static string WithoutScriptsStylesAndComments(string html)
    {
        var sb = new StringBuilder(Math.Min(html.Length, HtmlExtractor.MaxMarkupChars + 1));
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0)
            {
                sb.Append(html, position, html.Length - position);
                break;
            }
            var close = SectionEnd(html, open);
            if (close < 0)
            {
                sb.Append(html, position, open + 1 - position);
                position = open + 1;
                continue;
            }
            sb.Append(html, position, open - position);
            position = close;
        }
        return sb.ToString();
    }

    /// <summary>Where the script, style or comment section opening at <paramref name="open"/> ends; −1 when none opens there.</summary>
    private static int SectionEnd(string html, int open)
    {
        var rest = html.AsSpan(open);
        if (rest.StartsWith("<!--"))
        {
            var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        foreach (var tag in (ReadOnlySpan<string>)["script", "style"])
        {
            if (rest.Length > tag.Length + 1 && rest[1..].StartsWith(tag, StringComparison.OrdinalIgnoreCase)
                && rest[tag.Length + 1] is '>' or ' ' or '\t' or '\n' or '\r' or '/')
            {
                var end = html.IndexOf("</" + tag, open + tag.Length + 1, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    return html.Length;
                }
                var gt = html.IndexOf('>', end);
                return gt < 0 ? html.Length : gt + 1;
            }
        }
        return -1;
    }
}
