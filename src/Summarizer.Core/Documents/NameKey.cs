using System.Globalization;
using System.Text;

namespace Summarizer.Core.Documents;

/// <summary>How two names are told apart: case, diacritics, punctuation and a leading "the" do not distinguish them.</summary>
public static class NameKey
{
    public static string Of(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var key = string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
