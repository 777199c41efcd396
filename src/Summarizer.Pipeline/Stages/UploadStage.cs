using Summarizer.Core.Documents;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>An upload that went through the service: its id and the hash of its content.</summary>
public sealed record UploadReceipt(string Id, string ContentHash);

/// <summary>
/// Uploads through the service: the status says "received" for this content before the blob lands,
/// so nobody reading the status sees an earlier version's outcome.
/// </summary>
public sealed class UploadStage(ArticleRepository repository, ArticleStatusStore statuses)
{
    public async Task<UploadReceipt> RunAsync(string name, byte[] content, string? contentType, CancellationToken cancellationToken)
    {
        var receipt = new UploadReceipt(ArticleId.FromBlobName(name), ContentHash.Of(content));
        await statuses.MarkReceivedAsync(receipt.Id, name, receipt.ContentHash, cancellationToken);
        await repository.UploadRawAsync(name, new BinaryData(content), contentType, cancellationToken);
        return receipt;
    }
}
