using System.Text;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// Whitespace and Unicode normalisation that keeps every character a reader sees: NFC only (never NFKC, which would
/// turn curly quotes and dashes into something the source never said), line endings to \n, odd spaces to ' '.
/// Characters no reader sees are dropped here, the one place every cleaned string passes through: C0 and C1 control
/// characters other than line breaks and tabs (with a terminal's ESC [ … m sequences whole) and lone surrogates.
/// Evidence quotes taken from the original stay verbatim substrings after whitespace folding.
/// </summary>
internal static class TextNormalizer
{
    // Longer "sequences" are not escape codes: then only the ESC itself is dropped.
    private const int MaxEscapeSequence = 24;

    /// <summary>Normalises a whole document: NFC, \n line endings, single spaces inside lines, trimmed lines.</summary>
    public static string NormalizeDocument(string text)
    {
        var sb = new StringBuilder(text.Length);
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var pendingSpace = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') { i++; }
                    NewLine(sb, ref pendingSpace);
                    break;
                case '\n' or '\u0085' or '\u2028' or '\v':
                    NewLine(sb, ref pendingSpace);
                    break;
                case '\u2029' or '\f':
                    // A paragraph or page separator ends a block.
                    NewLine(sb, ref pendingSpace);
                    NewLine(sb, ref pendingSpace);
                    break;
                default:
                    if (IsInlineSpace(c))
                    {
                        pendingSpace = sb.Length > 0 && sb[^1] != '\n';
                    }
                    else if (Invisible(text, i) is var skip and > 0)
                    {
                        i += skip - 1;
                    }
                    else
                    {
                        if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                        sb.Append(c);
                        if (char.IsHighSurrogate(c)) { sb.Append(text[++i]); }
                    }
                    break;
            }
        }
        return Nfc(sb.ToString());
    }

    /// <summary>Folds all whitespace (line breaks included) to single spaces, trims, and applies NFC: one paragraph.</summary>
    public static string FoldParagraph(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInlineSpace(c) || c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f')
            {
                pendingSpace = sb.Length > 0;
            }
            else if (Invisible(text, i) is var skip and > 0)
            {
                i += skip - 1;
            }
            else
            {
                if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                sb.Append(c);
                if (char.IsHighSurrogate(c)) { sb.Append(text[++i]); }
            }
        }
        return Nfc(sb.ToString());
    }

    /// <summary>
    /// How many characters from <paramref name="i"/> on are dropped: a control character (line breaks and tabs are
    /// handled before this is asked), a whole ANSI escape sequence, or a surrogate without its pair; 0 to keep.
    /// </summary>
    private static int Invisible(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 0 : 1;
        }
        if (char.IsLowSurrogate(c))
        {
            return 1;
        }
        if (!char.IsControl(c))
        {
            return 0;
        }
        // ESC [ parameters final-byte: terminal colour codes in text copied from a terminal or an old wire feed.
        if (c == '\u001B' && i + 1 < text.Length && text[i + 1] == '[')
        {
            for (var j = i + 2; j < text.Length && j < i + MaxEscapeSequence; j++)
            {
                if (text[j] is >= '@' and <= '~')
                {
                    return j - i + 1;
                }
                if (text[j] is not (>= ' ' and <= '?'))
                {
                    break;
                }
            }
        }
        return 1;
    }

    private static void NewLine(StringBuilder sb, ref bool pendingSpace)
    {
        pendingSpace = false; // trailing spaces are dropped
        sb.Append('\n');
    }

    /// <summary>Spaces that are not line breaks: ASCII space and tab, no-break spaces, the typographic spaces.</summary>
    internal static bool IsInlineSpace(char c) =>
        c is ' ' or '\t' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000'
        || (c == '\uFEFF');

    private static string Nfc(string s)
    {
        try
        {
            return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 cannot be normalised; lone surrogates are dropped before this, so it is only a safety net.
            return s;
        }
    }
}
