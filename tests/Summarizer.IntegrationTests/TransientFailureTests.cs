using Azure.Storage.Blobs.Specialized;
using Summarizer.Core;

namespace Summarizer.IntegrationTests;

/// <summary>A stage that fails for a reason outside the article records the failure, and the upload is tried again.</summary>
public sealed class TransientFailureTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task A_clean_that_fails_on_storage_is_recorded_then_retried_until_it_succeeds()
    {
        var cancel = TestContext.Current.CancellationToken;
        // A lease on the cleaned document makes every write to it fail (412) until the lease is broken.
        var cleaned = pipeline.Container(PipelineNames.CleanedContainer).GetBlobClient("leased.json");
        await cleaned.UploadAsync(new BinaryData("{}"), overwrite: true, cancel);
        var lease = cleaned.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(-1), cancellationToken: cancel);

        await pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient("leased.txt")
            .UploadAsync(new BinaryData("Dam Repairs Delayed\n\nThe river authority said the repairs would start only if the ministry pays for them."), overwrite: true, cancel);
        var failed = await pipeline.WaitForOutcomeAsync("leased");

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("clean", failed.GetProperty("stage").GetString());
        var reason = failed.GetProperty("reason").GetString()!;
        Assert.Contains("will be retried", reason, StringComparison.Ordinal);
        // A sentence for the newsroom: no exception text, storage response, header or URL.
        foreach (var leak in (string[])["Exception", "Server:", "Azurite", "http", "Status:", "ErrorCode", "   at "])
        {
            Assert.DoesNotContain(leak, reason, StringComparison.OrdinalIgnoreCase);
        }

        await lease.BreakAsync(TimeSpan.Zero, cancellationToken: cancel);
        var summarized = await WaitForStatusAsync("leased", "summarized");

        Assert.Equal("summarized", summarized);
    }

    private async Task<string?> WaitForStatusAsync(string id, string wanted)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        string? state = null;
        while (DateTimeOffset.UtcNow < deadline && state != wanted)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            state = (await pipeline.WaitForOutcomeAsync(id)).GetProperty("status").GetString();
        }
        return state;
    }
}
