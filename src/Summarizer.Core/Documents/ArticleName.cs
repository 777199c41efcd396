namespace Summarizer.Core.Documents;

/// <summary>
/// What an upload may be called, the same for every way in (HTTP, the command line, a blob dropped into the
/// container): a file name, optionally in folders separated by '/'.
/// </summary>
public static class ArticleName
{
    /// <summary>Longer names are refused: far beyond any file name, well inside storage's 1,024.</summary>
    public const int MaxLength = 400;

    private const string Advice = "Rename the file using letters, digits, spaces, '-', '_' and '.', e.g. council-vote.txt.";

    /// <summary>Why <paramref name="name"/> cannot be an article's name, in words the uploader can act on; null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The article needs a file name, e.g. council-vote.txt.";
        }
        if (name.Length > MaxLength)
        {
            return $"The name is {name.Length:N0} characters long; the limit is {MaxLength}. {Advice}";
        }
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogatePair(name, i))
            {
                i++;
            }
            else if (char.IsControl(name[i]) || char.IsSurrogate(name[i]))
            {
                return $"The name contains an invisible control character (U+{(int)name[i]:X4}). {Advice}";
            }
        }
        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return $"The name contains '\\'. Use '/' between folders, or {char.ToLowerInvariant(Advice[0])}{Advice[1..]}";
        }
        if (name.Split('/').Any(segment => segment.Trim() is "" or "." or ".."))
        {
            return $"The name has an empty, '.' or '..' folder part. {Advice}";
        }
        if (name != name.Trim() || name.EndsWith('.'))
        {
            return $"The name begins or ends with a space, or ends with '.'. {Advice}";
        }
        return null;
    }
}
