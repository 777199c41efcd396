using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Summarizer.Core.Documents;

/// <summary>
/// The id an article is known by in URLs and storage keys, derived from its upload name. Names that differ only in
/// their extension, letter case or Unicode normalisation are versions of one article ("Story.html", then "story.txt");
/// any other two names get different ids.
/// </summary>
public static class ArticleId
{
    public const int MaxLength = 200;

    private const int HashLength = 8;

    /// <summary>
    /// The name without its extension, in NFC and lower case; letters, marks and digits of every script, '.', '-' and
    /// '_' are kept and anything else (folders, spaces, '#', symbols) becomes '-', so the id is safe as a URL segment,
    /// a blob name and a table row key. Where that loses information (a character replaced, the name cut), a short
    /// hash of the name is appended, so "a b" and "a-b" stay apart.
    /// </summary>
    public static string FromBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var name = blobName.Trim();
        var extension = Path.GetExtension(name.AsSpan());
        if (extension.Length > 1 && extension.Length < name.Length && !extension.Contains('/'))
        {
            name = name[..^extension.Length];
        }
        name = name.Normalize(NormalizationForm.FormC).ToLowerInvariant();

        var id = new StringBuilder(name.Length);
        var lossy = false;
        foreach (var rune in name.EnumerateRunes())
        {
            if (IsKept(rune))
            {
                id.Append(rune.ToString());
            }
            else
            {
                id.Append('-');
                lossy = true;
            }
        }
        var trimmed = id.ToString().TrimStart('.');
        lossy |= trimmed.Length != id.Length || trimmed.Length > MaxLength;
        if (!lossy)
        {
            return trimmed;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..HashLength];
        return Cut(trimmed, MaxLength - HashLength - 1) + "-" + hash;
    }

    /// <summary>Whether <paramref name="id"/> is one this class could have made: checked before any storage call.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id[0] != '.'
        && id.EnumerateRunes().All(r => IsKept(r) && Rune.ToLowerInvariant(r) == r)
        && id.Normalize(NormalizationForm.FormC) == id;

    private static bool IsKept(Rune rune) =>
        rune.Value is '.' or '-' or '_'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber;

    /// <summary>At most <paramref name="length"/> characters, never splitting a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
