using System.Text.RegularExpressions;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// A Word or PDF file's own title and author properties, used only where the body says nothing better: editing
/// software fills them with placeholders ("Microsoft Office User", "Microsoft Word - story.docx", "Untitled").
/// </summary>
internal static partial class DocumentProperties
{
    private static readonly HashSet<string> PlaceholderAuthors = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft Office User", "Windows User", "User", "Author", "Administrator", "Admin", "Owner", "Unknown", "Anonymous",
    };

    /// <summary>The title property, unless it is a file name or a placeholder.</summary>
    public static string? Title(string? value)
    {
        var title = Clean(value);
        if (title is null)
        {
            return null;
        }
        title = ApplicationPrefix().Replace(title, "");
        return title.Length == 0 || FileName().IsMatch(title) || title.Equals("Untitled", StringComparison.OrdinalIgnoreCase) ? null : title;
    }

    /// <summary>The author property as a byline, unless a placeholder, or the body's opening has a byline of its own (which wins).</summary>
    public static string? Byline(string? value, IEnumerable<string> paragraphs)
    {
        var author = Clean(value);
        if (author is null || PlaceholderAuthors.Contains(author) || paragraphs.Take(6).Any(p => NewsPatterns.Byline(p) is not null))
        {
            return null;
        }
        return author;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextNormalizer.FoldParagraph(value);

    [GeneratedRegex(@"^Microsoft (?:Word|PowerPoint) - ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationPrefix();

    [GeneratedRegex(@"^\S+\.(?:docx?|pdf|indd|odt|rtf|txt|pages)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
