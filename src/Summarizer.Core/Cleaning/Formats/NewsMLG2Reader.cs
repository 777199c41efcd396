using System.Xml;
using System.Xml.Linq;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// An IPTC NewsML-G2 <c>newsItem</c> (or the text item a <c>newsMessage</c> carries) → its headline, byline, dateline,
/// language, body and wire identity: <c>@guid</c>, <c>@version</c>, <c>itemMeta/pubStatus</c>, <c>contentMeta/urgency</c>.
/// The body is the first <c>inlineXML</c> rendition with paragraphs (XHTML or NITF <c>p</c> elements), else an
/// <c>inlineData</c> text or HTML rendition; remote content is never fetched.
/// </summary>
/// <remarks>No DTD is accepted (an entity bomb or an external entity fails before anything is expanded or read) and
/// no resolver is set, so nothing outside the given bytes is opened.</remarks>
internal static class NewsMLG2Reader
{
    internal const string Namespace = "http://iptc.org/std/nar/2006-10-01/";

    /// <summary>No real news message comes near this; larger XML is refused before it is read.</summary>
    internal const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Deeper than any NewsML-G2 item with an XHTML or NITF body, shallow enough for any stack.</summary>
    internal const int MaxDepth = 64;

    private static readonly XNamespace Nar = Namespace;
    private static readonly XNamespace Xml = XNamespace.Xml;

    // Blocks of an XHTML or NITF body that are each one paragraph of the story.
    private static readonly HashSet<string> BlockNames = new(StringComparer.Ordinal) { "p", "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "li", "pre", "blockquote", "dt", "dd" };

    // Parts of an XHTML or NITF document that are not the story's text: the document head, NITF's head and end of
    // body (headline, byline and tagline repeat what contentMeta says), notes, media captions and tables of data.
    private static readonly HashSet<string> SkippedNames = new(StringComparer.Ordinal) { "head", "body.head", "body.end", "script", "style", "note", "media", "table", "figcaption" };

    public static SourceDocument Read(byte[] content)
    {
        var root = Load(content, out var encoding).Root!;
        var item = root.Name == Nar + "newsItem" ? root
            : root.Name == Nar + "newsMessage" ? FirstTextItem(root)
            : throw new ArticleRejectedException("The XML upload is not a NewsML-G2 news item or news message. Upload the wire item as the agency sent it.");

        var guid = (string?)item.Attribute("guid");
        if (string.IsNullOrWhiteSpace(guid))
        {
            throw new ArticleRejectedException(
                "The NewsML-G2 news item has no guid, the identity every news item must carry, so its versions could not be told apart. Upload the item as the agency sent it.");
        }
        var itemMeta = item.Element(Nar + "itemMeta");
        var contentMeta = item.Element(Nar + "contentMeta");
        var status = (string?)itemMeta?.Element(Nar + "pubStatus")?.Attribute("qcode") ?? (string?)itemMeta?.Element(Nar + "pubStatus")?.Attribute("uri");
        var pubStatus = WireValues.PubStatus(status) ?? throw new ArticleRejectedException(
            $"The NewsML-G2 news item's pubStatus \"{WireValues.Shorten(status!)}\" is not one NewsML-G2 defines (stat:usable, stat:withheld or stat:canceled), so whether the story may be used is unknown. Correct the item and upload it again.");
        var wire = new WireInfo(guid.Trim(), WireValues.Version((string?)item.Attribute("version")), pubStatus,
            WireValues.Urgency((string?)contentMeta?.Element(Nar + "urgency")));

        var document = new SourceDocument
        {
            Title = Label(contentMeta, "headline"),
            Byline = Label(contentMeta, "by"),
            Dateline = Label(contentMeta, "dateline") ?? Label(contentMeta?.Element(Nar + "located"), "name"),
            Language = HtmlExtractor.NormalizeLanguage(
                (string?)contentMeta?.Element(Nar + "language")?.Attribute("tag") ?? (string?)item.Attribute(Xml + "lang") ?? (string?)root.Attribute(Xml + "lang")),
            Encoding = encoding,
            Wire = wire,
        };
        var contentSet = item.Element(Nar + "contentSet");
        return Body(document, contentSet)
            ?? (wire.IsKill ? document with { Paragraphs = [] }
                : throw new ArticleRejectedException(
                    "The NewsML-G2 news item has no text in its contentSet (no inlineXML or inlineData; remote content is not fetched), so there is no story to summarise. Upload the text item with its body inline."));
    }

    private static XDocument Load(byte[] content, out string encoding)
    {
        if (content.LongLength > MaxBytes)
        {
            throw new ArticleRejectedException(
                $"The NewsML-G2 file is too large to be one story ({content.Length / 1_000_000.0:0.#} MB; the limit is {MaxBytes / 1_000_000} MB). Upload the story's news item on its own.");
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            // A first pass bounds the nesting: what reads the tree afterwards (element values, the body's blocks) recurses.
            using (var scan = XmlReader.Create(new MemoryStream(content, writable: false), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        throw new ArticleRejectedException(
                            $"The NewsML-G2 file is nested more than {MaxDepth} elements deep, which no news item needs; it was not read. Download the item from the wire again and upload it.");
                    }
                }
            }
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            var document = XDocument.Load(reader, LoadOptions.None);
            encoding = document.Declaration?.Encoding is { Length: > 0 } declared ? declared.ToLowerInvariant() : "utf-8";
            return document;
        }
        catch (XmlException e) when (DeclaresDoctype(content) || e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new ArticleRejectedException(
                "The NewsML-G2 file declares a DTD (a DOCTYPE), which NewsML-G2 does not use and which can hide entity bombs or references to other files; it was not read. Upload the item without its DOCTYPE declaration.", e);
        }
        catch (XmlException e)
        {
            throw new ArticleRejectedException(
                $"The NewsML-G2 file is not well-formed XML (at line {e.LineNumber}; it may be cut off or damaged); it was not read. Download the item from the wire again and upload it.", e);
        }
    }

