using Azure;
using Azure.Storage.Blobs;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Summarizer.Core;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Pipeline.Storage;

/// <summary>A raw upload as read back from the articles container.</summary>
public sealed record RawArticle(UploadVersion Version, byte[] Content, string ContentType);

/// <summary>The blobs and the queue of the pipeline: raw uploads, cleaned documents, summaries, summarize messages.</summary>
public sealed class ArticleRepository(BlobServiceClient blobs, QueueServiceClient queues, TimeProvider time)
{
    /// <summary>Blocks of an upload in flight: what one upload holds in memory, whatever its size.</summary>
    private const int UploadBlockBytes = 1024 * 1024;

    /// <summary>A claim on computing a draft untouched this long belongs to a worker that died: another may take it over.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(100);

    private readonly BlobContainerClient _articles = blobs.GetBlobContainerClient(PipelineNames.ArticlesContainer);
    private readonly BlobContainerClient _cleaned = blobs.GetBlobContainerClient(PipelineNames.CleanedContainer);
    private readonly BlobContainerClient _summaries = blobs.GetBlobContainerClient(PipelineNames.SummariesContainer);
    private readonly QueueClient _summarize = queues.GetQueueClient(PipelineNames.SummarizeQueue);

    /// <summary>
    /// Streams an upload into the articles container in blocks, hashing it on the way. More than
    /// <paramref name="maxBytes"/> throws <see cref="UploadTooLargeException"/> before anything is committed, so a
    /// refused upload leaves the stored one as it was.
    /// </summary>
    public async Task<(UploadVersion Version, ETag ETag)> UploadRawAsync(string blobName, Stream content, string? contentType, long maxBytes, CancellationToken cancellationToken)
    {
        await using var hashing = new HashingStream(content, maxBytes);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = UploadBlockBytes, MaximumTransferSize = UploadBlockBytes, MaximumConcurrency = 1 },
        };
        var written = await _articles.GetBlobClient(blobName).UploadAsync(hashing, options, cancellationToken);
        return (new UploadVersion(blobName, written.Value.LastModified, hashing.Hash()), written.Value.ETag);
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
                throw new UploadTooLargeException(details.ContentLength, maxBytes) { Version = new UploadVersion(blobName, details.LastModified) };
            }
            var content = new byte[details.ContentLength];
            await download.Content.ReadExactlyAsync(content, cancellationToken);
            var version = new UploadVersion(blobName, details.LastModified, ContentHash.Of(content));
            return new RawArticle(version, content, details.ContentType ?? "application/octet-stream");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>When storage last wrote an upload, for recording a failure before its content could be read; null when it is gone.</summary>
    public async Task<UploadVersion?> ReadRawVersionAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _articles.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return new UploadVersion(blobName, properties.Value.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Saves the cleaned document unless <paramref name="isCurrent"/> says its content has been replaced meanwhile.</summary>
    public Task<bool> SaveCleanedAsync(CleanedArticle article, Func<CancellationToken, Task<bool>> isCurrent, CancellationToken cancellationToken) =>
        SaveCurrentJsonAsync(_cleaned, article.Id, article, isCurrent, cancellationToken);

    public Task<CleanedArticle?> ReadCleanedAsync(string id, CancellationToken cancellationToken) =>
        ReadJsonAsync<CleanedArticle>(_cleaned, id, cancellationToken);

    /// <summary>Saves the summary unless <paramref name="isCurrent"/> says its content has been replaced meanwhile.</summary>
    public Task<bool> SaveSummaryAsync(SummaryDocument summary, Func<CancellationToken, Task<bool>> isCurrent, CancellationToken cancellationToken) =>
        SaveCurrentJsonAsync(_summaries, summary.Id, summary, isCurrent, cancellationToken);

    public Task<SummaryDocument?> ReadSummaryAsync(string id, CancellationToken cancellationToken) =>
        ReadJsonAsync<SummaryDocument>(_summaries, id, cancellationToken);

    /// <summary>
    /// Keeps one version of a story for good, beside the newest: its cleaned document and the upload it came from,
    /// under <c>cleaned/versions/{id}/v{N}</c>. A later upload under the same name replaces the raw upload and the
    /// newest documents, never these.
    /// </summary>
    public async Task SaveCleanedVersionAsync(CleanedArticle article, int version, RawArticle raw, CancellationToken cancellationToken)
    {
        var name = VersionName(article.Id, version);
        await SaveJsonAsync(_cleaned, name, article, cancellationToken);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = raw.ContentType } };
        await _cleaned.GetBlobClient(name + ".upload").UploadAsync(new BinaryData(raw.Content), options, cancellationToken);
    }

    /// <summary>Keeps one version's summary for good under <c>summaries/versions/{id}/v{N}.json</c>, for <c>?version=N</c>.</summary>
    public Task SaveSummaryVersionAsync(SummaryDocument summary, int version, CancellationToken cancellationToken) =>
        SaveJsonAsync(_summaries, VersionName(summary.Id, version), summary, cancellationToken);

    /// <summary>One version's summary; null when that version has none.</summary>
    public Task<SummaryDocument?> ReadSummaryVersionAsync(string id, int version, CancellationToken cancellationToken) =>
        ReadJsonAsync<SummaryDocument>(_summaries, VersionName(id, version), cancellationToken);

    /// <summary>
    /// Stops serving the newest summary of a withdrawn story: <c>summaries/{id}.json</c> goes, the summaries kept per
    /// version stay for audit (as do the raw upload and the cleaned documents).
    /// </summary>
    public async Task DeleteNewestSummaryAsync(string id, CancellationToken cancellationToken) =>
        await _summaries.GetBlobClient(id + ".json").DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string VersionName(string id, int version) => $"versions/{id}/v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// An engine's draft for exact content, kept under <c>summaries/drafts/</c>: identical content (same sha256, engine and
    /// model or prompt version) goes to the engine once, whatever name it was uploaded under and however many workers
    /// see it at once. The first worker creates a claim blob (create-if-absent is atomic) and touches it while it
    /// computes; the others read its draft, wait for it, or take the claim over when it has not been touched for a
    /// while (its worker died). The claim stays beside the draft: one small blob per content.
    /// </summary>
    public async Task<SummaryDraft> GetOrCreateDraftAsync(
        string engine, string model, string contentHash, Func<CancellationToken, Task<SummaryDraft>> create, CancellationToken cancellationToken)
    {
        var name = $"drafts/{engine}/{Uri.EscapeDataString(model)}/{contentHash}";
        var claim = _summaries.GetBlobClient(name + ".claim");
        while (!await TryCreateClaimAsync(claim, cancellationToken))
        {
            // Claimed before: its draft is there, or its worker is still at it, or died at it.
            if (await ReadJsonAsync<SummaryDraft>(_summaries, name, cancellationToken) is { } known)
            {
                return known;
            }
            if (await TryTakeOverAbandonedClaimAsync(claim, cancellationToken))
            {
                break;
            }
            await Task.Delay(ClaimPoll, time, cancellationToken);
        }
        using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var touching = TouchAsync(claim, working.Token);
        try
        {
            var draft = await create(cancellationToken);
            await SaveJsonAsync(_summaries, name, draft, cancellationToken);
            return draft;
        }
        catch
        {
            // Free the claim at once, so another worker (or this message's retry) can try without waiting it out.
            await claim.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }
        finally
        {
            await working.CancelAsync();
            await touching;
        }
    }

    /// <summary>Create-if-absent: true for exactly one of the workers that try at once.</summary>
    private static async Task<bool> TryCreateClaimAsync(BlobClient claim, CancellationToken cancellationToken)
    {
        try
        {
            await claim.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "BlobAlreadyExists")
        {
            return false;
        }
    }

    /// <summary>A claim untouched for <see cref="ClaimTimeout"/> (storage's clock against ours: a minute absorbs the skew) is taken over, by one worker.</summary>
    private async Task<bool> TryTakeOverAbandonedClaimAsync(BlobClient claim, CancellationToken cancellationToken)
    {
        try
        {
            var held = (await claim.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (time.GetUtcNow() - held.LastModified < ClaimTimeout)
            {
                return false;
            }
            await claim.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = held.ETag } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == "ConditionNotMet")
        {
            // Released or taken over meanwhile: look again.
            return false;
        }
    }

    private async Task TouchAsync(BlobClient claim, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ClaimTimeout / 3, time, cancellationToken);
                await claim.SetMetadataAsync(new Dictionary<string, string> { ["touched"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The draft is done (or abandoned): stop touching.
        }
    }

    public Task EnqueueSummarizeAsync(SummarizeMessage message, CancellationToken cancellationToken) =>
        _summarize.SendMessageAsync(message.ToJson(), cancellationToken);

    private static async Task SaveJsonAsync<T>(BlobContainerClient container, string id, T document, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        await container.GetBlobClient(id + ".json").UploadAsync(BinaryData.FromObjectAsJson(document, DocumentJson.Options), options, cancellationToken);
    }

    /// <summary>
    /// Writes the document while its content is the article's current one. The first document of an id is written
    /// create-if-absent, with no check: if it is stale, the current version's write replaces it, since it finds a
    /// document there. Replacing one is check, then write on the blob's ETag, again when another writer came first,
    /// so of two versions saved at once the one still current when it writes is the one that stays. False when
    /// <paramref name="isCurrent"/> said no.
    /// </summary>
    private static async Task<bool> SaveCurrentJsonAsync<T>(
        BlobContainerClient container, string id, T document, Func<CancellationToken, Task<bool>> isCurrent, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(id + ".json");
        var json = BinaryData.FromObjectAsJson(document, DocumentJson.Options);
        var condition = new BlobRequestConditions { IfNoneMatch = ETag.All };
        while (true)
        {
            var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = condition };
            try
            {
                await blob.UploadAsync(json, options, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode is "ConditionNotMet" or "BlobAlreadyExists")
            {
                // There is a document, or it changed since it was read: read its ETag, check, try again.
                // (A lease held on the blob is another 412: that one is thrown.)
            }
            try
            {
                condition = new BlobRequestConditions { IfMatch = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag };
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                condition = new BlobRequestConditions { IfNoneMatch = ETag.All };
                continue;
            }
            if (!await isCurrent(cancellationToken))
            {
                return false;
            }
        }
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
public sealed class UploadTooLargeException(long? bytes, long maxBytes) : Exception(Describe(bytes, maxBytes))
{
    /// <summary>The size, when known before reading it all (a streamed upload stops at the limit).</summary>
    public long? Bytes { get; } = bytes;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>The stored upload that is too large, when there is one.</summary>
    public UploadVersion? Version { get; init; }

    private static string Describe(long? bytes, long maxBytes)
    {
        var size = bytes is { } known ? $"The upload is {Size(known, maxBytes)}" : "The upload is larger than the limit";
        return $"{size}; the limit is {Size(maxBytes, bytes ?? 0)} (setting Summarizer__MaxUploadBytes). Upload the article text alone, or ask for the limit to be raised.";
    }

    /// <summary>Megabytes where that tells two sizes apart, exact bytes where it would not ("5 MB; the limit is 5 MB").</summary>
    private static string Size(long bytes, long other) =>
        bytes >= 1024 * 1024 && Megabytes(bytes) != Megabytes(other) ? Megabytes(bytes) : $"{bytes:N0} bytes";

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
