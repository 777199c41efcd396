using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Summarizer.IntegrationTests;

/// <summary>A pipeline of its own whose change notifications go to three webhooks of a real receiver.</summary>
public sealed class ChangeNotificationPipelineFixture : PipelineFixture
{
    public const string Secret = "test-webhook-secret-not-a-real-one";

    /// <summary>Short, so that a retried delivery arrives within the test's patience.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(300);

    private readonly int _port = WebhookReceiver.FreePort();

    public WebhookReceiver Receiver { get; } = new();

    /// <summary>Where the host listens, and so the base of the summary URLs it announces.</summary>
    public Uri PublicBaseUrl => new($"http://127.0.0.1:{_port}");

    public override async ValueTask InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        new Dictionary<string, string?>
        {
            ["Urls"] = PublicBaseUrl.ToString(),
            ["Summarizer:PublicBaseUrl"] = PublicBaseUrl.ToString(),
            ["Summarizer:Events:Webhooks:0"] = Receiver.Ok.ToString(),
            ["Summarizer:Events:Webhooks:1"] = Receiver.Flaky.ToString(),
            ["Summarizer:Events:Webhooks:2"] = Receiver.Refuses.ToString(),
            ["Summarizer:Events:WebhookSecret"] = Secret,
            ["Summarizer:Events:RetryDelay"] = RetryDelay.ToString("c", CultureInfo.InvariantCulture),
        };