    /// <summary>Whether the prolog holds a DOCTYPE declaration (read as UTF-8, as the detector reads it).</summary>
    private static bool DeclaresDoctype(byte[] content)
    {
        var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 64 * 1024));
        var root = head.IndexOf("<newsItem", StringComparison.Ordinal) is var i and >= 0 ? i : head.IndexOf("<newsMessage", StringComparison.Ordinal);
        var doctype = head.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        return doctype >= 0 && (root < 0 || doctype < root);
    }

    /// <summary>
    /// The news item a message carries: the first text item (<c>itemClass</c> <c>ninat:text</c>), else the first item.
    /// A message may also carry packages, photos and other items; the story's text is what is summarised.
    /// </summary>
    private static XElement FirstTextItem(XElement message)
    {
        var items = message.Element(Nar + "itemSet")?.Elements(Nar + "newsItem").ToList() ?? [];
        return items.FirstOrDefault(i => ((string?)i.Element(Nar + "itemMeta")?.Element(Nar + "itemClass")?.Attribute("qcode"))?.EndsWith(":text", StringComparison.Ordinal) == true)
            ?? items.FirstOrDefault()
            ?? throw new ArticleRejectedException(
                "The NewsML-G2 news message carries no news item (only packages, concepts or nothing), so there is no story to summarise. Upload the message with the story's news item.");
    }

    /// <summary>The <c>role</c>-less (or main) label of that name, else the first, as one line of text.</summary>
    private static string? Label(XElement? parent, string name)
    {
        var labels = parent?.Elements(Nar + name).Select(e => (Role: (string?)e.Attribute("role"), Text: TextNormalizer.FoldParagraph(e.Value)))
            .Where(l => l.Text.Length > 0).ToList() ?? [];
        var chosen = labels.FirstOrDefault(l => l.Role is null || l.Role.EndsWith(":main", StringComparison.Ordinal)).Text ?? labels.FirstOrDefault().Text;
        return chosen;
    }

    private static SourceDocument? Body(SourceDocument document, XElement? contentSet)
    {
        if (contentSet is null)
        {
            return null;
        }
        foreach (var inline in contentSet.Elements(Nar + "inlineXML"))
        {
            var paragraphs = Paragraphs(inline);
            if (paragraphs.Count > 0)
            {
                return document with { Paragraphs = paragraphs };
            }
        }
        foreach (var data in contentSet.Elements(Nar + "inlineData"))
        {
            // Encoded renditions (base64 and the like) are binary media, not the story's text.
            if (data.Attribute("encoding") is not null || data.Attribute("encodinguri") is not null || string.IsNullOrWhiteSpace(data.Value))
            {
                continue;
            }
            var type = ((string?)data.Attribute("contenttype"))?.ToLowerInvariant() ?? "text/plain";
            if (type.Contains("html", StringComparison.Ordinal))
            {
                return document with { Html = data.Value };
            }
            if (type.StartsWith("text/", StringComparison.Ordinal))
            {
                return document with { PlainText = data.Value };
            }
        }
        return null;
    }

    /// <summary>One paragraph per block element, in document order, with whitespace folded; a body without blocks is one paragraph.</summary>
    private static List<string> Paragraphs(XElement inline)
    {
        var paragraphs = new List<string>();
        Collect(inline, paragraphs);
        if (paragraphs.Count == 0 && TextNormalizer.FoldParagraph(inline.Value) is { Length: > 0 } whole)
        {
            paragraphs.Add(whole);
        }
        return paragraphs;
    }

    private static void Collect(XElement element, List<string> paragraphs)
    {
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            if (SkippedNames.Contains(name))
            {
                continue;
            }
            // A block holding other blocks (a list item or quotation of paragraphs) is read through its blocks.
            if (BlockNames.Contains(name) && !child.Descendants().Any(d => BlockNames.Contains(d.Name.LocalName)))
            {
                if (TextNormalizer.FoldParagraph(child.Value) is { Length: > 0 } text)
                {
                    paragraphs.Add(text);
                }
                continue;
            }
            Collect(child, paragraphs);
        }
    }
}
