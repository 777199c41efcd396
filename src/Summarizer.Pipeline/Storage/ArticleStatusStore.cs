using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Summarizer.Core;
using Summarizer.Core.Documents;

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
    private const string BadCursor = "since must be a cursor this service returned, or a time such as 2026-11-29T08:00:00Z.";
    private const string CursorPrefix = "cursor:";
    private const string ActorsProperty = "Actors";
    private const string VenuesProperty = "Venues";
    private const string RetryableProperty = "Retryable";
    private const string WithdrawnAtProperty = "WithdrawnAt";

    /// <summary>Table round trips one page of a name-filtered listing may take before it answers with what it has.</summary>
    private const int MaxTripsPerPage = 10;

    private readonly TableClient _table = tables.GetTableClient(PipelineNames.ArticlesTable);

    public async Task<ArticleStatus?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(id, cancellationToken);
        return entity is null ? null : ToStatus(entity);
    }

    /// <summary>Whether <paramref name="contentHash"/> is still the article's current content.</summary>
    /// <remarks>A withdrawn story has no current content: nothing may be published for it until a new upload arrives.</remarks>
    public async Task<bool> IsCurrentAsync(string id, string contentHash, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) is { Status: not ArticleState.Withdrawn } status && status.ContentHash == contentHash;

    /// <summary>
    /// Whether <paramref name="contentHash"/> is current and still waits for its summary: false once a delivery of
    /// the same message (a clean delivered twice queues it twice) has published it, or the story was withdrawn.
    /// </summary>
    public async Task<bool> AwaitsSummaryAsync(string id, string contentHash, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) is { Status: not (ArticleState.Withdrawn or ArticleState.Summarized) } status && status.ContentHash == contentHash;

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
                return version.IsCurrentOrNewerThan(s) && !IsProcessed(s, version.ContentHash) && !IsRecorded(s, version) && !IsWithdrawnUpload(s, version);
            },
            ArticleState.Received, PipelineStage.Upload, cancellationToken, (e, now) =>
            {
                e["BlobName"] = version.BlobName;
                e["UploadedAt"] = version.UploadedAt;
                e["ContentHash"] = version.ContentHash;
                e["ReceivedAt"] = now;
                foreach (var stale in (string[])["Reason", "CleanedAt", "SummarizedAt", "FailedAt", "WithdrawnAt"])
                {
                    e.Remove(stale);
                }
            });
        return written || IsRecorded(seen, version) ? ReceiveOutcome.Received
            : !version.IsCurrentOrNewerThan(seen) ? ReceiveOutcome.Superseded
            : IsWithdrawnUpload(seen, version) ? ReceiveOutcome.Withdrawn
            : seen!.Status == ArticleState.Cleaned ? ReceiveOutcome.AlreadyCleaned
            : ReceiveOutcome.AlreadySummarized;
    }

    /// <summary>The status already says this very upload was received (the upload stage wrote it): no need to write it again.</summary>
    private static bool IsRecorded(ArticleStatus? status, UploadVersion version) =>
        status is { Status: ArticleState.Received } && status.BlobName == version.BlobName && status.UploadedAt == version.UploadedAt
        && status.ContentHash == version.ContentHash;

    /// <summary>The story was withdrawn at this very upload (a trigger delivered again): it stays withdrawn.</summary>
    private static bool IsWithdrawnUpload(ArticleStatus? status, UploadVersion version) =>
        status is { Status: ArticleState.Withdrawn } && status.BlobName == version.BlobName && status.UploadedAt == version.UploadedAt
        && (version.ContentHash is null || status.ContentHash == version.ContentHash);

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
        UpdateAsync(id, s => version.IsCurrentOrNewerThan(s) && !IsWithdrawnUpload(s, version), ArticleState.Failed, PipelineStage.Clean, cancellationToken, (e, now) =>
        {
            e["BlobName"] = version.BlobName;
            e["UploadedAt"] = version.UploadedAt;
            e["ContentHash"] = version.ContentHash;
            e["Reason"] = reason;
            e["FailedAt"] = now;
        });

    /// <summary>A later stage failed for <paramref name="contentHash"/>; recorded only while that content is current.</summary>
    /// <param name="retryable">Whether running the stage again could help (its automatic retries were spent), as opposed to a refusal.</param>
    public Task<bool> MarkFailedAsync(string id, string contentHash, string stage, string reason, CancellationToken cancellationToken, bool retryable = false) =>
        UpdateAsync(id, s => s?.ContentHash == contentHash, ArticleState.Failed, stage, cancellationToken, (e, now) =>
        {
            e["Reason"] = reason;
            e["FailedAt"] = now;
            e[RetryableProperty] = retryable;
        });

    /// <summary>
    /// A failed article whose retries were spent is summarised again: its status goes back to cleaned, for the content
    /// that failed; false when it is not in that state (already retried, replaced by a newer upload, or not retryable).
    /// </summary>
    public Task<bool> MarkRetriedAsync(string id, string contentHash, CancellationToken cancellationToken) =>
        UpdateAsync(id, s => s is { Status: ArticleState.Failed, Retryable: true } && s.ContentHash == contentHash, ArticleState.Cleaned, PipelineStage.Summarize, cancellationToken, (e, _) =>
        {
            e.Remove("Reason");
            e.Remove("FailedAt");
        });

    /// <summary>
    /// Marks the current version summarised and moves it to the top of the newest-first index; false (and nothing
    /// written) when <paramref name="contentHash"/> is no longer current, is withdrawn, or was already marked.
    /// </summary>
    public async Task<bool> MarkSummarizedAsync(SummaryDocument summary, string contentHash, CancellationToken cancellationToken)
    {
        var (id, headline) = (summary.Id, summary.Headline);
        var now = time.GetUtcNow();
        var indexKey = TimeKey(now, id);
        // The index row first, then the status that names it: whichever of two concurrent writers names its row last,
        // the other's row is deleted, so the list shows each id once. It carries the names the list can be filtered by.
        await _table.UpsertEntityAsync(
            new TableEntity(IndexPartition, indexKey)
            {
                ["Id"] = id,
                ["Headline"] = headline,
                ["SummarizedAt"] = now,
                [ActorsProperty] = FoldedNames(summary.Actors.SelectMany(a => a.Aliases.Prepend(a.Name))),
                [VenuesProperty] = FoldedNames(summary.Venues.Select(v => v.Name)),
            },
            TableUpdateMode.Replace,
            cancellationToken);
        string? previousIndexKey = null;
        // Not over a withdrawal, and once per content: of two deliveries of one message summarising at once, one marks
        // (and announces) it.
        var applied = await UpdateAsync(id, s => s is { Status: not (ArticleState.Withdrawn or ArticleState.Summarized) } && s.ContentHash == contentHash, ArticleState.Summarized, PipelineStage.Summarize, cancellationToken, (e, _) =>
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
    /// The story is withdrawn (killed): its status says so with the reason and time, and its line in the newest-first
    /// index is marked, so the list leaves it out unless asked. The status row keeps its content hash, so a summarize
    /// message of that content still in the queue finds it not current. The status is null when there is no such
    /// article; an article already withdrawn keeps its first reason and time (Applied: false).
    /// </summary>
    public async Task<(ArticleStatus? Status, bool Applied)> MarkWithdrawnAsync(string id, string reason, CancellationToken cancellationToken)
    {
        ArticleStatus? seen = null;
        string? indexKey = null;
        DateTimeOffset? withdrawnAt = null;
        var applied = await UpdateAsync(id, s => (seen = s) is { Status: not ArticleState.Withdrawn }, ArticleState.Withdrawn, PipelineStage.Withdraw, cancellationToken, (e, now) =>
        {
            indexKey = e.GetString(IndexKeyProperty);
            withdrawnAt = now;
            e["Reason"] = reason;
            e["WithdrawnAt"] = now;
            e.Remove("FailedAt");
        });
        if (applied && indexKey is not null)
        {
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(IndexPartition, indexKey) { [WithdrawnAtProperty] = withdrawnAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // A newer summary replaced the line meanwhile: nothing left to mark.
            }
        }
        return (applied ? await GetAsync(id, cancellationToken) : seen, applied);
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
            updated.Remove(RetryableProperty);
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

    /// <summary>A page of statuses in id order, all of them or those in one state.</summary>
    /// <exception cref="ArgumentException">The continuation token is not one this service issued.</exception>
    public async Task<StatusPage> ListStatusesAsync(ArticleState? state, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = state is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {StatusPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {StatusPartition} and Status eq {state.Value.ToString()}");
        var tableToken = continuationToken is null ? null : DecodeToken(continuationToken);
        var (rows, next) = await ReadPageAsync(filter, pageSize, tableToken, cancellationToken);
        return new StatusPage([.. rows.Select(ToStatus)], next is null ? null : EncodeToken(next));
    }

    /// <summary>
    /// A page of the newest-first index, optionally only what was published after a cursor and only summaries naming
    /// an actor or venue. The continuation token wraps the table's own and the cursor with a check digest, base64url
    /// encoded: it pastes into a URL as it is, and a token this service did not issue is refused rather than read as
    /// "from the start". With a name filter a page may hold fewer items than asked for; the token says there are more.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token or the cursor is not one this service issued.</exception>
    public async Task<SummaryPage> ListSummariesAsync(SummaryQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        string? tableToken = null;
        string? cursorKey = null;
        if (continuationToken is not null)
        {
            var parts = DecodeToken(continuationToken).Split('\n', 2);
            (cursorKey, tableToken) = parts.Length == 2 ? (parts[0], parts[1]) : throw new ArgumentException(BadToken, nameof(continuationToken));
        }
        var sinceKey = query.Since is null ? null : SinceKey(query.Since);
        var filter = sinceKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition} and RowKey lt {sinceKey}");
        var actor = query.Actor is null ? null : NameKey.Of(query.Actor);
        var venue = query.Venue is null ? null : NameKey.Of(query.Venue);
        var items = new List<SummaryListItem>(pageSize);
        // A republished summary's new row is written before its old one is deleted: for that moment both are in the
        // index, and the newer one, read first, stands for the id.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var trip = 0; trip < MaxTripsPerPage; trip++)
        {
            var (rows, next) = await ReadPageAsync(filter, pageSize - items.Count, tableToken, cancellationToken);
            // The newest row read first is where "what changed since" continues next time, whatever the name filters keep.
            cursorKey ??= rows.FirstOrDefault()?.RowKey ?? sinceKey ?? TimeKey(time.GetUtcNow(), string.Empty);
            items.AddRange(rows
                .Where(e => Names(e, ActorsProperty).Contains(actor) && Names(e, VenuesProperty).Contains(venue))
                .Where(e => query.IncludeWithdrawn || e.GetDateTimeOffset(WithdrawnAtProperty) is null)
                .Where(e => listed.Add(e.GetString("Id")))
                .Select(e => new SummaryListItem(e.GetString("Id"), e.GetString("Headline") ?? string.Empty, e.GetDateTimeOffset("SummarizedAt") ?? default,
                    e.GetDateTimeOffset(WithdrawnAtProperty))));
            tableToken = next;
            if (tableToken is null || items.Count == pageSize)
            {
                break;
            }
        }
        return new SummaryPage(items, tableToken is null ? null : EncodeToken($"{cursorKey}\n{tableToken}"), EncodeToken(CursorPrefix + cursorKey));
    }

    /// <summary>The index key after which <c>since</c> starts: a cursor this service gave out, or a point in time.</summary>
    private static string SinceKey(string since)
    {
        if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return TimeKey(time, string.Empty);
        }
        return TryDecodeToken(since) is { } key && key.StartsWith(CursorPrefix, StringComparison.Ordinal)
            ? key[CursorPrefix.Length..]
            : throw new ArgumentException(BadCursor, nameof(since));
    }

    /// <summary>Inverted time first, so the table's key order is newest first.</summary>
    private static string TimeKey(DateTimeOffset time, string id) => $"{DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks:D19}_{id}";

    private static NameList Names(TableEntity row, string property) => new(row.GetString(property));

    /// <summary>Folded names, one per line, as the index keeps them; an absent filter matches every row.</summary>
    private readonly record struct NameList(string? Lines)
    {
        public bool Contains(string? name) => name is null || Lines is not null && Lines.Split('\n').Any(line => line.Contains(name, StringComparison.Ordinal));
    }

    private async Task<(List<TableEntity> Rows, string? Next)> ReadPageAsync(string filter, int pageSize, string? tableToken, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in _table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(tableToken, pageSize))
            {
                return ([.. page.Values], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && tableToken is not null)
        {
            throw new ArgumentException(BadToken, ex);
        }
        return ([], null);
    }

    private static string EncodeToken(string tableToken)
    {
        var text = Encoding.UTF8.GetBytes(tableToken);
        return Base64Url.EncodeToString([.. TokenDigest(text), .. text]);
    }

    /// <summary>The text a token this service issued carries; null for any other string.</summary>
    private static string? TryDecodeToken(string token)
    {
        byte[] decoded;
        try
        {
            decoded = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        return decoded.Length > TokenDigestBytes && decoded.AsSpan(0, TokenDigestBytes).SequenceEqual(TokenDigest(decoded.AsSpan(TokenDigestBytes)))
            ? Encoding.UTF8.GetString(decoded.AsSpan(TokenDigestBytes))
            : null;
    }

    private static string DecodeToken(string token) => TryDecodeToken(token) ?? throw new ArgumentException(BadToken, nameof(token));

    private static byte[] TokenDigest(ReadOnlySpan<byte> text) => SHA256.HashData(text)[..TokenDigestBytes];

    private static string FoldedNames(IEnumerable<string> names) => string.Join('\n', names.Select(NameKey.Of).Distinct(StringComparer.Ordinal));

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
        WithdrawnAt = e.GetDateTimeOffset("WithdrawnAt"),
        Retryable = e.GetBoolean(RetryableProperty) ?? false,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };
}
