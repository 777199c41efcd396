namespace Summarizer.Core.Engine.Model;

/// <summary>How often an article names an actor, by any of its forms: counted in the text, not taken from a model.</summary>
public static class MentionCounter
{
    /// <summary>
    /// Whole-word occurrences of the forms, the longest form first so "Sergei Lavrov" is one mention, not also a
    /// "Lavrov". At least one: an actor is only published with a quote that names it in some form.
    /// </summary>
    public static int Count(string text, IEnumerable<string> forms)
    {
        ArgumentNullException.ThrowIfNull(text);
        var taken = new bool[text.Length];
        var count = 0;
        foreach (var form in forms.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length))
        {
            for (var start = text.IndexOf(form, StringComparison.Ordinal); start >= 0; start = text.IndexOf(form, start + 1, StringComparison.Ordinal))
            {
                var end = start + form.Length;
                if (IsWordEdge(text, start - 1) && IsWordEdge(text, end) && !taken.AsSpan(start, form.Length).Contains(true))
                {
                    taken.AsSpan(start, form.Length).Fill(true);
                    count++;
                }
            }
        }
        return Math.Max(1, count);
    }

    private static bool IsWordEdge(string text, int index) => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
