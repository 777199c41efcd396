using System.Diagnostics;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Cli.Commands;

/// <summary>Clean, summarise and ground one file in memory: the pipeline's two stages without storage.</summary>
internal sealed class OfflineSummarizer
{
    private readonly ArticleCleaner _cleaner = new();
    private readonly LocalSummaryEngine _engine = new();

    /// <exception cref="ArticleRejectedException">The file is not an article the cleaner can read.</exception>
    public async Task<SummaryDocument> SummarizeAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var id = ArticleId.FromBlobName(file.Name);
        var contentType = UploadCommand.ContentTypeOf(file);
        var source = new SourceInfo(file.Name, ContentHash.Of(content), contentType, content.Length, file.LastWriteTimeUtc);
        var article = _cleaner.Clean(content, id, contentType, file.Name) with { Source = source };
        var started = Stopwatch.GetTimestamp();
        var draft = await _engine.SummarizeAsync(article, cancellationToken);
        return Grounding.Compose(article, draft, _engine.Name, Stopwatch.GetElapsedTime(started), DateTimeOffset.UtcNow);
    }
}
