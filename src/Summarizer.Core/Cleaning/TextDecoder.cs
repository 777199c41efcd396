using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace Summarizer.Core.Cleaning;

/// <summary>Decoded text, the name of the encoding it was decoded with, and how many characters it holds as U+FFFD
/// because their bytes were not valid (tolerated when few; see <see cref="TextDecoder"/>).</summary>
internal sealed record DecodedText(string Text, string EncodingName, int Replacements = 0);

/// <summary>
/// Bytes → text. Order of evidence: byte-order mark, the HTML document's own charset declaration, the
/// content-type header's charset, then detection (valid UTF-8 is UTF-8; otherwise UTF.Unknown, else Windows-1252).
/// Rejects uploads that are binary or cannot be decoded, with a message the uploader can act on.
/// <para>
/// Bytes that are not valid UTF-8 are one of two things. Legacy text (Windows-1252, KOI8-R…) under a wrong or missing
/// declaration has no valid multi-byte UTF-8 sequences, or only a few by accident: it is decoded as what it really is.
/// Damaged UTF-8 (a bad copy, a truncated edit, two files pasted together) is mostly valid multi-byte sequences with
/// some broken ones: decoding it as a legacy charset would turn every quote and accent into mojibake ("â€œ"), so it
/// is decoded as UTF-8. A little damage (the same share of U+FFFD tolerated everywhere) is kept as U+FFFD and recorded;
/// more is rejected, asking for the file to be saved again as UTF-8.
/// </para>
/// </summary>
internal static partial class TextDecoder
{
    // Share of U+FFFD above which the text is considered undecodable rather than slightly damaged.
    private const double MaxReplacementShare = 0.01;
    // Share of control characters above which decoded "text" is really binary data.
    private const double MaxControlShare = 0.02;
    // How far into an HTML document to look for <meta charset>; the spec says 1024 bytes, real pages put it later.
    private const int MetaPrescanBytes = 16 * 1024;
    // Below this confidence a detector's guess (often ISO-8859-2 for short Western text) loses to Windows-1252.
    private const float MinDetectionConfidence = 0.8f;
    // How many bytes UTF.Unknown looks at: enough to decide, bounded for speed.
    private const int DetectionBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> content, string? contentType)
    {
        if (TryBom(content, out var bomEncoding, out var bomLength))
        {
            return Finish(content[bomLength..], bomEncoding);
        }

        var binary = BinarySignatures.Identify(content);
        if (binary is not null)
        {
            throw new ArticleRejectedException(
                $"The upload looks like {binary}, not an article. Upload the article's text or the web page's HTML instead.");
        }
        // UTF-16 saved without a byte-order mark: every other byte is NUL for Latin text.
        if (LooksLikeBomlessUtf16(content, out var utf16))
        {
            return Finish(content, utf16);
        }

        if (content.IndexOf((byte)0) >= 0)
        {
            throw new ArticleRejectedException(
                "The upload contains binary data (NUL bytes), not text. Upload the article's text or the web page's HTML, saved as UTF-8 if possible.");
        }

        var inHtml = DeclaredInHtml(content);
        var declared = inHtml ?? FromContentType(contentType);
        var validUtf8 = IsValidUtf8(content);
        if (!validUtf8 && (declared is null || declared.CodePage == Encoding.UTF8.CodePage) && LooksLikeDamagedUtf8(content, out var damaged, out var firstDamage))
        {
            return DamagedUtf8(content, damaged, firstDamage,
                declared is null ? null : inHtml is not null ? "in the page's meta charset" : "in its content type");
        }
        if (declared is not null)
        {
            // Declarations lie in two common ways: UTF-8 declared over legacy bytes (damaged UTF-8 was handled above),
            // which are then detected, and a legacy charset left in a page that a tool re-saved as UTF-8. Non-ASCII bytes
            // that happen to form valid UTF-8 are practically never legacy text, so valid UTF-8 wins over a single-byte declaration.
            if (declared.CodePage == Encoding.UTF8.CodePage ? validUtf8 : !(declared.IsSingleByte && validUtf8 && !IsAscii(content)))
            {
                return Finish(content, declared);
            }
        }
        return Finish(content, Detect(content));
    }

    /// <summary>
    /// Whether bytes that are not valid UTF-8 are still UTF-8 text, damaged: at least as many valid multi-byte sequences
    /// as invalid ones. Legacy single-byte and CJK text forms valid multi-byte sequences only by accident, far fewer.
    /// </summary>
    private static bool LooksLikeDamagedUtf8(ReadOnlySpan<byte> content, out int invalid, out int firstInvalid)
    {
        int valid = 0;
        invalid = 0;
        firstInvalid = -1;
        var offset = 0;
        while (offset < content.Length)
        {
            var ascii = content[offset..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }
            offset += ascii;
            var status = Rune.DecodeFromUtf8(content[offset..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                // A sequence cut off at the very end (truncated upload) is not damage.
                break;
            }
            else
            {
                invalid++;
                if (firstInvalid < 0) { firstInvalid = offset; }
            }
            offset += consumed;
        }
        return valid > 0 && valid >= invalid;
    }

    /// <summary>UTF-8 with some invalid bytes: U+FFFD for a few, a rejection that says where for more.</summary>
    /// <param name="declaredWhere">Where the upload declared UTF-8, or null when it declared nothing.</param>
    private static DecodedText DamagedUtf8(ReadOnlySpan<byte> content, int invalid, int firstInvalid, string? declaredWhere)
    {
        var claim = declaredWhere is null ? "looks like UTF-8" : "says it is UTF-8";
        var where = declaredWhere is null ? "" : $"; it declares UTF-8 {declaredWhere}";
        return Finish(content, Encoding.UTF8,
            $"The upload {claim} but contains bytes that are not valid UTF-8 ({invalid} damaged places, the first at byte {firstInvalid}{where}). " +
            "Open it in an editor, save it again as UTF-8 and upload it again.");
    }

    // A few U+FFFD in a long text is slight damage a reader can live with; more means the text is not readable as decoded.
    private static double MaxReplacements(string text) => Math.Max(1, text.Length * MaxReplacementShare);

    private static bool TryBom(ReadOnlySpan<byte> b, out Encoding encoding, out int length)
    {
        // UTF-32 LE must be tested before UTF-16 LE: its mark starts with the same two bytes.
        (encoding, length) = b switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
            [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
            _ => ((Encoding)null!, 0),
        };
        return length > 0;
    }

    private static bool LooksLikeBomlessUtf16(ReadOnlySpan<byte> b, out Encoding encoding)
    {
        encoding = null!;
        var n = Math.Min(b.Length, 4096) & ~1;
        if (n < 32)
        {
            return false;
        }
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (b[i] == 0) { evenZeros++; }
            if (b[i + 1] == 0) { oddZeros++; }
        }
        var pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
            return true;
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
            return true;
        }
        return false;
    }

    private static Encoding? DeclaredInHtml(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, MetaPrescanBytes)];
        // Latin-1 maps bytes 1:1 to chars, so the ASCII declaration can be searched whatever the real encoding is.
        var text = Encoding.Latin1.GetString(head);
        foreach (Match meta in MetaTag().Matches(text))
        {
            var charset = CharsetParameter().Match(meta.Value);
            if (charset.Success && ResolveDeclared(charset.Groups["name"].Value) is { } encoding)
            {
                return encoding;
            }
        }
        return null;
    }

    private static Encoding? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }
        var charset = CharsetParameter().Match(contentType);
        return charset.Success ? ResolveDeclared(charset.Groups["name"].Value) : null;
    }

    /// <summary>Maps a declared charset label to an encoding, following the WHATWG rules browsers use.</summary>
    internal static Encoding? ResolveDeclared(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (name)
        {
            case "":
                return null;
            // Browsers decode these labels as Windows-1252, which is a superset used by the pages that declare them.
            case "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "ansi_x3.4-1968" or "cp1252" or "x-cp1252":
                return Encoding.GetEncoding(1252);
            // An ASCII-compatible byte stream cannot really be UTF-16; browsers treat that declaration as UTF-8.
            case "utf-16" or "utf-16le" or "utf-16be" or "unicode":
                return Encoding.UTF8;
            case "utf8" or "unicode-1-1-utf-8":
                return Encoding.UTF8;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // Unknown label: fall through to the next source of evidence.
            return null;
        }
    }

    private static Encoding Detect(ReadOnlySpan<byte> content)
    {
        if (IsValidUtf8(content))
        {
            return Encoding.UTF8;
        }
        var sample = content[..Math.Min(content.Length, DetectionBytes)];
        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        // Short Western texts give weak, sometimes exotic guesses; Windows-1252 is the most common non-UTF-8 text.
        if (detected?.Encoding is { } encoding && detected.Confidence >= MinDetectionConfidence && encoding.CodePage != Encoding.UTF8.CodePage
            && encoding is not UnicodeEncoding and not UTF32Encoding && (encoding.IsSingleByte || IsMultiByteLegacy(encoding)))
        {
            return encoding;
        }
        return Encoding.GetEncoding(1252);
    }

    // Legacy CJK encodings are legitimate detection results even though they are not single-byte.
    private static bool IsMultiByteLegacy(Encoding encoding) =>
        encoding.CodePage is 932 or 936 or 949 or 950 or 51932 or 51949 or 54936 or 50220 or 20932;

    private static bool IsAscii(ReadOnlySpan<byte> content) => System.Text.Ascii.IsValid(content);

    private static bool IsValidUtf8(ReadOnlySpan<byte> content)
    {
        // Ignore a sequence cut off at the very end (truncated upload); everything before it must be valid.
        var span = content;
        var tail = Math.Min(3, span.Length);
        for (var i = 1; i <= tail; i++)
        {
            var b = span[^i];
            if (b < 0x80) { break; }
            if (b >= 0xC0)
            {
                var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (need > i) { span = span[..^i]; }
                break;
            }
        }
        return System.Text.Unicode.Utf8.IsValid(span);
    }

    /// <param name="tooDamaged">The rejection when too many characters are invalid, if more specific than the general one.</param>
    private static DecodedText Finish(ReadOnlySpan<byte> bytes, Encoding encoding, string? tooDamaged = null)
    {
        var text = encoding.GetString(bytes);
        if (string.IsNullOrWhiteSpace(text.Replace('\uFEFF', ' ')))
        {
            throw new ArticleRejectedException("The upload contains only whitespace: there is no article text to clean.");
        }

        int replacements = 0, controls = 0, nuls = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD') { replacements++; }
            else if (c == '\0') { nuls++; }
            else if (c < 0x20 ? c is not ('\n' or '\r' or '\t' or '\f' or '\v') : c is >= '\u007F' and <= '\u009F') { controls++; }
        }
        if (nuls > 0 || controls > text.Length * MaxControlShare)
        {
            throw new ArticleRejectedException(
                "The upload looks like binary data (it is full of control characters), not text. Upload the article's text or the web page's HTML.");
        }
        if (replacements > MaxReplacements(text))
        {
            throw new ArticleRejectedException(tooDamaged ??
                $"The upload cannot be read as {encoding.WebName} text: {replacements} characters are invalid. " +
                "Save the article again as UTF-8 (or declare its real character set) and upload it again.");
        }
        return new DecodedText(text, encoding.WebName, replacements);
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<name>[A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();
}
