using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Hosting;
using Summarizer.Core;

namespace Summarizer.BrowserTests;

/// <summary>
/// A real Azurite on free ports and the real local host in-process against it. Each pipeline has storage of its own:
/// a host stopped while it holds another host's queue message would hide that message for the 30 s visibility timeout.
/// </summary>
public sealed class LocalPipeline : IAsyncDisposable
{
    private readonly Azurite _azurite;
    private readonly WebApplication _host;

    private LocalPipeline(Azurite azurite, WebApplication host, Uri baseAddress)
    {
        _azurite = azurite;
        _host = host;
        BaseAddress = baseAddress;
    }

    /// <summary>The local host's root, e.g. http://127.0.0.1:41234/ (the newsroom page).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts Azurite and a local host on it, with <paramref name="settings"/> on top (e.g. an API key).</summary>
    public static async Task<LocalPipeline> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (blob, queue, table) = Azurite.FreePorts();
        var azurite = await Azurite.StartAsync(blob, queue, table, dataDirectory: null, report: null, CancellationToken.None);
        var all = new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = azurite.ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var host = LocalHost.Build([], all);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalPipeline(azurite, host, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
