using System.Diagnostics;
using System.Text;
using Azure.Storage.Queues;
using Summarizer.Cli.Hosting;
using Summarizer.Core;
using Summarizer.Core.Documents;

namespace Summarizer.IntegrationTests;

/// <summary>An Azurite of its own and no host, so nothing consumes what <c>replay</c> puts in the summarize queue.</summary>
public sealed class QueueStorageFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite!.ConnectionString;

    /// <summary>Base64, as the Functions host and the pipeline read and write queue messages.</summary>
    public QueueClient Queue(string name) =>
        new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(name);

    public async ValueTask InitializeAsync()
    {
        var (blob, queue, table) = Azurite.FreePorts();
        _azurite = await Azurite.StartAsync(blob, queue, table, dataDirectory: null, report: null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary><c>summarizer replay</c>: poisoned summarize messages go back to the summarize queue.</summary>
public sealed class ReplayCommandTests(QueueStorageFixture storage) : IClassFixture<QueueStorageFixture>, IAsyncLifetime
{
    private readonly QueueClient _poison = storage.Queue(PipelineNames.SummarizePoisonQueue);
    private readonly QueueClient _summarize = storage.Queue(PipelineNames.SummarizeQueue);

    public async ValueTask InitializeAsync()
    {
        foreach (var queue in (QueueClient[])[_poison, _summarize])
        {
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
    }

    [Fact]
    public async Task Replay_moves_every_poisoned_message_to_the_summarize_queue_and_leaves_what_is_not_a_summarize_message()
    {
        await PoisonAsync("alpha", "beta");
        await _poison.SendMessageAsync("not a summarize message", TestContext.Current.CancellationToken);

        // The storage setting on the command line, as ops may pass it.
        var run = await CliProcess.RunAsync(["replay", $"--{PipelineNames.StorageConnection}={storage.ConnectionString}"], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"Moved alpha (content {Hash("alpha")}) to summarize.", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Moved beta (content {Hash("beta")}) to summarize.", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 message(s) moved; 1 left in summarize-poison (1 not summarize messages, left as they are).", run.Output, StringComparison.Ordinal);
        Assert.Equal(["alpha", "beta"], (await WaitingAsync(_summarize)).Select(m => SummarizeMessage.Parse(m).Id).Order());
        Assert.Equal(["not a summarize message"], await WaitingAsync(_poison));
    }

    [Fact]
    public async Task Replay_with_ids_moves_only_those_articles_messages()
    {
        await PoisonAsync("alpha", "beta", "gamma");

        var run = await CliProcess.RunAsync(["replay", "--id", "beta", "--id", "gamma"], Settings());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Moved alpha", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 message(s) moved; 1 left in summarize-poison.", run.Output, StringComparison.Ordinal);
        Assert.Equal([new SummarizeMessage("beta", Hash("beta")), new SummarizeMessage("gamma", Hash("gamma"))],
            (await WaitingAsync(_summarize)).Select(SummarizeMessage.Parse).OrderBy(m => m.Id, StringComparer.Ordinal));
        // The message left behind is visible at once, not hidden until the replay's hold runs out.
        Assert.Equal("alpha", SummarizeMessage.Parse(Assert.Single(await WaitingAsync(_poison))).Id);
    }

    [Fact]
    public async Task Replay_of_an_id_with_no_poisoned_message_says_so_and_fails_without_moving_anything()
    {
        await PoisonAsync("alpha");

        var run = await CliProcess.RunAsync(["replay", "--id", "omega"], Settings());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("omega: no message for this id in summarize-poison.", run.Error, StringComparison.Ordinal);
        Assert.Contains("0 message(s) moved; 1 left in summarize-poison.", run.Output, StringComparison.Ordinal);
        Assert.Empty(await WaitingAsync(_summarize));
    }

    private Dictionary<string, string> Settings() => new() { [PipelineNames.StorageConnection] = storage.ConnectionString };

    private async Task PoisonAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            await _poison.SendMessageAsync(new SummarizeMessage(id, Hash(id)).ToJson(), TestContext.Current.CancellationToken);
        }
    }

    private static string Hash(string id) => ContentHash.Of(Encoding.UTF8.GetBytes(id));

    private static async Task<List<string>> WaitingAsync(QueueClient queue)
    {
        var messages = await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken);
        return [.. messages.Value.Select(m => m.Body.ToString())];
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A pipeline of its own, so <c>status</c> counts only this class's articles.</summary>
public sealed class StatusPipelineFixture : PipelineFixture;

/// <summary><c>summarizer status</c>: counts per state, and why each failed article failed.</summary>
public sealed class StatusCommandTests(StatusPipelineFixture pipeline) : IClassFixture<StatusPipelineFixture>
{
    [Fact]
    public async Task Status_counts_articles_per_state_and_names_each_failed_article_with_its_stage_and_reason()
    {
        var articles = pipeline.Container(PipelineNames.ArticlesContainer);
        await articles.GetBlobClient("status-good.txt").UploadAsync(BinaryData.FromString(Articles.Harbour), overwrite: true, TestContext.Current.CancellationToken);
        await articles.GetBlobClient("status-binary.txt").UploadAsync(new BinaryData(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray()), overwrite: true, TestContext.Current.CancellationToken);
        Assert.Equal("summarized", (await pipeline.WaitForOutcomeAsync("status-good")).GetProperty("status").GetString());
        var failed = await pipeline.WaitForOutcomeAsync("status-binary");
        var poison = new QueueServiceClient(pipeline.StorageConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
            .GetQueueClient(PipelineNames.SummarizePoisonQueue);
        await poison.SendMessageAsync(new SummarizeMessage("status-stuck", "0").ToJson(), TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(["status"], new Dictionary<string, string> { [PipelineNames.StorageConnection] = pipeline.StorageConnectionString });

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Articles: 2 (received 0, cleaned 0, summarized 1, failed 1, withdrawn 0)", run.Output, StringComparison.Ordinal);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("status-binary", StringComparison.Ordinal));
        Assert.Contains("status-binary (stage clean,", line, StringComparison.Ordinal);
        Assert.EndsWith(": " + failed.GetProperty("reason").GetString(), line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("status-good", run.Output, StringComparison.Ordinal);
        Assert.Contains("Queue summarize-poison: 1 message(s); `summarizer replay` moves them back", run.Output, StringComparison.Ordinal);
    }
}

/// <summary><c>status</c> and <c>replay</c> when storage is down or the setting is wrong: one line that says what to do, quickly.</summary>
public sealed class StorageDownTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("replay")]
    public async Task A_command_against_storage_where_nothing_listens_says_in_one_line_to_start_azurite(string command)
    {
        var (blob, queue, table) = Azurite.FreePorts();
        var started = Stopwatch.StartNew();

        var run = await CliProcess.RunAsync([command], new Dictionary<string, string> { [PipelineNames.StorageConnection] = Azurite.ConnectionStringFor(blob, queue, table) });

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Cannot reach storage at 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("(ArticleStorage)", line, StringComparison.Ordinal);
        Assert.Contains("Start it with `summarizer serve` or `npm run azurite`.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("replay")]
    public async Task A_command_with_a_storage_setting_that_is_not_a_connection_string_says_which_setting_to_fix(string command)
    {
        var run = await CliProcess.RunAsync([command], new Dictionary<string, string> { [PipelineNames.StorageConnection] = "not-a-connection-string" });

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("The ArticleStorage setting is not usable:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
