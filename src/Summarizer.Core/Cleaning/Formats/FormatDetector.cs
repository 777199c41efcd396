using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// Which structured format an upload is: from its bytes first (magic numbers, the XML root, the JSON shape), then its
/// content type, then its extension, so a wrong extension does not matter. Null means a text format: the upload is
/// decoded and told apart as HTML, Markdown or plain text from its characters.
/// </summary>
internal static class FormatDetector
{
    /// <summary>How far into the upload the XML root, the JSON shape and the e-mail headers are looked for.</summary>
    private const int SniffBytes = 64 * 1024;

    private const string NewsMLG2Namespace = "http://iptc.org/std/nar/2006-10-01/";

    public static SourceFormat? Detect(ReadOnlySpan<byte> content, string? contentType, string? fileName)
    {
        var head = content[..Math.Min(content.Length, SniffBytes)];
        if (head.StartsWith("%PDF-"u8))
        {
            return SourceFormat.Pdf;
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            switch (IsWordDocument(content))
            {
                case true: return SourceFormat.Docx;
                case false: return null;
                // A damaged archive: the bytes say ZIP, the name may say Word (then the Word reader explains the damage).
                case null: return IsLabelledWord(contentType, fileName) ? SourceFormat.Docx : null;
            }
        }
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{') && LooksLikeNinjs(text))
        {
            return SourceFormat.Ninjs;
        }
        if (text.StartsWith('<') && IsNewsMLG2(text))
        {
            return SourceFormat.NewsMLG2;
        }
        if (LooksLikeEmail(text))
        {
            return SourceFormat.Email;
        }
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var extension = fileName is null ? null : Path.GetExtension(fileName).ToLowerInvariant();
        // Labelled so, yet not recognised from the bytes: the reader says what is wrong with the file.
        return (type, extension) switch
        {
            ("application/pdf", _) or (_, ".pdf") => SourceFormat.Pdf,
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _) or (_, ".docx") => SourceFormat.Docx,
            ("message/rfc822", _) or (_, ".eml") => SourceFormat.Email,
            _ => null,
        };
    }

    /// <summary>Whether a ZIP archive holds a Word body; null when the archive is damaged and cannot be listed.</summary>
    private static bool? IsWordDocument(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsLabelledWord(string? contentType, string? fileName) =>
        contentType?.Split(';')[0].Trim().Equals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", StringComparison.OrdinalIgnoreCase) == true
        || (fileName is not null && Path.GetExtension(fileName).Equals(".docx", StringComparison.OrdinalIgnoreCase));

    /// <summary>A JSON object with an identity (<c>uri</c> or <c>guid</c>) and a headline or body: an IPTC ninjs item.</summary>
    private static bool LooksLikeNinjs(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = NinjsReader.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    names.Add(reader.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
            // A cut-off sniff or bad JSON: judge by the names read so far.
        }
        return (names.Contains("uri") || names.Contains("guid"))
            && (names.Contains("headline") || names.Contains("headlines") || names.Contains("body_text") || names.Contains("body_html") || names.Contains("bodies"));
    }

    /// <summary>An XML document whose root is a NewsML-G2 item or message. No DTD is read and nothing is fetched.</summary>
    private static bool IsNewsMLG2(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024 };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return reader.MoveToContent() == XmlNodeType.Element
                && reader.NamespaceURI == NewsMLG2Namespace
                && reader.LocalName is "newsItem" or "newsMessage";
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>An RFC 5322 header block: the first line is a header field, and From plus Subject or Date appear before the first blank line.</summary>
    private static bool LooksLikeEmail(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? lf : text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end <= 0)
        {
            return false;
        }
        var lines = text[..end].Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        static bool Field(string line, string name) => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase);
        return System.Text.RegularExpressions.Regex.IsMatch(lines[0], @"^[!-9;-~]+:\s")
            && lines.Any(l => Field(l, "From"))
            && lines.Any(l => Field(l, "Subject") || Field(l, "Date") || Field(l, "Message-ID") || Field(l, "MIME-Version"));
    }
}
