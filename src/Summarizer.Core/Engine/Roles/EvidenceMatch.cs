using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Core.Engine.Roles;

/// <summary>
/// Whether a quoted span states the same thing as a reference span, by their content words: at least half of the
/// reference's words quoted, and the quote focused (a quarter of its words in the reference, or at most 50 words).
/// </summary>
internal static partial class EvidenceMatch
{
    private const int FocusedWords = 50;

    private static readonly IReadOnlySet<string> StopWords = Lexicon.Gazetteer.Words("evidence-stop-words.txt", ignoreCase: false);

    public static bool Matches(string quote, string reference)
    {
        var q = ContentWords(quote);
        var r = ContentWords(reference);
        if (q.Count == 0 || r.Count == 0)
        {
            return false;
        }
        var shared = q.Count(r.Contains);
        return shared * 2 >= r.Count && (shared * 4 >= q.Count || quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= FocusedWords);
    }

    /// <summary>Whether the text holds at least half of the reference's content words: a sentence that states it.</summary>
    public static bool Covers(string text, string reference)
    {
        var t = ContentWords(text);
        var r = ContentWords(reference);
        return r.Count > 0 && r.Count(t.Contains) * 2 >= r.Count;
    }

    public static HashSet<string> ContentWords(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c is '’' or '‘' ? '\'' : c);
            }
        }
        return WordRegex().Matches(folded.ToString().ToLowerInvariant()).Select(m => m.Value).Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRegex();
}