    public override async ValueTask DisposeAsync()
    {
        // The host first: it delivers what it still has queued before it stops.
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class ChangeNotificationTests(ChangeNotificationPipelineFixture pipeline) : IClassFixture<ChangeNotificationPipelineFixture>
{
    private const string Story =
        "Ferry Timetable Changes\n\n" +
        "The transport board of Westhaven said on Monday that the evening ferry will stop at Gull Island only if the pier repairs are finished by June. " +
        "Board chair Tomas Brandt told the town council that the money for the repairs has been set aside.\n\n" +
        "It is not yet known whether the morning crossing will change as well.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_summary_is_announced_once_as_a_cloud_event_with_its_id_headline_url_and_content_hash()
    {
        var hash = await pipeline.PublishAsync("ferry-announced.txt", Story);
        var summary = await pipeline.GetSummaryAsync("ferry-announced");
        // The flaky receiver's second delivery comes after the retry delay: by then every receiver had its first.
        await pipeline.Receiver.WaitForAsync("flaky", "ferry-announced", 2);
        await Task.Delay(ChangeNotificationPipelineFixture.RetryDelay * 2, Cancel);

        var delivery = Assert.Single(pipeline.Receiver.To("ok", "ferry-announced"));
        var cloudEvent = delivery.Event;
        Assert.Equal("application/cloudevents+json; charset=utf-8", delivery.ContentType);
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("Summarizer.SummaryPublished", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("/summarizer", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("application/json", cloudEvent.GetProperty("datacontenttype").GetString());
        Assert.True(Guid.TryParse(cloudEvent.GetProperty("id").GetString(), out _));
        Assert.InRange(cloudEvent.GetProperty("time").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), delivery.ReceivedAt);
        var data = cloudEvent.GetProperty("data");
        Assert.Equal(["id", "headline", "summaryUrl", "contentHash"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ferry-announced", data.GetProperty("id").GetString());
        Assert.Equal(summary.Headline, data.GetProperty("headline").GetString());
        Assert.Equal(hash, data.GetProperty("contentHash").GetString());
        var summaryUrl = data.GetProperty("summaryUrl").GetString()!;
        Assert.Equal(new Uri(pipeline.PublicBaseUrl, "/api/summaries/ferry-announced").ToString(), summaryUrl);
        // The URL in the event is where the summary is read.
        using var fetched = await pipeline.Http.GetAsync(new Uri(summaryUrl), Cancel);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(hash, (await fetched.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("source").GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task The_signature_header_verifies_with_the_shared_secret_and_not_with_another()
    {
        await pipeline.PublishAsync("ferry-signed.txt", Story + "\n\nSigned.");
        var delivery = (await pipeline.Receiver.WaitForAsync("ok", "ferry-signed", 1))[0];

        Assert.StartsWith("sha256=", delivery.Signature, StringComparison.Ordinal);
        Assert.Equal(Sign(ChangeNotificationPipelineFixture.Secret, delivery.Body), delivery.Signature);
        Assert.NotEqual(Sign("another-secret-of-some-length", delivery.Body), delivery.Signature);
        var tampered = delivery.Body.ToArray();
        tampered[^2] ^= 1;
        Assert.NotEqual(Sign(ChangeNotificationPipelineFixture.Secret, tampered), delivery.Signature);
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_the_same_event_again_and_one_answering_400_is_not_retried()
    {
        await pipeline.PublishAsync("ferry-retried.txt", Story + "\n\nRetried.");

        var flaky = await pipeline.Receiver.WaitForAsync("flaky", "ferry-retried", 2);
        var refused = await pipeline.Receiver.WaitForAsync("refuses", "ferry-retried", 1);
        // Time for the retries a 400 must not get (the first would come after one retry delay).
        await Task.Delay(ChangeNotificationPipelineFixture.RetryDelay * 4, Cancel);

        Assert.Equal([500, 204], flaky.Select(d => d.Answer));
        Assert.Equal(flaky[0].Body, flaky[1].Body);
        Assert.Equal(flaky[0].Signature, flaky[1].Signature);
        Assert.True(flaky[1].ReceivedAt - flaky[0].ReceivedAt >= ChangeNotificationPipelineFixture.RetryDelay * 0.9,
            $"retried after {(flaky[1].ReceivedAt - flaky[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(2, pipeline.Receiver.To("flaky", "ferry-retried").Count);
        Assert.Single(pipeline.Receiver.To("refuses", "ferry-retried"));
        Assert.Equal(400, refused[0].Answer);
        Assert.Equal(flaky[0].Body, refused[0].Body);
    }

    [Fact]
    public async Task Identical_content_again_announces_nothing_and_changed_content_announces_its_new_version()
    {
        var first = await pipeline.PublishAsync("ferry-versions.txt", Story + "\n\nVersions.");
        var summary = await pipeline.GetSummaryAsync("ferry-versions");
        await pipeline.Receiver.WaitForAsync("ok", "ferry-versions", 1);

        var again = await pipeline.PublishAsync("ferry-versions.txt", Story + "\n\nVersions.");
        // API uploads are cleaned as they are written; a second summary, had there been one, would be announced within this.
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        Assert.Equal(first, again);
        Assert.Equal(summary.CreatedAt, (await pipeline.GetSummaryAsync("ferry-versions")).CreatedAt);
        Assert.Single(pipeline.Receiver.To("ok", "ferry-versions"));

        var changed = await pipeline.PublishAsync("ferry-versions.txt", Story + "\n\nVersions. The board meets again in May.");
        var deliveries = await pipeline.Receiver.WaitForAsync("ok", "ferry-versions", 2);

        Assert.NotEqual(first, changed);
        Assert.Equal([first, changed], deliveries.Select(d => d.Event.GetProperty("data").GetProperty("contentHash").GetString()));
        Assert.NotEqual(deliveries[0].Event.GetProperty("id").GetString(), deliveries[1].Event.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_withdrawn_story_is_announced_with_its_reason_time_and_url()
    {
        var hash = await pipeline.PublishAsync("ferry-killed.txt", Story + "\n\nKilled.");
        await pipeline.Receiver.WaitForAsync("ok", "ferry-killed", 1);

        using var killed = await pipeline.Http.DeleteAsync("/api/articles/ferry-killed?reason=Wrong%20ferry%20route", Cancel);
        Assert.Equal(HttpStatusCode.OK, killed.StatusCode);
        var deliveries = await pipeline.Receiver.WaitForAsync("ok", "ferry-killed", 2);

        var withdrawn = deliveries[^1].Event;
        Assert.Equal(["Summarizer.SummaryPublished", "Summarizer.SummaryWithdrawn"], deliveries.Select(d => d.Event.GetProperty("type").GetString()));
        Assert.Equal("Summarizer.SummaryWithdrawn", withdrawn.GetProperty("type").GetString());
        Assert.Equal("ferry-killed", withdrawn.GetProperty("subject").GetString());
        var data = withdrawn.GetProperty("data");
        Assert.Equal(["id", "summaryUrl", "reason", "withdrawnAt", "contentHash"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Wrong ferry route", data.GetProperty("reason").GetString());
        Assert.Equal(hash, data.GetProperty("contentHash").GetString());
        using var gone = await pipeline.Http.GetAsync(new Uri(data.GetProperty("summaryUrl").GetString()!), Cancel);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    /// <summary>What a receiver computes: HMAC-SHA256 of the body bytes, keyed with the secret, as lower-case hex.</summary>
    private static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
