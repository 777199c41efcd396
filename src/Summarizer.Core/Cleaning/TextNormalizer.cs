using System.Text;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// Whitespace and Unicode normalisation that keeps every character a reader sees: NFC only (never NFKC, which would
/// turn curly quotes and dashes into something the source never said), line endings to \n, odd spaces to ' '.
/// Evidence quotes taken from the original stay verbatim substrings after whitespace folding.
/// </summary>
internal static class TextNormalizer
{
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
                    else
                    {
                        if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                        sb.Append(c);
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
        foreach (var c in text)
        {
            if (IsInlineSpace(c) || c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f')
            {
                pendingSpace = sb.Length > 0;
            }
            else
            {
                if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                sb.Append(c);
            }
        }
        return Nfc(sb.ToString());
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
            // Ill-formed UTF-16 (a lone surrogate) cannot be normalised; keep the text as it is.
            return s;
        }
    }
}
