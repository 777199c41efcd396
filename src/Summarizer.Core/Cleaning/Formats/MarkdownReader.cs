using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// Markdown → the story's text (blocks separated by blank lines, line breaks kept) and the metadata its YAML front matter states (title, author, date, language).
/// Markup goes (emphasis, code spans, inline HTML tags, images); links keep their text; list items (with a bullet or
/// number) and block quotes become paragraphs; the first level-1 heading is the title when the front matter names none.
/// </summary>
internal static partial class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static SourceDocument Read(string text)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // The parser stops at its nesting limit (128 levels of quotes, lists or emphasis) instead of exhausting the stack.
            throw new ArticleRejectedException(
                "The Markdown file nests quotes, lists or emphasis too deeply to be read (more than 128 levels). Save the article as plain text and upload it.");
        }
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var paragraphs = new List<string>();
        string? heading = null;
        var frontMatterTitle = false;
        // The title level: 1, or, in a document without a level-1 heading that opens with a lower one ("## Title"), that one.
        var titleLevel = document.OfType<HeadingBlock>().Any(h => h.Level == 1) ? 1
            : document.FirstOrDefault(b => b is not YamlFrontMatterBlock) is HeadingBlock opening ? opening.Level : 1;
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock frontMatter)
            {
                ReadFrontMatter(frontMatter, metadata);
                frontMatterTitle = Value(metadata, "title") is not null;
                continue;
            }
            if (block is HeadingBlock { Inline: { } inline } h && h.Level == titleLevel && heading is null && !frontMatterTitle)
            {
                heading = Fold(InlineText(inline));
                if (heading.Length > 0) { continue; }
                heading = null;
            }
            Collect(block, paragraphs);
        }
        return new SourceDocument
        {
            Title = Value(metadata, "title") ?? heading,
            Byline = Value(metadata, "author", "byline", "authors", "by"),
            Dateline = Value(metadata, "dateline", "date", "published", "pubdate"),
            Language = Value(metadata, "lang", "language", "locale"),
            // As text, not paragraphs: each block's lines are judged like a capture's (a menu line or "Advertisement"
            // above a sentence is not part of it), as the text path always did for Markdown.
            PlainText = string.Join("\n\n", paragraphs),
        };
    }

    /// <summary>Whether the text opens with a YAML front matter block (<c>---</c> … <c>---</c>), evidence of Markdown.</summary>
    public static bool StartsWithFrontMatter(string text) => FrontMatterOpening().IsMatch(text);

    /// <summary>Adds the block's paragraphs; recursion is bounded by the parser's nesting limit.</summary>
    private static void Collect(Block block, List<string> paragraphs)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                Add(paragraphs, InlineText(inline));
                break;
            case HtmlBlock html:
                Add(paragraphs, StripTags(html.Lines.ToString()));
                break;
            case CodeBlock code:
                // An indented block is as often a capture's indented paragraph as code: its words are kept.
                Add(paragraphs, code.Lines.ToString());
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list)
                {
                    // The item keeps a marker, so the furniture rules see a list item, not a run of short link-like lines.
                    var before = paragraphs.Count;
                    Collect(item, paragraphs);
                    if (paragraphs.Count > before)
                    {
                        paragraphs[before] = (list.IsOrdered ? $"{number}. " : "• ") + paragraphs[before];
                    }
                    number++;
                }
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Collect(child, paragraphs);
                }
                break;
            // Thematic breaks, link reference definitions and empty blocks carry no words.
        }
    }

    /// <summary>Adds a block: its lines, each with its whitespace folded, blank lines dropped.</summary>
    private static void Add(List<string> paragraphs, string text)
    {
        var folded = string.Join('\n', text.Split('\n').Select(Fold).Where(line => line.Length > 0));
        if (folded.Length > 0)
        {
            paragraphs.Add(folded);
        }
    }

    /// <summary>The words a reader sees: literals, emphasis and link text, code spans; images and inline tags dropped.</summary>
    private static string InlineText(ContainerInline root)
    {
        var sb = new StringBuilder();
        // Depth-first without recursion: emphasis and links can nest as deep as the input makes them.
        var stack = new Stack<Inline>();
        for (var child = root.LastChild; child is not null; child = child.PreviousSibling) { stack.Push(child); }
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case LiteralInline literal: sb.Append(literal.Content.AsSpan()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append('\n'); break;
                case HtmlEntityInline entity: sb.Append(entity.Transcoded.AsSpan()); break;
                case AutolinkInline autolink: sb.Append(autolink.Url); break;
                // A picture's alt text describes the picture, not the story; it would read as a stray caption.
                case LinkInline { IsImage: true }: break;
                case HtmlInline: break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling) { stack.Push(child); }
                    break;
            }
        }
        return sb.ToString();
    }

    private static void ReadFrontMatter(YamlFrontMatterBlock block, Dictionary<string, string> metadata)
    {
        // Only flat "key: value" lines are read (quoted or not), and lists of plain items, one-line "[a, b]" or
        // "- item" lines under a bare "key:"; nested YAML is ignored.
        string? listKey = null;
        var items = new List<string>();
        foreach (var line in block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()))
        {
            if (listKey is not null && ListItem().Match(line) is { Success: true } item)
            {
                items.Add(Unquote(item.Groups["value"].Value));
                continue;
            }
            AddList(metadata, ref listKey, items);
            var match = FrontMatterLine().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var value = match.Groups["value"].Value.Trim();
            if (value.Length == 0)
            {
                listKey = match.Groups["key"].Value;
                continue;
            }
            if (value.StartsWith('[') && value.EndsWith(']'))
            {
                value = string.Join(", ", value[1..^1].Split(',').Select(Unquote).Where(v => v.Length > 0));
            }
            Add(metadata, match.Groups["key"].Value, Unquote(value));
        }
        AddList(metadata, ref listKey, items);
    }

    private static void AddList(Dictionary<string, string> metadata, ref string? key, List<string> items)
    {
        if (key is not null)
        {
            Add(metadata, key, string.Join(", ", items.Where(i => i.Length > 0)));
        }
        key = null;
        items.Clear();
    }

    private static void Add(Dictionary<string, string> metadata, string key, string value)
    {
        value = Fold(value);
        if (value.Length > 0)
        {
            metadata.TryAdd(key, value);
        }
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;
    }

    private static string? Value(Dictionary<string, string> metadata, params string[] keys) =>
        keys.Select(k => metadata.GetValueOrDefault(k)).FirstOrDefault(v => v is not null);

    private static string StripTags(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(HiddenElement().Replace(html, " "), " "));

    private static string Fold(string text) => TextNormalizer.FoldParagraph(text);

    [GeneratedRegex(@"^(?<key>[A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(?<value>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterLine();

    [GeneratedRegex(@"^[ \t]*-[ \t]+(?<value>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    // "---", then YAML lines (the first a key), then "---" or "...": a capture that merely opens with a rule is not it.
    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n(?=[A-Za-z_][\w-]*[ \t]*:)(?:(?:[A-Za-z_][\w-]*[ \t]*:.*|[ \t]+.*|-[ \t].*|\#.*|[ \t]*)\r?\n){1,100}?(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterOpening();

    [GeneratedRegex(@"<!--.*?-->|<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenElement();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
