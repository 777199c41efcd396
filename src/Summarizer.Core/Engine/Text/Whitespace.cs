using System.Text.RegularExpressions;

namespace Summarizer.Core.Engine.Text;

/// <summary>Item texts read as one line: every run of whitespace (line breaks in a quote included) becomes one space.</summary>
internal static partial class Whitespace
{
    public static string Squash(string text) => Runs().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();
}
