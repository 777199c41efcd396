using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// Turns an element tree into text blocks, one per block element (p, h2, li, blockquote…), without recursion so a
/// hostile, deeply nested page cannot overflow the stack.
/// </summary>
internal static class HtmlBlocks
{
    private static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "NAV", "ASIDE", "H1", "H2", "H3", "H4", "H5", "H6",
        "LI", "UL", "OL", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR",
        "CAPTION", "FIGURE", "FIGCAPTION", "ADDRESS", "HR", "BR", "FORM", "FIELDSET", "LEGEND", "DETAILS", "SUMMARY",
        "CENTER", "BODY", "HTML", "OPTION", "BUTTON", "LABEL", "HGROUP", "DIALOG", "MENU",
    ]);

    /// <summary>Tags whose content is never article text.</summary>
    public static readonly FrozenSet<string> SkippedTags = FrozenSet.ToFrozenSet(
    [
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "IFRAME", "OBJECT", "EMBED", "CANVAS", "HEAD",
        "SELECT", "TEXTAREA", "INPUT", "BUTTON", "AUDIO", "VIDEO", "PICTURE", "IMG", "MAP",
    ]);

    /// <summary>The folded, non-empty text blocks under <paramref name="root"/>, in document order.</summary>
    public static List<string> Collect(INode root) => Collect(root, null);

    /// <summary>The folded, non-empty text blocks under <paramref name="root"/>, skipping the elements in <paramref name="skip"/>.</summary>
    public static List<string> Collect(INode root, IReadOnlySet<IElement>? skip)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                var tag = element.TagName;
                var block = BlockTags.Contains(tag);
                if (tag is "TD" or "TH")
                {
                    // A table row reads as one line: its cells separated by spaces.
                    current.Append(' ');
                }
                if (exit)
                {
                    if (block) { Flush(current, blocks); }
                    continue;
                }
                if (SkippedTags.Contains(tag) || (skip is not null && skip.Contains(element)))
                {
                    if (block) { Flush(current, blocks); }
                    continue;
                }
                if (block) { Flush(current, blocks); }
                stack.Push((node, true));
                // Indexing the child list: AngleSharp finds a sibling by searching the parent's list, quadratic on wide pages.
                var children = node.ChildNodes;
                for (var k = children.Length - 1; k >= 0; k--)
                {
                    var child = children[k];
                    stack.Push((child, false));
                }
            }
            else if (node is IText text)
            {
                current.Append(text.Data);
            }
            else if (node is IDocument or IDocumentFragment)
            {
                // Indexing the child list: AngleSharp finds a sibling by searching the parent's list, quadratic on wide pages.
                var children = node.ChildNodes;
                for (var k = children.Length - 1; k >= 0; k--)
                {
                    var child = children[k];
                    stack.Push((child, false));
                }
            }
        }
        Flush(current, blocks);
        return blocks;
    }

    /// <summary>Text of an element, folded, without recursion.</summary>
    public static string Text(INode root) => string.Join(" ", Collect(root));

    private static void Flush(StringBuilder current, List<string> blocks)
    {
        if (current.Length == 0)
        {
            return;
        }
        var text = TextNormalizer.FoldParagraph(current.ToString());
        current.Clear();
        if (text.Length > 0)
        {
            blocks.Add(text);
        }
    }
}
