using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// HTML page → the story: one AngleSharp parse, then <see cref="MainContent"/> scores the page's blocks and keeps the
/// main content; when it finds nothing, the page's own blocks are cleaned like a plain-text capture. Title, byline,
/// date, canonical URL and language come from the page's metadata (meta tags, JSON-LD).
/// </summary>
internal static partial class HtmlExtractor
{
    // Below this much text the scorer probably picked a wrong, tiny block.
    private const int MinContentChars = 250;
    // Removed blocks are for an editor's audit: keep the list and each entry readable.
    private const int MaxRemovedEntries = 300;
    private const int MaxRemovedChars = 300;
    // Real article pages stay under ~1.5 MB of markup; far beyond that the parse alone approaches the 1 s budget a page
    // gets and the DOM costs hundreds of MB. Bigger pages are first stripped of scripts, styles and comments.
    internal const int MaxMarkupChars = 3_000_000;
    // JSON-LD articleBody shorter than this is a teaser, not the story.
    private const int MinJsonLdChars = 500;
    // The scored blocks lose to JSON-LD articleBody when they hold less than this share of its text.
    private const double JsonLdPreferredBelow = 0.7;

    // One parser per thread: a parser is cheap to reuse but not meant to be shared by concurrent parses.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    private static HtmlParser Parser => t_parser ??= new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false,
        // Source positions are never used; not keeping them saves an allocation per node.
        IsKeepingSourceReferences = false,
    });

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
        ["caption"] = "caption", ["figcaption"] = "caption",
    }.ToFrozenDictionary();

    public static Extraction Extract(string html)
    {
        if (html.Length > MaxMarkupChars)
        {
            html = MarkupStripper.WithoutScriptsStylesAndComments(html);
            if (html.Length > MaxMarkupChars)
            {
                throw new ArticleRejectedException(
                    $"This web page is too large to be one article: {html.Length / 1_000_000.0:0.#} million characters of markup once scripts and styles are removed " +
                    $"(the limit is {MaxMarkupChars / 1_000_000} million). Upload the article's text, or save just the article's page.");
            }
        }
        html = MarkupStripper.WithBoundedNesting(html);
        var document = Parser.ParseDocument(html);
        var meta = ReadMetadata(document);
        var hints = new ExtractionHints(meta.Title, meta.Byline, meta.Published);
        var body = document.Body ?? document.DocumentElement;
        var content = MainContent.Find(body, ReasonToRemove);

        var removed = new List<RemovedBlock>();
        foreach (var (element, reason) in content.RemovedFurniture)
        {
            if (removed.Count >= MaxRemovedEntries)
            {
                break;
            }
            var text = HtmlBlocks.Text(element);
            if (text.Length > 0)
            {
                removed.Add(new RemovedBlock(text, reason));
            }
        }

        var blocks = new List<string>();
        foreach (var root in content.Roots)
        {
            blocks.AddRange(HtmlBlocks.Collect(root, content.Dropped));
        }

        var contentChars = blocks.Sum(b => b.Length);
        // The page's own JSON-LD articleBody is the publisher's statement of the story: when the scored blocks hold
        // clearly less text than it, the scorer missed part of the story (split containers, a paywall teaser block).
        if (meta.ArticleBody is { } declared && JsonLdParagraphs(declared) is { } declaredBlocks
            && declaredBlocks.Sum(b => b.Length) is var declaredChars && declaredChars >= MinJsonLdChars
            && contentChars < declaredChars * JsonLdPreferredBelow)
        {
            blocks = declaredBlocks;
            contentChars = declaredChars;
        }
        else if (meta.ArticleBody is { } statement && TextNormalizer.FoldParagraph(System.Net.WebUtility.HtmlDecode(statement)) is { Length: >= MinJsonLdChars } folded
            && !statement.Contains('<', StringComparison.Ordinal))
        {
            // The scored blocks hold the story: those the publisher's articleBody does not contain are furniture.
            var inStatement = blocks.Where(b => folded.Contains(b, StringComparison.Ordinal)).ToList();
            if (inStatement.Sum(b => b.Length) >= folded.Length * 0.8)
            {
                foreach (var block in blocks.Where(b => !folded.Contains(b, StringComparison.Ordinal)))
                {
                    removed.Add(new RemovedBlock(block, "not in the page's articleBody"));
                }
                blocks = inStatement;
                contentChars = inStatement.Sum(b => b.Length);
            }
        }

        Extraction extraction;
        if (contentChars >= MinContentChars)
        {
            extraction = FilterReaderBlocks(blocks, hints);
            // Name what a block outside the story was when a rule knows; otherwise it was simply not part of the story.
            var outside = new HashSet<IElement>(content.Dropped, ReferenceEqualityComparer.Instance);
            outside.UnionWith(content.Roots);
            foreach (var block in HtmlBlocks.Collect(body, outside))
            {
                if (removed.Count >= MaxRemovedEntries)
                {
                    break;
                }
                var reason = string.Equals(block, hints.Title, StringComparison.OrdinalIgnoreCase) ? "title"
                    : NewsPatterns.Byline(block) is not null ? "byline"
                    : FurnitureCues.Classify(block) ?? "outside the main content";
                removed.Add(new RemovedBlock(block, reason));
            }
        }
        else
        {
            // The scorer found nothing story-like (a fragment, a bare list of paragraphs): clean the page's own
            // blocks like a captured text.
            var pageBlocks = HtmlBlocks.Collect(body, content.Dropped);
            extraction = PlainTextExtractor.ExtractBlocks(pageBlocks, hints with { Title = null });
            extraction = extraction with { Title = hints.Title ?? extraction.Title };
        }

        var allRemoved = removed.Concat(extraction.Removed)
            .Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .Take(MaxRemovedEntries)
            .Select(r => r.Text.Length > MaxRemovedChars ? r with { Text = r.Text[..MaxRemovedChars] + "…" } : r)
            .ToList();
        return extraction with { Removed = allRemoved, CanonicalUrl = meta.CanonicalUrl, Language = meta.Language };
    }

    /// <summary>JSON-LD articleBody → paragraphs: its line breaks, entities decoded and any markup left out.</summary>
    private static List<string>? JsonLdParagraphs(string body)
    {
        var text = System.Net.WebUtility.HtmlDecode(body);
        if (text.Contains('<', StringComparison.Ordinal))
        {
            // Some publishers put HTML in articleBody: read it as a fragment.
            text = string.Join("\n", HtmlBlocks.Collect(Parser.ParseDocument("<body>" + text + "</body>").Body!));
        }
        var paragraphs = text.Split('\n').Select(TextNormalizer.FoldParagraph).Where(p => p.Length > 0).ToList();
        return paragraphs.Count > 0 ? paragraphs : null;
    }

    /// <summary>The main content's blocks cleaned of the furniture lines it still holds (ad labels, "Read more", the headline).</summary>
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

    private sealed record PageMetadata(string? Title, string? Byline, string? Published, string? CanonicalUrl, string? Language, string? ArticleBody);

    /// <summary>The elements metadata is read from, found in one walk over the page instead of a selector query each.</summary>
    private sealed class MetadataScan
    {
        public Dictionary<string, string> Metas { get; } = new(StringComparer.Ordinal);
        public List<IElement> JsonLd { get; } = [];
        public IElement? FirstH1 { get; private set; }
        public IElement? Author { get; private set; }
        public string? DatePublished { get; private set; }
        public string? TimeDatetime { get; private set; }
        public string? Canonical { get; private set; }
        public string? ContentLanguage { get; private set; }

        public static MetadataScan Of(IHtmlDocument document)
        {
            var scan = new MetadataScan();
            var stack = new Stack<INode>();
            stack.Push(document);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is IElement element)
                {
                    scan.Visit(element);
                }
                var children = node.ChildNodes;
                for (var k = children.Length - 1; k >= 0; k--)
                {
                    if (children[k] is IElement child)
                    {
                        stack.Push(child);
                    }
                }
            }
            return scan;
        }

        private void Visit(IElement element)
        {
            switch (element.TagName)
            {
                case "META":
                    var content = element.GetAttribute("content");
                    if (string.IsNullOrWhiteSpace(content))
                    {
                        return;
                    }
                    foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop"])
                    {
                        if (element.GetAttribute(attribute) is { Length: > 0 } key)
                        {
                            Metas.TryAdd(key, content);
                        }
                    }
                    if (string.Equals(element.GetAttribute("http-equiv"), "content-language", StringComparison.OrdinalIgnoreCase))
                    {
                        ContentLanguage ??= content;
                    }
                    return;
                case "LINK" when Canonical is null && element.GetAttribute("rel") is { } rel && rel.Contains("canonical", StringComparison.OrdinalIgnoreCase):
                    Canonical = element.GetAttribute("href");
                    return;
                case "SCRIPT" when element.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase):
                    JsonLd.Add(element);
                    return;
                case "H1":
                    FirstH1 ??= element;
                    break;
                case "TIME":
                    TimeDatetime ??= element.GetAttribute("datetime");
                    break;
            }
            var itemprop = element.GetAttribute("itemprop");
            if (Author is null && (element.GetAttribute("rel") == "author" || itemprop == "author"))
            {
                Author = element;
            }
            if (itemprop == "datePublished")
            {
                DatePublished ??= element.GetAttribute("datetime");
            }
        }
    }

    private static PageMetadata ReadMetadata(IHtmlDocument document)
    {
        var scan = MetadataScan.Of(document);
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (scan.Metas.TryGetValue(key, out var value))
                {
                    return TextNormalizer.FoldParagraph(System.Net.WebUtility.HtmlDecode(value));
                }
            }
            return null;
        }

        var ld = ReadJsonLd(scan.JsonLd);
        var (ldHeadline, ldAuthor, ldPublished) = (ld.Headline, ld.Author, ld.Published);
        var siteName = Meta("og:site_name", "application-name");
        var title = Meta("og:title", "twitter:title") ?? ldHeadline
            ?? Clean(scan.FirstH1 is { } h1 ? HtmlBlocks.Text(h1) : null)
            ?? Clean(document.Title);
        title = TrimSiteName(title, siteName) is { } named ? Headlines.Bound(named) : null;

        var author = Meta("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator");
        if (author is not null && author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            author = null;
        }
        author ??= ldAuthor ?? Clean(scan.Author is { } a ? HtmlBlocks.Text(a.QuerySelector("[itemprop='name']") ?? a) : null);
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
            ?? Clean(scan.DatePublished)
            ?? Clean(scan.TimeDatetime);
        var canonical = Clean(scan.Canonical) ?? Meta("og:url");
        if (canonical is not null && !Uri.TryCreate(canonical, UriKind.Absolute, out _))
        {
            canonical = null;
        }
        var language = Clean(document.DocumentElement?.GetAttribute("lang"))
            ?? Clean(scan.ContentLanguage)
            ?? ld.Language
            ?? Meta("og:locale", "language", "dc.language");
        return new PageMetadata(title, author, published, canonical, NormalizeLanguage(language), ld.ArticleBody);
    }

    /// <summary>"en_US", "EN-us" → "en-US": a BCP 47 tag, or null when the value is not one.</summary>
    internal static string? NormalizeLanguage(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var parts = value.Split(',')[0].Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
        {
            return null;
        }
        var tag = parts[0].ToLowerInvariant();
        if (parts.Length > 1 && parts[1].Length == 2 && parts[1].All(char.IsAsciiLetter))
        {
            tag += "-" + parts[1].ToUpperInvariant();
        }
        return tag;
    }

    /// <summary>headline, author name(s), datePublished, inLanguage and articleBody from schema.org JSON-LD, where a page has it.</summary>
    private sealed record JsonLd(string? Headline, string? Author, string? Published, string? Language, string? ArticleBody);

    private static JsonLd ReadJsonLd(List<IElement> scripts)
    {
        string? headline = null, author = null, published = null, language = null, articleBody = null;
        foreach (var script in scripts)
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
                            case "inLanguage" when property.Value.ValueKind == JsonValueKind.String:
                                language ??= Clean(property.Value.GetString());
                                break;
                            case "articleBody" when property.Value.ValueKind == JsonValueKind.String:
                                articleBody ??= property.Value.GetString();
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
        return new JsonLd(headline, author, published, language, articleBody);
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
