using System.Text.Json;
using Summarizer.Core;

namespace Summarizer.Infra.Tests;

/// <summary>host.json's retry settings and the queues infra creates fit together.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Extensions = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "host.json")))
        .RootElement.GetProperty("extensions").Clone();

    [Fact]
    public async Task A_summarize_message_that_fails_five_times_lands_in_the_poison_queue_infra_creates()
    {
        var template = await CompiledTemplate.LoadAsync();
        var queues = template.ModuleParameter("storage", "queueNames").EnumerateArray().Select(template.Resolve);

        Assert.Equal(PipelineNames.MaxAttempts, Extensions.GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
        Assert.Contains(PipelineNames.SummarizePoisonQueue, queues);
    }

    [Fact]
    public void Blob_and_queue_concurrency_per_instance_are_bounded()
    {
        var queues = Extensions.GetProperty("queues");

        Assert.InRange(Extensions.GetProperty("blobs").GetProperty("maxDegreeOfParallelism").GetInt32(), 1, 8);
        Assert.InRange(queues.GetProperty("batchSize").GetInt32() + queues.GetProperty("newBatchThreshold").GetInt32(), 1, 16);
    }
}
