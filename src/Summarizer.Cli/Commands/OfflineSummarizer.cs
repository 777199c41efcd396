using System.Diagnostics;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Cli.Commands;

/// <summary>Clean, summarise and ground one file in memory: the pipeline's two stages without storage.</summary>
internal sealed class OfflineSummarizer(ISummaryEngine engine)
{
    private readonly ArticleCleaner _cleaner = new();

    public OfflineSummarizer() : this(new LocalSummaryEngine()) { }

    /// <exception cref="ArticleRejectedException">The file is not an article the cleaner can read.</exception>
    public async Task<SummaryDocument> SummarizeAsync(FileInfo file, CancellationToken cancellationToken) =>
        await SummarizeAsync(await File.ReadAllBytesAsync(file.FullName, cancellationToken), file.Name, UploadCommand.ContentTypeOf(file), file.LastWriteTimeUtc, cancellationToken);

    /// <exception cref="ArticleRejectedException">The content is not an article the cleaner can read.</exception>
    public async Task<SummaryDocument> SummarizeAsync(byte[] content, string name, string contentType, DateTimeOffset uploadedAt, CancellationToken cancellationToken)
    {
        var id = ArticleId.FromBlobName(name);
        var source = new SourceInfo(name, ContentHash.Of(content), contentType, content.Length, uploadedAt);
        var article = _cleaner.Clean(content, id, contentType, name) with { Source = source };
        var started = Stopwatch.GetTimestamp();
        var draft = await engine.SummarizeAsync(article, cancellationToken);
        return Grounding.Compose(article, draft, engine.Name, Stopwatch.GetElapsedTime(started), DateTimeOffset.UtcNow);
    }
}
