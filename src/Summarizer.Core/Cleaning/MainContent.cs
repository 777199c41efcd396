using System.Collections.Frozen;
using AngleSharp.Dom;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// Finds a page's main content on the parsed DOM in a few linear passes, without recursion: paragraphs are scored
/// by length and commas, their scores flow to their ancestors (Readability's idea), containers are weighed by
/// class/id hints and link density, and the best container plus its story-like siblings is kept. Furniture inside it
/// (link lists, widgets) is dropped by link density, as trafilatura's description suggests.
/// </summary>
internal sealed class MainContent
{
    // A paragraph shorter than this carries no evidence of where the story is.
    private const int MinParagraphChars = 25;
    // A container with this many commas is prose, whatever its link density.
    private const int ProseCommas = 10;
    // Scores flow this many levels up from a paragraph.
    private const int ScoredAncestorLevels = 5;

    private static readonly FrozenSet<string> ParagraphTags = FrozenSet.ToFrozenSet(["P", "PRE", "TD"]);
    // Elements whose presence as a direct child means a DIV is a container, not a paragraph written as a DIV.
    private static readonly FrozenSet<string> BlockChildTags = FrozenSet.ToFrozenSet(
        ["P", "DIV", "TABLE", "UL", "OL", "DL", "PRE", "BLOCKQUOTE", "SECTION", "ARTICLE", "MAIN", "ASIDE", "NAV", "FIGURE",
         "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "FOOTER", "FORM"]);
    // Containers the link-density cleaning may drop inside the kept content.
    private static readonly FrozenSet<string> CleanedContainerTags = FrozenSet.ToFrozenSet(
        ["DIV", "SECTION", "UL", "OL", "DL", "TABLE", "FORM", "ASIDE", "HEADER", "FOOTER", "FIGURE"]);

    private static readonly (string[] Positive, string[] Negative) ClassHints = LoadHints();

    private readonly List<IElement> _elements = [];
    private readonly List<int> _parent = [];
    private int[] _end = [];
    private int[] _ownText = [];
    private int[] _text = [];
    private int[] _link = [];
    private int[] _commas = [];
    private int[] _longParagraphs = [];
    private bool[] _storyMarker = [];
    private bool[] _blockChild = [];
    private bool[] _removed = [];
    private double[] _score = [];
    private bool[] _candidate = [];
    private bool[] _protected = [];
    private readonly Dictionary<string, int> _weightCache = new(StringComparer.Ordinal);

    /// <summary>The indexed elements' removal state, for the block collector.</summary>
    public HashSet<IElement> Dropped { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Top-most removed furniture elements and why, in document order.</summary>
    public List<(IElement Element, string Reason)> RemovedFurniture { get; } = [];

    /// <summary>The roots of the kept content, in document order; empty when nothing looked like a story.</summary>
    public List<IElement> Roots { get; } = [];

    public static MainContent Find(IElement body, Func<IElement, string?> reasonToRemove)
    {
        var content = new MainContent();
        content.Index(body);
        content.Aggregate();
        content.RemoveFurniture(reasonToRemove);
        content.AggregateKept();
        content.Score();
        content.Choose();
        content.CleanInside();
        return content;
    }

    /// <summary>Pre-order index of the elements under body, with their own text and link text measured.</summary>
    private void Index(IElement body)
    {
        var ownText = new List<int>();
        var link = new List<int>();
        var commas = new List<int>();
        var stack = new Stack<(INode Node, int Parent, bool InLink)>();
        stack.Push((body, -1, false));
        while (stack.Count > 0)
        {
            var (node, parent, inLink) = stack.Pop();
            if (node is IElement element)
            {
                if (HtmlBlocks.SkippedTags.Contains(element.TagName))
                {
                    continue;
                }
                var index = _elements.Count;
                _elements.Add(element);
                _parent.Add(parent);
                ownText.Add(0);
                link.Add(0);
                commas.Add(0);
                var childInLink = inLink || element.TagName == "A";
                // Indexing the child list: AngleSharp finds a sibling by searching the parent's list, quadratic on wide pages.
                var children = node.ChildNodes;
                for (var k = children.Length - 1; k >= 0; k--)
                {
                    var child = children[k];
                    if (child is IElement or IText)
                    {
                        stack.Push((child, index, childInLink));
                    }
                }
            }
            else if (node is IText text && parent >= 0)
            {
                var (length, commaCount) = Measure(text.Data);
                ownText[parent] += length;
                commas[parent] += commaCount;
                if (inLink)
                {
                    link[parent] += length;
                }
            }
        }
        var n = _elements.Count;
        _ownText = [.. ownText];
        _link = [.. link];
        _commas = [.. commas];
        _end = new int[n];
        _text = new int[n];
        _longParagraphs = new int[n];
        _storyMarker = new bool[n];
        _blockChild = new bool[n];
        _removed = new bool[n];
        _score = new double[n];
        _candidate = new bool[n];
        _protected = new bool[n];
    }

    /// <summary>Subtree totals of the raw page, used to decide whether a furniture-classed container holds the story.</summary>
    private void Aggregate()
    {
        var n = _elements.Count;
        for (var i = 0; i < n; i++)
        {
            _end[i] = i + 1;
            _text[i] = _ownText[i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var element = _elements[i];
            if (element.TagName == "P" && _text[i] >= 80)
            {
                _longParagraphs[i]++;
            }
            var parent = _parent[i];
            if (parent < 0)
            {
                continue;
            }
            _end[parent] = Math.Max(_end[parent], _end[i]);
            _text[parent] += _text[i];
            _longParagraphs[parent] += _longParagraphs[i];
            _storyMarker[parent] |= _storyMarker[i] || element.TagName is "ARTICLE" or "MAIN" || element.GetAttribute("itemprop") == "articleBody";
            _blockChild[parent] |= BlockChildTags.Contains(element.TagName);
        }
    }

    private void RemoveFurniture(Func<IElement, string?> reasonToRemove)
    {
        for (var i = 0; i < _elements.Count; i++)
        {
            var parent = _parent[i];
            if (parent >= 0 && _removed[parent])
            {
                _removed[i] = true;
                continue;
            }
            if (parent < 0)
            {
                continue;
            }
            var element = _elements[i];
            var reason = reasonToRemove(element);
            // A container holding the story is the page's frame, whatever its class says ("Page-ad-margins", "paywall").
            if (reason is null || HoldsStory(i, reason))
            {
                continue;
            }
            _removed[i] = true;
            Dropped.Add(element);
            RemovedFurniture.Add((element, reason));
        }
    }

    // Comment threads are full of long paragraphs: only an article element inside one says it holds the story.
    private bool HoldsStory(int i, string reason) =>
        _elements[i].TagName is not ("NAV" or "ASIDE" or "FIGCAPTION")
        && (_storyMarker[i] || (_longParagraphs[i] >= 3 && reason != "comments"));

    /// <summary>Subtree totals again, counting only what was not removed as furniture.</summary>
    private void AggregateKept()
    {
        var n = _elements.Count;
        for (var i = 0; i < n; i++)
        {
            _text[i] = _removed[i] ? 0 : _ownText[i];
            if (_removed[i]) { _link[i] = 0; _commas[i] = 0; }
        }
        for (var i = n - 1; i > 0; i--)
        {
            var parent = _parent[i];
            if (_removed[i] || parent < 0)
            {
                continue;
            }
            _text[parent] += _text[i];
            _link[parent] += _link[i];
            _commas[parent] += _commas[i];
        }
    }

    private bool IsParagraph(int i)
    {
        var tag = _elements[i].TagName;
        return ParagraphTags.Contains(tag) || (tag is "DIV" or "SECTION" or "ARTICLE" && !_blockChild[i] && _ownText[i] > 0);
    }

    private void Score()
    {
        for (var i = 0; i < _elements.Count; i++)
        {
            if (_removed[i] || _text[i] < MinParagraphChars || !IsParagraph(i))
            {
                continue;
            }
            var points = 1.0 + _commas[i] + Math.Min(_text[i] / 100, 3);
            var ancestor = _parent[i];
            for (var level = 0; level < ScoredAncestorLevels && ancestor >= 0; level++)
            {
                if (!_candidate[ancestor])
                {
                    _candidate[ancestor] = true;
                    _score[ancestor] = TagScore(_elements[ancestor].TagName) + ClassWeight(_elements[ancestor]);
                }
                _score[ancestor] += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
                ancestor = _parent[ancestor];
            }
        }
        for (var i = 0; i < _elements.Count; i++)
        {
            if (_candidate[i])
            {
                _score[i] *= 1 - LinkDensity(i);
            }
        }
    }

    private void Choose()
    {
        var top = -1;
        for (var i = 0; i < _elements.Count; i++)
        {
            if (_candidate[i] && !_removed[i] && (top < 0 || _score[i] > _score[top]))
            {
                top = i;
            }
        }
        if (top < 0)
        {
            return;
        }
        // The cleaning inside the content must never drop the block that won, nor the best paragraph it holds.
        Protect(top);
        var best = -1;
        for (var i = top + 1; i < _end[top]; i++)
        {
            if (!_removed[i] && IsParagraph(i) && LinkDensity(i) < 0.25 && (best < 0 || _text[i] > _text[best]))
            {
                best = i;
            }
        }
        if (best >= 0)
        {
            Protect(best);
        }

        // Paragraphs split across several sibling containers: a common ancestor that scores nearly as well is the story.
        var topScore = _score[top];
        var lastScore = topScore;
        for (var parent = _parent[top]; parent > 0; parent = _parent[parent])
        {
            if (!_candidate[parent])
            {
                continue;
            }
            if (_score[parent] < topScore / 3)
            {
                break;
            }
            if (_score[parent] > lastScore)
            {
                top = parent;
                break;
            }
            lastScore = _score[parent];
        }
        // A lone child says nothing its parent does not: climb so the siblings below are the story's siblings.
        while (_parent[top] > 0 && _text[_parent[top]] == _text[top] && ElementChildren(_parent[top]) == 1)
        {
            top = _parent[top];
        }

        var parentIndex = _parent[top];
        if (parentIndex < 0)
        {
            Roots.Add(_elements[top]);
            return;
        }
        var threshold = Math.Max(10, _score[top] * 0.2);
        var topClass = _elements[top].ClassName;
        foreach (var sibling in Children(parentIndex))
        {
            if (_removed[sibling])
            {
                continue;
            }
            if (sibling == top)
            {
                Roots.Add(_elements[sibling]);
                continue;
            }
            var bonus = !string.IsNullOrEmpty(topClass) && _elements[sibling].ClassName == topClass ? _score[top] * 0.2 : 0;
            if (_candidate[sibling] && _score[sibling] + bonus >= threshold)
            {
                Roots.Add(_elements[sibling]);
                continue;
            }
            if (_elements[sibling].TagName == "P")
            {
                var density = LinkDensity(sibling);
                var length = _text[sibling];
                if ((length > 80 && density < 0.25) || (length is > 0 and <= 80 && density == 0 && EndsSentence(_elements[sibling].TextContent)))
                {
                    Roots.Add(_elements[sibling]);
                }
            }
        }
    }

    /// <summary>Drops link lists, widgets and empty shells inside the kept content by link density and class hints.</summary>
    private void CleanInside()
    {
        foreach (var root in Roots)
        {
            var start = _elements.IndexOf(root);
            for (var i = start + 1; i < _end[start]; i++)
            {
                if (_removed[i] || _protected[i])
                {
                    continue;
                }
                var element = _elements[i];
                var tag = element.TagName;
                string? reason = null;
                if (CleanedContainerTags.Contains(tag) && IsCommentThread(element.GetAttribute("class") + " " + element.Id))
                {
                    reason = "comments";
                }
                else if (CleanedContainerTags.Contains(tag) && _commas[i] < ProseCommas)
                {
                    var weight = ClassWeight(element);
                    var density = LinkDensity(i);
                    if (weight < 0 && _longParagraphs[i] == 0)
                    {
                        reason = "page furniture";
                    }
                    // A third of the text in links: a link list or a teaser block, not prose.
                    else if ((density > 0.33 && weight < 25) || density > 0.5)
                    {
                        reason = "link list";
                    }
                }
                else if (tag is "H1" or "H2" or "H3" && LinkDensity(i) > 0.33)
                {
                    reason = "link list";
                }
                else if (tag is "P" or "LI" or "H4" or "H5" or "H6" && _text[i] > 0 && LinkDensity(i) >= 0.8 && _commas[i] < 2)
                {
                    // A paragraph that is all link is a pointer to another page ("Read more: …", a teaser headline).
                    reason = "read-also link";
                }
                if (reason is null)
                {
                    continue;
                }
                for (var j = i; j < _end[i]; j++)
                {
                    _removed[j] = true;
                }
                Dropped.Add(element);
                RemovedFurniture.Add((element, reason));
            }
        }
    }

    private void Protect(int i)
    {
        for (var j = i; j >= 0 && !_protected[j]; j = _parent[j])
        {
            _protected[j] = true;
        }
    }

    private static bool IsCommentThread(string names)
    {
        foreach (var token in names.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith("comment", StringComparison.Ordinal) || token is "respond" or "replies" or "disqus")
            {
                return true;
            }
        }
        return false;
    }

    private double LinkDensity(int i) => _text[i] == 0 ? 0 : Math.Min(1.0, (double)_link[i] / _text[i]);

    private int ElementChildren(int parent)
    {
        var count = 0;
        foreach (var _ in Children(parent))
        {
            count++;
        }
        return count;
    }

    private IEnumerable<int> Children(int parent)
    {
        for (var i = parent + 1; i < _end[parent]; i = _end[i])
        {
            yield return i;
        }
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '"' or '”' or '…';
    }

    private static double TagScore(string tag) => tag switch
    {
        "DIV" or "ARTICLE" => 5,
        "PRE" or "TD" or "BLOCKQUOTE" => 3,
        "ADDRESS" or "OL" or "UL" or "DL" or "DD" or "DT" or "LI" or "FORM" => -3,
        "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "TH" => -5,
        _ => 0,
    };

    /// <summary>+25 for a story-like class or id, −25 for a furniture-like one (each counted once).</summary>
    private int ClassWeight(IElement element)
    {
        var names = element.GetAttribute("class") + " " + element.Id;
        if (names.Length <= 1)
        {
            return 0;
        }
        if (_weightCache.TryGetValue(names, out var cached))
        {
            return cached;
        }
        var positive = false;
        var negative = false;
        foreach (var token in names.ToLowerInvariant().Split([' ', '-', '_', '\t', '\n', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            positive |= Array.Exists(ClassHints.Positive, h => token.StartsWith(h, StringComparison.Ordinal));
            negative |= Array.Exists(ClassHints.Negative, h => token.StartsWith(h, StringComparison.Ordinal));
        }
        var weight = (positive ? 25 : 0) - (negative ? 25 : 0);
        _weightCache[names] = weight;
        return weight;
    }

    /// <summary>Length of a text node's content with whitespace runs counted once, and its commas.</summary>
    private static (int Length, int Commas) Measure(string data)
    {
        int length = 0, commas = 0;
        var space = true;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) { length++; space = true; }
                continue;
            }
            space = false;
            length++;
            if (c is ',' or '،' or '、' or '，' or '﹐' or '︐')
            {
                commas++;
            }
        }
        return (length, commas);
    }

    private static (string[] Positive, string[] Negative) LoadHints()
    {
        var positive = new List<string>();
        var negative = new List<string>();
        foreach (var line in FurnitureCues.LoadLines("content-class-hints.txt"))
        {
            var word = line[1..].Trim().ToLowerInvariant();
            (line[0] == '+' ? positive : negative).Add(word);
        }
        return ([.. positive], [.. negative]);
    }
}
