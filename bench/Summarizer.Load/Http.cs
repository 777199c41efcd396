using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Summarizer.Load;

internal static class Http
{
    /// <summary>The one client of a run: at most <paramref name="maxConnections"/> connections to the host.</summary>
    public static HttpClient Create(Uri baseUrl, int maxConnections, TimeSpan requestTimeout) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        {
            BaseAddress = baseUrl,
            Timeout = requestTimeout,
        };

    /// <summary>This is a local benchmark: only a host on this machine may be its target.</summary>
    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>"HTTP 503", or the exception's type for a request that got no answer.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        TaskCanceledException => "timeout",
        HttpRequestException { InnerException: SocketException socket } => $"socket {socket.SocketErrorCode}",
        HttpRequestException http when http.HttpRequestError != HttpRequestError.Unknown => $"{http.HttpRequestError}",
        _ => exception.GetType().Name,
    };
}

/// <summary>Requests that did not get the answer they should have, by status code (or "timeout", "socket …").</summary>
public sealed class HttpErrors
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string what) => _counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    public void Add(HttpStatusCode status) => Add($"HTTP {(int)status}");

    public int Total => _counts.Values.Sum();

    public override string ToString() => _counts.IsEmpty
        ? "none"
        : string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} ×{c.Value}"));
}
