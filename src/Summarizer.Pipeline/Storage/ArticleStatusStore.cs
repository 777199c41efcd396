using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Summarizer.Core;

namespace Summarizer.Pipeline.Storage;

/// <summary>
/// Article status and the newest-first index of summaries, in the <c>articles</c> table.
/// The index keys rows by inverted time so that a plain table query returns the newest first.
/// </summary>
public sealed class ArticleStatusStore(TableServiceClient tables, TimeProvider time)
{
    private const string StatusPartition = "status";
    private const string IndexPartition = "summaries-by-time";
    private const string IndexKeyProperty = "IndexKey";
    private const int TokenDigestBytes = 6;
    private const string BadToken = "The continuation token is not one this service issued; start again without one.";

    private readonly TableClient _table = tables.GetTableClient(PipelineNames.ArticlesTable);

    public async Task<ArticleStatus?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(id, cancellationToken);
        return entity is null ? null : ToStatus(entity);
    }

    /// <summary>Whether <paramref name="contentHash"/> is still the article's current content.</summary>
    public async Task<bool> IsCurrentAsync(string id, string contentHash, CancellationToken cancellationToken) =>
        (await GetAsync(id, cancellationToken))?.ContentHash == contentHash;

    /// <summary>Every article's status, in id order: for ops reports (<c>summarizer status</c>).</summary>
    public async IAsyncEnumerable<ArticleStatus> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == StatusPartition, cancellationToken: cancellationToken))
        {
            yield return ToStatus(entity);
        }
    }

    /// <summary>
    /// A version of the article arrived: it becomes the current one and forgets the reason and times of the one before,
    /// unless the status already records a newer upload, or this very content already cleaned or summarised.
    /// </summary>
    public async Task<ReceiveOutcome> MarkReceivedAsync(string id, UploadVersion version, CancellationToken cancellationToken)
    {
        ArticleStatus? seen = null;
        var written = await UpdateAsync(id, s =>
            {
                seen = s;
                return version.IsCurrentOrNewerThan(s) && !IsProcessed(s, version.ContentHash) && !IsRecorded(s, version);
            },
            ArticleState.Received, PipelineStage.Upload, cancellationToken, (e, now) =>
            {
                e["BlobName"] = version.BlobName;
                e["UploadedAt"] = version.UploadedAt;
                e["ContentHash"] = version.ContentHash;
                e["ReceivedAt"] = now;
                foreach (var stale in (string[])["Reason", "CleanedAt", "SummarizedAt", "FailedAt"])
                {
                    e.Remove(stale);
                }
            });
        return written || IsRecorded(seen, version) ? ReceiveOutcome.Received
            : !version.IsCurrentOrNewerThan(seen) ? ReceiveOutcome.Superseded
            : seen!.Status == ArticleState.Cleaned ? ReceiveOutcome.AlreadyCleaned
            : ReceiveOutcome.AlreadySummarized;
    }

    /// <summary>The status already says this very upload was received (the upload stage wrote it): no need to write it again.</summary>
    private static bool IsRecorded(ArticleStatus? status, UploadVersion version) =>
        status is { Status: ArticleState.Received } && status.BlobName == version.BlobName && status.UploadedAt == version.UploadedAt
        && status.ContentHash == version.ContentHash;

    private static bool IsProcessed(ArticleStatus? status, string? contentHash) =>
        contentHash is not null && status is { Status: ArticleState.Cleaned or ArticleState.Summarized } && status.ContentHash == contentHash;

    /// <summary>The current version is cleaned; false (and nothing written) when <paramref name="contentHash"/> is no longer current.</summary>
    public Task<bool> MarkCleanedAsync(string id, string contentHash, CancellationToken cancellationToken) =>
        UpdateAsync(id, s => s?.ContentHash == contentHash, ArticleState.Cleaned, PipelineStage.Clean, cancellationToken, (e, now) =>
        {
            e["CleanedAt"] = now;
            e.Remove("Reason");
        });

    /// <summary>An upload could not be cleaned; recorded unless a newer upload is already known.</summary>
    public Task<bool> MarkFailedAsync(string id, UploadVersion version, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, version.IsCurrentOrNewerThan, ArticleState.Failed, PipelineStage.Clean, cancellationToken, (e, now) =>
        {
            e["BlobName"] = version.BlobName;
            e["UploadedAt"] = version.UploadedAt;
            e["ContentHash"] = version.ContentHash;
            e["Reason"] = reason;
            e["FailedAt"] = now;
        });

    /// <summary>A later stage failed for <paramref name="contentHash"/>; recorded only while that content is current.</summary>
    public Task<bool> MarkFailedAsync(string id, string contentHash, string stage, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, s => s?.ContentHash == contentHash, ArticleState.Failed, stage, cancellationToken, (e, now) =>
        {
            e["Reason"] = reason;
            e["FailedAt"] = now;
        });

    /// <summary>
    /// Marks the current version summarised and moves it to the top of the newest-first index; false (and nothing
    /// written) when <paramref name="contentHash"/> is no longer current.
    /// </summary>
    public async Task<bool> MarkSummarizedAsync(string id, string contentHash, string headline, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var indexKey = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}_{id}";
        // The index row first, then the status that names it: whichever of two concurrent writers names its row last,
        // the other's row is deleted, so the list shows each id once.
        await _table.UpsertEntityAsync(
            new TableEntity(IndexPartition, indexKey) { ["Id"] = id, ["Headline"] = headline, ["SummarizedAt"] = now },
            TableUpdateMode.Replace,
            cancellationToken);
        string? previousIndexKey = null;
        var applied = await UpdateAsync(id, s => s?.ContentHash == contentHash, ArticleState.Summarized, PipelineStage.Summarize, cancellationToken, (e, _) =>
        {
            previousIndexKey = e.GetString(IndexKeyProperty);
            e["SummarizedAt"] = now;
            e["Headline"] = headline;
            e[IndexKeyProperty] = indexKey;
            e.Remove("Reason");
        });
        var unnamed = !applied ? indexKey : previousIndexKey != indexKey ? previousIndexKey : null;
        if (unnamed is not null)
        {
            await _table.DeleteEntityAsync(IndexPartition, unnamed, ETag.All, cancellationToken);
        }
        return applied;
    }

    /// <summary>
    /// Read, check, replace on the row's ETag, again from the read when another writer came first: a state change is
    /// made only on the row it was decided on, so no stage can set an older version's state over a newer one's.
    /// </summary>
    private async Task<bool> UpdateAsync(
        string id, Func<ArticleStatus?, bool> applies, ArticleState state, string stage, CancellationToken cancellationToken, Action<TableEntity, DateTimeOffset> change)
    {
        while (true)
        {
            var entity = await GetEntityAsync(id, cancellationToken);
            if (!applies(entity is null ? null : ToStatus(entity)))
            {
                return false;
            }
            var now = time.GetUtcNow();
            var updated = entity ?? new TableEntity(StatusPartition, id);
            updated["Status"] = state.ToString();
            updated["Stage"] = stage;
            updated["UpdatedAt"] = now;
            change(updated, now);
            try
            {
                if (entity is null)
                {
                    await _table.AddEntityAsync(updated, cancellationToken);
                }
                else
                {
                    await _table.UpdateEntityAsync(updated, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                return true;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode is "UpdateConditionNotSatisfied" or "EntityAlreadyExists")
            {
                // Another stage changed the row between the read and the write: decide again on what it wrote.
            }
        }
    }

    /// <summary>
    /// A page of the newest-first index. The continuation token wraps the table's own with a check digest, base64url
    /// encoded: it pastes into a URL as it is, and a token this service did not issue is refused rather than read as
    /// "from the start".
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token is not one this service issued.</exception>
    public async Task<SummaryPage> ListSummariesAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var pages = _table
            .QueryAsync<TableEntity>(e => e.PartitionKey == IndexPartition, pageSize, cancellationToken: cancellationToken)
            .AsPages(continuationToken is null ? null : DecodeToken(continuationToken), pageSize);
        try
        {
            await foreach (var page in pages)
            {
                var items = page.Values
                    .Select(e => new SummaryListItem(e.GetString("Id"), e.GetString("Headline") ?? string.Empty, e.GetDateTimeOffset("SummarizedAt") ?? default))
                    .ToList();
                return new SummaryPage(items, string.IsNullOrEmpty(page.ContinuationToken) ? null : EncodeToken(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && continuationToken is not null)
        {
            throw new ArgumentException(BadToken, nameof(continuationToken), ex);
        }
        return new SummaryPage([], null);
    }

    private static string EncodeToken(string tableToken)
    {
        var text = Encoding.UTF8.GetBytes(tableToken);
        return Base64Url.EncodeToString([.. TokenDigest(text), .. text]);
    }

    private static string DecodeToken(string token)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException(BadToken, nameof(token), ex);
        }
        if (bytes.Length <= TokenDigestBytes || !bytes.AsSpan(0, TokenDigestBytes).SequenceEqual(TokenDigest(bytes.AsSpan(TokenDigestBytes))))
        {
            throw new ArgumentException(BadToken, nameof(token));
        }
        return Encoding.UTF8.GetString(bytes.AsSpan(TokenDigestBytes));
    }

    private static byte[] TokenDigest(ReadOnlySpan<byte> text) => SHA256.HashData(text)[..TokenDigestBytes];

    private async Task<TableEntity?> GetEntityAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(StatusPartition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static ArticleStatus ToStatus(TableEntity e) => new()
    {
        Id = e.RowKey,
        BlobName = e.GetString("BlobName") ?? e.RowKey,
        Status = Enum.TryParse<ArticleState>(e.GetString("Status"), out var state) ? state : ArticleState.Received,
        Stage = e.GetString("Stage") ?? PipelineStage.Upload,
        Reason = e.GetString("Reason"),
        ContentHash = e.GetString("ContentHash"),
        Headline = e.GetString("Headline"),
        UploadedAt = e.GetDateTimeOffset("UploadedAt"),
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt"),
        CleanedAt = e.GetDateTimeOffset("CleanedAt"),
        SummarizedAt = e.GetDateTimeOffset("SummarizedAt"),
        FailedAt = e.GetDateTimeOffset("FailedAt"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };
}
