using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// HTML page → the story: SmartReader (Readability) finds the main content offline; when it finds nothing, the
/// page's own blocks are cleaned like a plain-text capture. Title, byline and date come from the page's metadata.
/// </summary>
internal static partial class HtmlExtractor
{
    // SmartReader needs a URL but must never fetch it: an unroutable, reserved host makes that explicit.
    private const string OfflineUrl = "https://article.invalid/";
    // SmartReader walks the tree recursively and slows down sharply on huge pages (a 50,000-paragraph page takes
    // ~20 s): deeper or larger pages are handled by the iterative fallback only.
    private const int MaxDepthForReader = 400;
    private const int MaxElementsForReader = 25_000;
    // Below this much text, SmartReader probably picked a wrong, tiny block.
    private const int MinReaderChars = 250;
    // Removed blocks are for an editor's audit: keep the list and each entry readable.
    private const int MaxRemovedEntries = 300;
    private const int MaxRemovedChars = 300;

    // A parser per page: cleaning runs concurrently in the host, and a parser's browsing context is not meant to be shared.
    private static HtmlParser NewParser() => new(new HtmlParserOptions { IsScripting = false });

    // Class/id words of containers that hold page furniture, and the reason recorded when one is removed.
    private static readonly FrozenDictionary<string, string> FurnitureClassWords = new Dictionary<string, string>
    {
        ["ad"] = "advertisement", ["ads"] = "advertisement", ["advert"] = "advertisement", ["adverts"] = "advertisement",
        ["advertisement"] = "advertisement", ["advertising"] = "advertisement", ["adsbygoogle"] = "advertisement",
        ["adslot"] = "advertisement", ["dfp"] = "advertisement", ["sponsored"] = "advertisement", ["outbrain"] = "advertisement",
        ["taboola"] = "advertisement", ["promo"] = "advertisement",
        ["share"] = "share widget", ["sharing"] = "share widget", ["sharebar"] = "share widget",
        ["related"] = "read-also link", ["recommended"] = "read-also link", ["recirculation"] = "read-also link",
        ["newsletter"] = "subscription prompt", ["subscribe"] = "subscription prompt", ["paywall"] = "subscription prompt",
        ["cookie"] = "cookie notice", ["cookies"] = "cookie notice", ["consent"] = "cookie notice", ["gdpr"] = "cookie notice",
        ["comments"] = "comments", ["breadcrumb"] = "navigation", ["breadcrumbs"] = "navigation",
    }.ToFrozenDictionary();

    public static Extraction Extract(string html)
    {
        var parser = NewParser();
        var document = parser.ParseDocument(html);
        var removed = new List<RemovedBlock>();
        var meta = ReadMetadata(document);
        var tooBigForReader = HtmlBlocks.Exceeds(document, MaxDepthForReader, MaxElementsForReader);

        PreClean(document, removed);
        var pageBlocks = HtmlBlocks.Collect(document.Body ?? (INode)document);

        List<string>? readerBlocks = null;
        string? readerTitle = null, readerByline = null, readerDate = null;
        if (!tooBigForReader)
        {
            (readerBlocks, readerTitle, readerByline, readerDate) = RunReader(document, parser);
        }

        var hints = new ExtractionHints(
            meta.Title ?? readerTitle,
            meta.Byline ?? readerByline,
            meta.Published ?? readerDate);

        Extraction extraction;
        if (readerBlocks is not null && readerBlocks.Sum(b => b.Length) >= Math.Min(MinReaderChars, pageBlocks.Sum(b => b.Length)))
        {
            extraction = FilterReaderBlocks(readerBlocks, hints);
            var kept = new HashSet<string>(readerBlocks, StringComparer.Ordinal);
            foreach (var block in pageBlocks.Where(b => !kept.Contains(b)))
            {
                // Name what the dropped block was when a rule knows; otherwise it was simply not part of the story.
                var reason = string.Equals(block, hints.Title, StringComparison.OrdinalIgnoreCase) ? "title"
                    : NewsPatterns.Byline(block) is not null ? "byline"
                    : FurnitureCues.Classify(block) ?? "outside the main content";
                removed.Add(new RemovedBlock(block, reason));
            }
        }
        else
        {
            // SmartReader found nothing usable: clean the page's own blocks like a captured text.
            extraction = PlainTextExtractor.ExtractBlocks(pageBlocks, hints with { Title = null });
            extraction = extraction with { Title = hints.Title ?? extraction.Title };
        }

        var allRemoved = removed.Concat(extraction.Removed)
            .Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .Take(MaxRemovedEntries)
            .Select(r => r.Text.Length > MaxRemovedChars ? r with { Text = r.Text[..MaxRemovedChars] + "…" } : r)
            .ToList();
        return extraction with { Removed = allRemoved };
    }

