using System.Text;

namespace Summarizer.Core.Documents;

/// <summary>The id an article is known by in URLs and storage keys, derived from its upload name.</summary>
public static class ArticleId
{
    public const int MaxLength = 200;

    /// <summary>
    /// Lower-case letters, digits, '.', '-' and '_' are kept; anything else (folders, spaces, '#', '?') becomes '-',
    /// so the id is safe as a URL segment, a blob name and a table row key.
    /// </summary>
    public static string FromBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var id = new StringBuilder(Math.Min(blobName.Length, MaxLength));
        foreach (var c in blobName.Trim())
        {
            if (id.Length == MaxLength)
            {
                break;
            }
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? char.ToLowerInvariant(c) : '-');
        }
        return id.ToString().Trim('.');
    }

    /// <summary>True when <paramref name="name"/> is usable as an upload name as it is: it then equals its id.</summary>
    public static bool IsValidUploadName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxLength && FromBlobName(name) == name.ToLowerInvariant() && !name.StartsWith('.');
}
