using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summarizer.IntegrationTests;

/// <summary>
/// A real HTTP receiver for change notifications: Kestrel on a free loopback port, recording every request with its
/// exact body bytes. <c>/ok</c> accepts, <c>/flaky</c> answers 500 to the first delivery of each event id and accepts
/// the next, <c>/refuses</c> answers 400, <c>/slow</c> answers the first delivery of each event id only after
/// <see cref="SlowAnswer"/> and the next at once.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly ConcurrentDictionary<string, int> _flakySeen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _slowSeen = new(StringComparer.Ordinal);

    /// <summary>How long <c>/slow</c> takes to answer the first delivery of an event.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(5);

    /// <param name="port">0: any free port.</param>
    public WebhookReceiver(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/ok", (HttpRequest request) => RecordAsync(request, _ => StatusCodes.Status200OK));
        _app.MapPost("/flaky", (HttpRequest request) => RecordAsync(request,
            eventId => _flakySeen.AddOrUpdate(eventId, 1, (_, n) => n + 1) == 1 ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent));
        _app.MapPost("/refuses", (HttpRequest request) => RecordAsync(request, _ => StatusCodes.Status400BadRequest));
        _app.MapPost("/slow", async (HttpRequest request) =>
        {
            var result = await RecordAsync(request, eventId => _slowSeen.AddOrUpdate(eventId, 1, (_, n) => n + 1) == 1 ? 0 : StatusCodes.Status200OK);
            if (result is null)
            {
                // The first delivery of each event gets no answer in time.
                await Task.Delay(SlowAnswer, CancellationToken.None);
                return Results.StatusCode(StatusCodes.Status200OK);
            }
            return result;
        });
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Ok => new(BaseAddress, "ok");

    public Uri Flaky => new(BaseAddress, "flaky");

    public Uri Refuses => new(BaseAddress, "refuses");

    public Uri Slow => new(BaseAddress, "slow");

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public async Task StartAsync()
    {
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    /// <summary>The deliveries to one path of events about one article, in the order they arrived.</summary>
    public IReadOnlyList<Delivery> To(string path, string articleId) =>
        [.. Deliveries.Where(d => d.Path == path && d.ArticleId == articleId)];

    /// <summary>Waits until <paramref name="path"/> has had at least <paramref name="count"/> deliveries about the article.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(string path, string articleId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTimeOffset.UtcNow < deadline)
        {
            var seen = To(path, articleId);
            if (seen.Count >= count)
            {
                return seen;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"{path} had {To(path, articleId).Count} deliveries about {articleId}, expected {count}.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <returns>The answer, or null where <paramref name="answer"/> says 0 (the caller answers).</returns>
    private async Task<IResult?> RecordAsync(HttpRequest request, Func<string, int> answer)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var delivery = new Delivery(request.Path.Value!.TrimStart('/'), request.ContentType, request.Headers["X-Summarizer-Signature"].ToString(), body, DateTimeOffset.UtcNow);
        var status = answer(delivery.Event.GetProperty("id").GetString()!);
        _deliveries.Enqueue(delivery with { Answer = status });
        return status == 0 ? null : Results.StatusCode(status);
    }

    /// <summary>One request as it arrived, and what the receiver answered.</summary>
    public sealed record Delivery(string Path, string? ContentType, string Signature, byte[] Body, DateTimeOffset ReceivedAt)
    {
        public int Answer { get; init; }

        public JsonElement Event => JsonSerializer.Deserialize<JsonElement>(Body);

        public string ArticleId => Event.GetProperty("data").GetProperty("id").GetString()!;
    }
}
