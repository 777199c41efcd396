using System.Text.Json;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// An IPTC ninjs item (JSON; 1.x <c>headline</c>/<c>byline</c>/<c>body_text</c>/<c>body_html</c>, 2.x
/// <c>headlines</c>/<c>by</c>/<c>bodies</c>, 3.x the same in camelCase) → its headline, byline, dateline
/// (<c>located</c>), language, body and wire identity (<c>uri</c>, <c>version</c>, <c>pubstatus</c>, <c>urgency</c>).
/// An HTML body is preferred to a plain-text one: its paragraphs are marked, where ninjs plain text is often one line.
/// </summary>
internal static class NinjsReader
{
    /// <summary>No real news item comes near this; larger JSON is refused before it is parsed.</summary>
    internal const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Deep enough for any ninjs item (associations nest items in items), shallow enough for any stack.</summary>
    internal const int MaxDepth = 64;

    public static SourceDocument Read(byte[] content)
    {
        if (content.Length > MaxBytes)
        {
            throw new ArticleRejectedException(
                $"The ninjs news item is too large to be one story ({content.Length / 1_000_000.0:0.#} MB; the limit is {MaxBytes / 1_000_000} MB). Upload the story's item on its own.");
        }
        var json = content.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var options = new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip };
        if (TooDeep(json.Span, options))
        {
            throw new ArticleRejectedException(
                $"The ninjs news item is nested more than {MaxDepth} levels deep, which no news item needs; it was not read. Export the item from the wire system again.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ArticleRejectedException(
                "The ninjs news item is not valid JSON (it may be cut off or damaged); it was not read. Export or download the item again and upload it.", e);
        }

        using (document)
        {
            var item = document.RootElement;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleRejectedException("The ninjs upload is not a news item (its JSON is not an object). Upload one ninjs item per file.");
            }
            var uri = Text(item, "uri");
            if (string.IsNullOrWhiteSpace(uri))
            {
                throw new ArticleRejectedException(
                    "The ninjs news item has no \"uri\", the identity every ninjs item must carry, so its versions could not be told apart. Export the item with its uri and upload it again.");
            }

