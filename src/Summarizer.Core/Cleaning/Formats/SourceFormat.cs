using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>The formats an upload is read as. The text formats are decoded first; the others are read from their bytes.</summary>
public enum SourceFormat { Text, Markdown, Html, Docx, Pdf, Email, Ninjs, NewsMLG2 }

/// <summary>
/// What a reader of a structured format found, before furniture removal: the metadata the source states, and the body
/// as paragraphs (DOCX, PDF, NewsML-G2 inline XML), as HTML to be cleaned like a page (an e-mail's HTML part,
/// ninjs <c>body_html</c>), or as plain text to be cleaned like a capture (a text/plain part, <c>body_text</c>).
/// Exactly one of <see cref="Paragraphs"/>, <see cref="Html"/> and <see cref="PlainText"/> is set.
/// </summary>
internal sealed record SourceDocument
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Dateline { get; init; }
    public string? Language { get; init; }
    /// <summary>The character encoding the text came in, as recorded on the cleaned article.</summary>
    public string Encoding { get; init; } = "utf-8";
    public IReadOnlyList<string>? Paragraphs { get; init; }
    public string? Html { get; init; }
    public string? PlainText { get; init; }
    public WireInfo? Wire { get; init; }
}