    /// <summary>SmartReader's blocks cleaned of the furniture lines it keeps (ad labels, "Read more", the headline).</summary>
    private static Extraction FilterReaderBlocks(List<string> blocks, ExtractionHints hints)
    {
        var paragraphs = new List<string>();
        var removed = new List<RemovedBlock>();
        var byline = hints.Byline;
        foreach (var block in blocks)
        {
            string? reason = null;
            if (hints.Title is not null && string.Equals(block, hints.Title, StringComparison.OrdinalIgnoreCase))
            {
                reason = "duplicate of title";
            }
            else if (FurnitureCues.Classify(block) is { } furniture)
            {
                reason = furniture;
            }
            else if (NewsPatterns.IsDateLine(block, out _))
            {
                reason = "date line";
            }
            else if (NewsPatterns.Byline(block) is { } credited)
            {
                reason = "byline";
                byline ??= credited;
            }
            if (reason is null)
            {
                paragraphs.Add(block);
            }
            else
            {
                removed.Add(new RemovedBlock(block, reason));
            }
        }
        var dateline = hints.Dateline ?? (paragraphs.Count > 0 ? NewsPatterns.Dateline(paragraphs[0], out _) : null);
        return new Extraction(hints.Title, byline, dateline, paragraphs, removed);
    }

