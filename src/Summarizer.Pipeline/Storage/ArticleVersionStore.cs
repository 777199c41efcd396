using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Summarizer.Core;

namespace Summarizer.Pipeline.Storage;

/// <summary>
/// The version history of each story, in the <c>articles</c> table: one partition per story
/// (<c>versions-{id}</c>), one row per distinct content, keyed by its version number (six digits, so key order is
/// version order).
/// </summary>
public sealed class ArticleVersionStore(TableServiceClient tables, TimeProvider time)
{
    private const string PartitionPrefix = "versions-";

    private readonly TableClient _table = tables.GetTableClient(PipelineNames.ArticlesTable);

    /// <summary>Every version of the story, oldest first; empty when none was recorded.</summary>
    public async Task<IReadOnlyList<ArticleVersion>> ListAsync(string id, CancellationToken cancellationToken)
    {
        var versions = new List<ArticleVersion>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionPrefix + id}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            versions.Add(ToVersion(entity));
        }
        return versions;
    }

    /// <summary>
    /// The version number of <paramref name="contentHash"/>, recorded now if it is new: the wire item's own
    /// <paramref name="wireVersion"/> when it has one, else one more than the highest so far. Content seen before keeps
    /// its number (a message or an upload delivered again). A wire version number already held by other content is
    /// that version corrected: the row is replaced, and the history keeps the correction.
    /// </summary>
    public async Task<int> RecordAsync(string id, string contentHash, string blobName, int? wireVersion, string? pubStatus, CancellationToken cancellationToken)
    {
        while (true)
        {
            var known = await ListAsync(id, cancellationToken);
            if (known.FirstOrDefault(v => v.ContentHash == contentHash) is { } same)
            {
                return same.Version;
            }
            var number = wireVersion is > 0 ? wireVersion.Value : known.Count == 0 ? 1 : known.Max(v => v.Version) + 1;
            var row = new TableEntity(PartitionPrefix + id, Key(number))
            {
                ["ContentHash"] = contentHash,
                ["BlobName"] = blobName,
                ["ReceivedAt"] = time.GetUtcNow(),
                ["Status"] = ArticleState.Cleaned.ToString(),
                ["PubStatus"] = pubStatus,
            };
            try
            {
                if (wireVersion is > 0)
                {
                    await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(row, cancellationToken);
                }
                return number;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "EntityAlreadyExists")
            {
                // Another content took this number at the same moment: number again after it.
            }
        }
    }

    /// <summary>The version's summary is stored: it can be served with <c>?version=N</c>.</summary>
    public async Task MarkSummarizedAsync(string id, int version, string contentHash, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionPrefix + id, Key(version))
        {
            ["Status"] = ArticleState.Summarized.ToString(),
            ["SummarizedAt"] = time.GetUtcNow(),
        };
        try
        {
            // Only while the row is still this content's (a corrected wire version may have replaced it).
            var current = await _table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            if (current.Value.GetString("ContentHash") == contentHash)
            {
                await _table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Replaced meanwhile: the newer content records its own state.
        }
    }

    private static string Key(int version) => version.ToString("D6", CultureInfo.InvariantCulture);

    private static ArticleVersion ToVersion(TableEntity e) => new()
    {
        Version = int.Parse(e.RowKey, CultureInfo.InvariantCulture),
        ContentHash = e.GetString("ContentHash") ?? string.Empty,
        BlobName = e.GetString("BlobName") ?? string.Empty,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        Status = Enum.TryParse<ArticleState>(e.GetString("Status"), out var state) ? state : ArticleState.Cleaned,
        SummarizedAt = e.GetDateTimeOffset("SummarizedAt"),
        PubStatus = e.GetString("PubStatus"),
    };
}
