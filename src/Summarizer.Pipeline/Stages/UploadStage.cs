using Microsoft.Extensions.Options;
using Summarizer.Core.Documents;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>An upload that went through the service: its id and the hash of its content.</summary>
public sealed record UploadReceipt(string Id, string ContentHash);

/// <summary>
/// Uploads through the service: the body streams to the articles container (never held whole in memory), and the
/// status says "received" for this content before the caller is answered.
/// </summary>
public sealed class UploadStage(
    ArticleRepository repository, ArticleStatusStore statuses, IEnumerable<IUploadObserver> observers, IOptions<SummarizerOptions> options)
{
    /// <exception cref="ArgumentException">The name is not one an article may have (<see cref="ArticleName.Problem"/>).</exception>
    /// <exception cref="UploadTooLargeException">The content is over the limit; nothing was stored.</exception>
    public async Task<UploadReceipt> RunAsync(string name, Stream content, string? contentType, CancellationToken cancellationToken)
    {
        if (ArticleName.Problem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
        var id = ArticleId.FromBlobName(name);
        var (version, etag) = await repository.UploadRawAsync(name, content, contentType, options.Value.MaxUploadBytes, cancellationToken);
        await statuses.MarkReceivedAsync(id, version, cancellationToken);
        foreach (var observer in observers)
        {
            observer.Uploaded(name, etag);
        }
        return new UploadReceipt(id, version.ContentHash!);
    }
}
