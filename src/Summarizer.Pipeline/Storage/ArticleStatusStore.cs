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

    private readonly TableClient _table = tables.GetTableClient(PipelineNames.ArticlesTable);

    public async Task<ArticleStatus?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(id, cancellationToken);
        return entity is null ? null : ToStatus(entity);
    }

    /// <summary>Every article's status, in id order: for ops reports (<c>summarizer status</c>).</summary>
    public async IAsyncEnumerable<ArticleStatus> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == StatusPartition, cancellationToken: cancellationToken))
        {
            yield return ToStatus(entity);
        }
    }

    /// <summary>Records that a version of the article arrived; forgets the reason and times of any earlier version.</summary>
    public Task MarkReceivedAsync(string id, string blobName, string? contentHash, CancellationToken cancellationToken) =>
        SaveAsync(id, blobName, ArticleState.Received, PipelineStage.Upload, cancellationToken, (e, now) =>
        {
            e["ContentHash"] = contentHash;
            e["ReceivedAt"] = now;
            foreach (var stale in (string[])["Reason", "CleanedAt", "SummarizedAt", "FailedAt"])
            {
                e.Remove(stale);
            }
        });

    public Task MarkCleanedAsync(string id, string blobName, string contentHash, CancellationToken cancellationToken) =>
        SaveAsync(id, blobName, ArticleState.Cleaned, PipelineStage.Clean, cancellationToken, (e, now) =>
        {
            e["ContentHash"] = contentHash;
            e["CleanedAt"] = now;
            e.Remove("Reason");
        });

    public Task MarkFailedAsync(string id, string blobName, string stage, string reason, CancellationToken cancellationToken) =>
        SaveAsync(id, blobName, ArticleState.Failed, stage, cancellationToken, (e, now) =>
        {
            e["Reason"] = reason;
            e["FailedAt"] = now;
        });

    /// <summary>Marks the article summarised and moves it to the top of the newest-first index.</summary>
    public async Task MarkSummarizedAsync(string id, string blobName, string headline, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var indexKey = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}_{id}";
        await _table.UpsertEntityAsync(
            new TableEntity(IndexPartition, indexKey) { ["Id"] = id, ["Headline"] = headline, ["SummarizedAt"] = now },
            TableUpdateMode.Replace,
            cancellationToken);

        string? previousIndexKey = null;
        await SaveAsync(id, blobName, ArticleState.Summarized, PipelineStage.Summarize, cancellationToken, (e, _) =>
        {
            previousIndexKey = e.GetString(IndexKeyProperty);
            e["SummarizedAt"] = now;
            e["Headline"] = headline;
            e[IndexKeyProperty] = indexKey;
            e.Remove("Reason");
        });

        if (previousIndexKey is not null && previousIndexKey != indexKey)
        {
            await _table.DeleteEntityAsync(IndexPartition, previousIndexKey, ETag.All, cancellationToken);
        }
    }

    /// <summary>Read, change, replace: a merge cannot remove the properties a newer state no longer has.</summary>
    private async Task SaveAsync(string id, string blobName, ArticleState state, string stage, CancellationToken cancellationToken, Action<TableEntity, DateTimeOffset> change)
    {
        var now = time.GetUtcNow();
        var entity = await GetEntityAsync(id, cancellationToken) ?? new TableEntity(StatusPartition, id);
        entity["BlobName"] = blobName;
        entity["Status"] = state.ToString();
        entity["Stage"] = stage;
        entity["UpdatedAt"] = now;
        change(entity, now);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <exception cref="ArgumentException">The continuation token is not one this service issued.</exception>
    public async Task<SummaryPage> ListSummariesAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var pages = _table
            .QueryAsync<TableEntity>(e => e.PartitionKey == IndexPartition, pageSize, cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize);
        try
        {
            await foreach (var page in pages)
            {
                var items = page.Values
                    .Select(e => new SummaryListItem(e.GetString("Id"), e.GetString("Headline") ?? string.Empty, e.GetDateTimeOffset("SummarizedAt") ?? default))
                    .ToList();
                return new SummaryPage(items, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && continuationToken is not null)
        {
            throw new ArgumentException("The continuation token is not valid; start again without one.", nameof(continuationToken), ex);
        }
        return new SummaryPage([], null);
    }

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
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt"),
        CleanedAt = e.GetDateTimeOffset("CleanedAt"),
        SummarizedAt = e.GetDateTimeOffset("SummarizedAt"),
        FailedAt = e.GetDateTimeOffset("FailedAt"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };
}