    private static (List<string>? Blocks, string? Title, string? Byline, string? Date) RunReader(IHtmlDocument document, HtmlParser parser)
    {
        try
        {
            using var reader = new SmartReader.Reader(OfflineUrl, document)
            {
                Debug = false,
                ContinueIfNotReadable = true,
            };
            var article = reader.GetArticle();
            if (!article.Completed || string.IsNullOrWhiteSpace(article.Content))
            {
                return (null, null, null, null);
            }
            var content = parser.ParseDocument("<!doctype html><html><body>" + article.Content + "</body></html>");
            var blocks = HtmlBlocks.Collect(content.Body!);
            var date = article.PublicationDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            return (blocks, Clean(article.Title), Clean(article.Byline ?? article.Author), date);
        }
#pragma warning disable CA1031 // A third-party extractor failing on a strange page must not fail the article: fall back.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, null, null, null);
        }
    }

    /// <summary>Removes what is never article text, recording the visible text of what was removed and why.</summary>
    private static void PreClean(IHtmlDocument document, List<RemovedBlock> removed)
    {
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template, svg, iframe, object, embed, canvas, form input, form select, form textarea, button").ToList())
        {
            element.Remove();
        }
        var body = document.Body;
        if (body is null)
        {
            return;
        }
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null || !body.Contains(element))
            {
                continue;
            }
            var reason = ReasonToRemove(element);
            if (reason is null)
            {
                continue;
            }
            // A container holding the story is the page's frame, whatever its class says ("Page-ad-margins", "paywall").
            if (HoldsStory(element))
            {
                continue;
            }
            var text = HtmlBlocks.Text(element);
            if (text.Length > 0)
            {
                removed.Add(new RemovedBlock(text, reason));
            }
            element.Remove();
        }
    }

    private static bool HoldsStory(IElement element)
    {
        if (element.TagName is "NAV" or "ASIDE" or "FIGCAPTION")
        {
            return false;
        }
        if (element.QuerySelector("article, main, [itemprop='articleBody']") is not null)
        {
            return true;
        }
        var paragraphs = 0;
        foreach (var p in element.QuerySelectorAll("p"))
        {
            if (p.TextContent.Length >= 80 && ++paragraphs >= 3)
            {
                return true;
            }
        }
        return false;
    }

    private static string? ReasonToRemove(IElement element)
    {
        switch (element.TagName)
        {
            case "NAV":
                return "navigation";
            case "ASIDE":
                return "sidebar";
            case "FIGCAPTION":
                return "caption";
            case "FOOTER":
                return "footer";
            case "HEADER" when element.Closest("article, main") is null:
                return element.QuerySelector("nav") is null ? "page header" : "navigation";
        }
        var role = element.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary")
        {
            return role == "navigation" ? "navigation" : "page furniture";
        }
        if (element.GetAttribute("aria-hidden") == "true" || element.HasAttribute("hidden"))
        {
            return "hidden";
        }
        var names = (element.ClassName + " " + element.Id).ToLowerInvariant();
        if (names.Length <= 1)
        {
            return null;
        }
        foreach (var word in ClassWordSeparators().Split(names))
        {
            if (word.Length > 0 && FurnitureClassWords.TryGetValue(word, out var reason))
            {
                return reason;
            }
        }
        return null;
    }

    private sealed record PageMetadata(string? Title, string? Byline, string? Published);

    private static PageMetadata ReadMetadata(IHtmlDocument document)
    {
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                var value = document.QuerySelector($"meta[property='{key}'], meta[name='{key}'], meta[itemprop='{key}']")?.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return TextNormalizer.FoldParagraph(System.Net.WebUtility.HtmlDecode(value));
                }
            }
            return null;
        }

        var (ldHeadline, ldAuthor, ldPublished) = ReadJsonLd(document);
        var siteName = Meta("og:site_name", "application-name");
        var title = Meta("og:title", "twitter:title") ?? ldHeadline
            ?? Clean(document.QuerySelector("h1") is { } h1 ? HtmlBlocks.Text(h1) : null)
            ?? Clean(document.Title);
        title = TrimSiteName(title, siteName);

        var author = Meta("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator");
        if (author is not null && author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            author = null;
        }
        author ??= ldAuthor ?? Clean(document.QuerySelector("[rel='author'], [itemprop='author'] [itemprop='name'], [itemprop='author']") is { } a ? HtmlBlocks.Text(a) : null);
        if (author is not null && (author.Length > 120 || author.Length == 0))
        {
            author = null;
        }
        if (author is not null && NewsPatterns.Byline(author) is { } stripped && author.StartsWith("By", StringComparison.OrdinalIgnoreCase))
        {
            author = stripped;
        }

        var published = Meta("article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "date",
                "dc.date.issued", "dcterms.created", "dc.date", "sailthru.date", "parsely-pub-date", "og:published_time")
            ?? ldPublished
            ?? Clean(document.QuerySelector("[itemprop='datePublished']")?.GetAttribute("datetime"))
            ?? Clean(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        return new PageMetadata(title, author, published);
    }

    /// <summary>headline, author name(s) and datePublished from schema.org JSON-LD, where a page has it.</summary>
    private static (string? Headline, string? Author, string? Published) ReadJsonLd(IHtmlDocument document)
    {
        string? headline = null, author = null, published = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                var stack = new Stack<JsonElement>();
                stack.Push(json.RootElement);
                var visited = 0;
                while (stack.Count > 0 && visited++ < 2000)
                {
                    var node = stack.Pop();
                    if (node.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in node.EnumerateArray()) { stack.Push(item); }
                        continue;
                    }
                    if (node.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }
                    foreach (var property in node.EnumerateObject())
                    {
                        switch (property.Name)
                        {
                            case "headline" when property.Value.ValueKind == JsonValueKind.String:
                                headline ??= Clean(property.Value.GetString());
                                break;
                            case "datePublished" when property.Value.ValueKind == JsonValueKind.String:
                                published ??= Clean(property.Value.GetString());
                                break;
                            case "author":
                                author ??= AuthorNames(property.Value);
                                break;
                            case "@graph" or "mainEntity" or "mainEntityOfPage" when property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object:
                                stack.Push(property.Value);
                                break;
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }
        return (headline, author, published);
    }

    private static string? AuthorNames(JsonElement value)
    {
        var names = new List<string>();
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var item in items)
        {
            var name = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object when item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
                _ => null,
            };
            if (Clean(name) is { } clean && !clean.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                names.Add(clean);
            }
        }
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary>"Headline | Site" → "Headline": drops a site-name part before or after the headline.</summary>
    internal static string? TrimSiteName(string? title, string? siteName)
    {
        if (title is null)
        {
            return null;
        }
        var parts = TitleSeparators().Split(title);
        if (parts.Length < 2)
        {
            return title;
        }
        bool IsSite(string part) =>
            (siteName is not null && string.Equals(part.Trim(), siteName.Trim(), StringComparison.OrdinalIgnoreCase))
            || FurnitureCues.CountWords(part) <= 4;
        var first = 0;
        var last = parts.Length - 1;
        // Drop short trailing parts ("| World | Site") as long as a headline-sized part remains.
        while (last > first && IsSite(parts[last]) && FurnitureCues.CountWords(string.Join(" ", parts[first..last])) >= 3)
        {
            last--;
        }
        // A leading site name or section label: "Site | Headline", "Opinion | Headline".
        if (last > first && ((siteName is not null && string.Equals(parts[first].Trim(), siteName.Trim(), StringComparison.OrdinalIgnoreCase))
            || FurnitureCues.Classify(parts[first]) == "section label"))
        {
            first++;
        }
        if (first == 0 && last == parts.Length - 1)
        {
            return title;
        }
        // Rejoin what remains using the original text, so the kept headline is verbatim.
        var separators = TitleSeparators().Matches(title);
        var start = first == 0 ? 0 : separators[first - 1].Index + separators[first - 1].Length;
        var end = last == parts.Length - 1 ? title.Length : separators[last].Index;
        return title[start..end].Trim();
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var folded = TextNormalizer.FoldParagraph(value);
        return folded.Length == 0 ? null : folded;
    }

    [GeneratedRegex(@"\s+[|–—»·:]{1,2}\s+|\s+-\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSeparators();

    [GeneratedRegex(@"[\s_\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex ClassWordSeparators();
}
