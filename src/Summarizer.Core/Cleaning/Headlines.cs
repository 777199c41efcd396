using System.Globalization;

namespace Summarizer.Core.Cleaning;

/// <summary>
/// Keeps a title or headline headline-sized in every script: at most <see cref="MaxLength"/> characters. A longer one is
/// cut after its first sentence when that ends in time, else at the last word boundary, else (scripts written without
/// spaces) at the limit, and then marked with "…". Used for the cleaner's titles and the engine's headlines alike.
/// </summary>
internal static class Headlines
{
    public const int MaxLength = 200;
    // A sentence end this early is an abbreviation or a label ("Dr.", "Update!"), not the end of a headline's sentence.
    private const int MinSentenceLength = 10;
    // A word boundary in the first half is too early to cut at (one space in Japanese text): cut at the limit instead.
    private const int MinWordCut = MaxLength / 2;

    public static string Bound(string text)
    {
        text = text.Trim();
        if (text.Length <= MaxLength)
        {
            return text;
        }
        if (FirstSentenceEnd(text) is var sentence and > 0)
        {
            return text[..sentence];
        }
        var room = MaxLength - 1; // for the ellipsis
        var space = text.LastIndexOf(' ', room);
        if (space >= MinWordCut)
        {
            return text[..space].TrimEnd(',', ';', ':', '-', '–', '—', '|', ' ') + "…";
        }
        // Whole characters only: never split a surrogate pair or a letter from its vowel sign (Thai, Devanagari).
        var end = 0;
        while (end < text.Length && end + StringInfo.GetNextTextElementLength(text, end) is var next && next <= room)
        {
            end = next;
        }
        return text[..end] + "…";
    }

    /// <summary>The end (exclusive, closing quotes included) of the first sentence that ends within the limit, or 0.</summary>
    private static int FirstSentenceEnd(string text)
    {
        for (var i = MinSentenceLength - 1; i < MaxLength; i++)
        {
            var c = text[i];
            var fullStop = c is '。' or '！' or '？' or '｡';
            if (!fullStop && c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '”' or '’' or '»' or ')' or '」' or '』' or '）')
            {
                end++;
            }
            if (end > MaxLength)
            {
                return 0;
            }
            // Latin punctuation ends a sentence only before a space, and a period not after an initial or abbreviation.
            if (fullStop || (end < text.Length && text[end] == ' ' && (c != '.' || !AfterAbbreviation(text, i))))
            {
                return end;
            }
        }
        return 0;
    }

    /// <summary>"U.S.", "J.", "Dr.", "Gen.": the word before the period is an initial, an initialism or a short capitalised abbreviation.</summary>
    private static bool AfterAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        var word = text.AsSpan(start, period - start);
        return word.Length <= 1 || (start > 0 && text[start - 1] == '.') || (word.Length <= 3 && char.IsUpper(word[0]));
    }
}
