using System.Text;

namespace Summarizer.Core.Documents;

/// <summary>The id an article is known by in URLs and storage keys, derived from its upload name.</summary>
public static class ArticleId
{
    public const int MaxLength = 200;

    /// <summary>
    /// The file name without its extension ("story.html" and a later "story.txt" are versions of one article);
    /// lower-case letters, digits, '.', '-' and '_' are kept; anything else (folders, spaces, '#', '?') becomes '-',
    /// so the id is safe as a URL segment, a blob name and a table row key.
    /// </summary>
    public static string FromBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var name = blobName.Trim();
        var extension = Path.GetExtension(name.AsSpan());
        if (extension.Length > 1 && extension.Length < name.Length)
        {
            name = name[..^extension.Length];
        }
        var id = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var c in name)
        {
            if (id.Length == MaxLength)
            {
                break;
            }
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? char.ToLowerInvariant(c) : '-');
        }
        return id.ToString().Trim('.');
    }
}
