namespace Summarizer.Core.Cleaning.Formats;

/// <summary>The reader of each structured format: the upload's bytes in, its <see cref="SourceDocument"/> out.</summary>
/// <remarks>A reader throws <see cref="ArticleRejectedException"/> with a reason a newsroom user can act on (damaged,
/// encrypted, no text layer, …); it never reads anything but the bytes it is given.</remarks>
internal static class SourceReaders
{
    private static readonly Dictionary<SourceFormat, Func<byte[], SourceDocument>> Readers = new()
    {
        [SourceFormat.Docx] = DocxReader.Read,
        [SourceFormat.Pdf] = PdfReader.Read,
        [SourceFormat.Ninjs] = NinjsReader.Read,
        [SourceFormat.NewsMLG2] = NewsMLG2Reader.Read,
        [SourceFormat.Email] = EmailReader.Read,
    };

    public static Func<byte[], SourceDocument>? For(SourceFormat format) => Readers.GetValueOrDefault(format);

    /// <summary>The name recorded as <c>CleanedArticle.Format</c>.</summary>
    public static string Name(SourceFormat format) => format switch
    {
        SourceFormat.NewsMLG2 => "newsml-g2",
        _ => format.ToString().ToLowerInvariant(),
    };
}