            var wire = new WireInfo(uri.Trim(), Version(item), PubStatus(item), Urgency(item));
            var (html, plain) = Body(item);
            if (html is null && plain is null && !wire.IsKill)
            {
                throw new ArticleRejectedException(
                    "The ninjs news item has no text body (no body_text, body_html or bodies), so there is no story to summarise. Upload the text item rather than its photo or metadata.");
            }
            return new SourceDocument
            {
                Title = Clean(Headline(item) ?? Text(item, "title")),
                Byline = Clean(Text(item, "by") ?? Text(item, "byline")),
                Dateline = Clean(Text(item, "located")),
                Language = HtmlExtractor.NormalizeLanguage(Text(item, "language")),
                Html = html,
                PlainText = html is null ? plain ?? "" : null,
                Wire = wire,
            };
        }
    }

    /// <summary>Whether the JSON nests past the limit: the reader stops at the limit, and the deepest level it reached says why.</summary>
    private static bool TooDeep(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        var deepest = 0;
        try
        {
            while (reader.Read())
            {
                deepest = Math.Max(deepest, reader.CurrentDepth);
            }
            return false;
        }
        catch (JsonException)
        {
            // Invalid JSON is reported as such by the parse that follows, unless it failed at the depth limit.
            return deepest >= options.MaxDepth - 1;
        }
    }

    /// <summary>
    /// The story's body: 2.x/3.x <c>bodies</c> (an HTML rendition before a text one, the <c>main</c> role first), or
    /// 1.x <c>body_html</c>, then <c>body_text</c>, then any other <c>body_*</c>.
    /// </summary>
    private static (string? Html, string? Plain) Body(JsonElement item)
    {
        if (Property(item, "bodies") is { ValueKind: JsonValueKind.Array } bodies)
        {
            var candidates = bodies.EnumerateArray()
                .Where(b => b.ValueKind == JsonValueKind.Object && Text(b, "value") is { } v && !string.IsNullOrWhiteSpace(v))
                .Select((b, order) => (Value: Text(b, "value")!, Kind: BodyKind(Text(b, "contenttype"), Text(b, "value")!), Main: IsMain(Text(b, "role")), Order: order))
                .Where(b => b.Kind != Kind.Other)
                .OrderBy(b => b.Kind).ThenByDescending(b => b.Main).ThenBy(b => b.Order)
                .ToList();
            if (candidates.Count > 0)
            {
                return candidates[0].Kind == Kind.Html ? (candidates[0].Value, null) : (null, candidates[0].Value);
            }
        }
        if (NonBlank(Text(item, "body_html")) is { } bodyHtml)
        {
            return (bodyHtml, null);
        }
        if (NonBlank(Text(item, "body_text")) is { } bodyText)
        {
            return (null, bodyText);
        }
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.StartsWith("body_", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String
                && NonBlank(property.Value.GetString()) is { } other)
            {
                return property.Name.Contains("html", StringComparison.OrdinalIgnoreCase) || LooksLikeMarkup(other) ? (other, null) : (null, other);
            }
        }
        return (null, null);
    }

    private enum Kind { Html, Text, Other }

    /// <summary>HTML by its content type (text/html, application/xhtml+xml, "body_xhtml"), or, untyped, by its opening tag.</summary>
    private static Kind BodyKind(string? contentType, string value) => contentType?.Trim().ToLowerInvariant() switch
    {
        null or "" => LooksLikeMarkup(value) ? Kind.Html : Kind.Text,
        var t when t.Contains("html", StringComparison.Ordinal) => Kind.Html,
        var t when t.StartsWith("text/plain", StringComparison.Ordinal) => Kind.Text,
        // NITF, other XML dialects, encoded data: not read as a story when a text or HTML rendition is there.
        _ => Kind.Other,
    };

    private static bool LooksLikeMarkup(string value) => value.AsSpan().TrimStart().StartsWith("<");

    private static bool IsMain(string? role) => role is null || role.Equals("main", StringComparison.OrdinalIgnoreCase);

    /// <summary>2.x <c>headlines</c>: the <c>main</c> one, else the first; 1.x <c>headline</c>.</summary>
    private static string? Headline(JsonElement item)
    {
        if (Property(item, "headlines") is { ValueKind: JsonValueKind.Array } headlines)
        {
            var values = headlines.EnumerateArray()
                .Where(h => h.ValueKind == JsonValueKind.Object && NonBlank(Text(h, "value")) is not null)
                .Select(h => (Value: Text(h, "value")!, Role: Text(h, "role")))
                .ToList();
            var main = values.FirstOrDefault(h => "main".Equals(h.Role, StringComparison.OrdinalIgnoreCase));
            if ((main.Value ?? values.FirstOrDefault().Value) is { } chosen)
            {
                return chosen;
            }
        }
        return NonBlank(Text(item, "headline"));
    }

    /// <summary>ninjs says <c>usable</c>, <c>withheld</c> or <c>canceled</c> (usable when absent).</summary>
    private static string PubStatus(JsonElement item) =>
        WireValues.PubStatus(Text(item, "pubstatus"))
        ?? throw new ArticleRejectedException(
            $"The ninjs news item's pubstatus \"{WireValues.Shorten(Text(item, "pubstatus")!)}\" is not one ninjs defines (usable, withheld or canceled), so whether the story may be used is unknown. Correct the item and upload it again.");

    /// <summary>ninjs writes the version as a string ("3"); some feeds write a number.</summary>
    private static int? Version(JsonElement item) => Property(item, "version") switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var value) && value > 0 => value,
        { ValueKind: JsonValueKind.String } s => WireValues.Version(s.GetString()),
        _ => null,
    };

    private static int? Urgency(JsonElement item) => Property(item, "urgency") switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var value) => WireValues.Urgency(value),
        { ValueKind: JsonValueKind.String } s => WireValues.Urgency(s.GetString()),
        _ => null,
    };

    /// <summary>A property by name, ignoring case: 1.x/2.x spell <c>pubstatus</c>, 3.x <c>pubStatus</c>.</summary>
    private static JsonElement? Property(JsonElement item, string name)
    {
        if (item.TryGetProperty(name, out var exact))
        {
            return exact;
        }
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static string? Text(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Clean(string? value) => NonBlank(value) is { } text ? TextNormalizer.FoldParagraph(text) : null;
}
