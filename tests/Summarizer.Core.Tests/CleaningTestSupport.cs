using System.Text;
using System.Text.RegularExpressions;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Tests;

internal static partial class CleaningTestSupport
{
    public static CleanedArticle Clean(byte[] bytes, string? contentType = null, string? fileName = null) =>
        new ArticleCleaner().Clean(bytes, "test", contentType, fileName);

    public static CleanedArticle Clean(string text, string? contentType = null) => Clean(Encoding.UTF8.GetBytes(text), contentType);

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static byte[] Seed() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "000_3facca137411f480.txt"));

    /// <summary>Whitespace folded the way the grounding check and the scorer fold it.</summary>
    public static string Fold(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
