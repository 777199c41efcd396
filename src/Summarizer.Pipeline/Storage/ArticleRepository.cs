using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Summarizer.Core;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Pipeline.Storage;

/// <summary>A raw upload as read back from the articles container.</summary>
public sealed record RawArticle(string BlobName, byte[] Content, string ContentType, DateTimeOffset UploadedAt);

/// <summary>The blobs and the queue of the pipeline: raw uploads, cleaned documents, summaries, summarize messages.</summary>
public sealed class ArticleRepository(BlobServiceClient blobs, QueueServiceClient queues)
{
    private readonly BlobContainerClient _articles = blobs.GetBlobContainerClient(PipelineNames.ArticlesContainer);
    private readonly BlobContainerClient _cleaned = blobs.GetBlobContainerClient(PipelineNames.CleanedContainer);
    private readonly BlobContainerClient _summaries = blobs.GetBlobContainerClient(PipelineNames.SummariesContainer);
    private readonly QueueClient _summarize = queues.GetQueueClient(PipelineNames.SummarizeQueue);

    public async Task UploadRawAsync(string blobName, BinaryData content, string? contentType, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await _articles.GetBlobClient(blobName).UploadAsync(content, options, cancellationToken);
    }

    /// <summary>
    /// Reads a raw upload, or null when it is gone. Larger than <paramref name="maxBytes"/>: only its size is read,
    /// and <see cref="UploadTooLargeException"/> says so.
    /// </summary>
    public async Task<RawArticle?> ReadRawAsync(string blobName, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _articles.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken);
            using var download = response.Value;
            var details = download.Details;
            if (details.ContentLength > maxBytes)
            {
                throw new UploadTooLargeException(details.ContentLength, maxBytes);
            }
            var content = new byte[details.ContentLength];
            await download.Content.ReadExactlyAsync(content, cancellationToken);
            return new RawArticle(blobName, content, details.ContentType ?? "application/octet-stream", details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Task SaveCleanedAsync(CleanedArticle article, CancellationToken cancellationToken) =>
        SaveJsonAsync(_cleaned, article.Id, article, cancellationToken);

    public Task<CleanedArticle?> ReadCleanedAsync(string id, CancellationToken cancellationToken) =>
        ReadJsonAsync<CleanedArticle>(_cleaned, id, cancellationToken);

    public Task SaveSummaryAsync(SummaryDocument summary, CancellationToken cancellationToken) =>
        SaveJsonAsync(_summaries, summary.Id, summary, cancellationToken);

    public Task<SummaryDocument?> ReadSummaryAsync(string id, CancellationToken cancellationToken) =>
        ReadJsonAsync<SummaryDocument>(_summaries, id, cancellationToken);

    /// <summary>
    /// An engine's draft for exact content, kept under <c>summaries/drafts/</c>: identical content (same sha256, engine and
    /// model or prompt version) never goes to the engine twice, whatever name it was uploaded under.
    /// </summary>
    public Task<SummaryDraft?> ReadDraftAsync(string engine, string model, string contentHash, CancellationToken cancellationToken) =>
        ReadJsonAsync<SummaryDraft>(_summaries, DraftName(engine, model, contentHash), cancellationToken);

    public Task SaveDraftAsync(string engine, string model, string contentHash, SummaryDraft draft, CancellationToken cancellationToken) =>
        SaveJsonAsync(_summaries, DraftName(engine, model, contentHash), draft, cancellationToken);

    private static string DraftName(string engine, string model, string contentHash) =>
        $"drafts/{engine}/{Uri.EscapeDataString(model)}/{contentHash}";

    public Task EnqueueSummarizeAsync(SummarizeMessage message, CancellationToken cancellationToken) =>
        _summarize.SendMessageAsync(message.ToJson(), cancellationToken);

    private static async Task SaveJsonAsync<T>(BlobContainerClient container, string id, T document, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        var json = BinaryData.FromObjectAsJson(document, DocumentJson.Options);
        await container.GetBlobClient(id + ".json").UploadAsync(json, options, cancellationToken);
    }

    private static async Task<T?> ReadJsonAsync<T>(BlobContainerClient container, string id, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var response = await container.GetBlobClient(id + ".json").DownloadContentAsync(cancellationToken);
            return response.Value.Content.ToObjectFromJson<T>(DocumentJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>The upload is larger than <c>Summarizer:MaxUploadBytes</c>.</summary>
public sealed class UploadTooLargeException(long bytes, long maxBytes)
    : Exception($"The upload is {Describe(bytes)}; the limit is {Describe(maxBytes)} (setting Summarizer__MaxUploadBytes). Upload the article text alone, or raise the limit.")
{
    public long Bytes { get; } = bytes;

    public long MaxBytes { get; } = maxBytes;

    private static string Describe(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{bytes:N0} bytes";
}
