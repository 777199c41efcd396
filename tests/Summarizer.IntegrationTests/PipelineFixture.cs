using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Hosting;
using Summarizer.Core;
using Summarizer.Core.Documents;

[assembly: AssemblyFixture(typeof(Summarizer.IntegrationTests.PipelineFixture))]

namespace Summarizer.IntegrationTests;

/// <summary>A real Azurite on free ports and the local host in-process against it, shared by every test.</summary>
public class PipelineFixture : IAsyncLifetime
{
    /// <summary>Small, so the size-limit tests need not upload megabytes.</summary>
    public const long MaxUploadBytes = 256 * 1024;

    private Azurite? _azurite;
    private WebApplication? _host;

    public HttpClient Http { get; private set; } = null!;

    public BlobServiceClient Blobs { get; private set; } = null!;

    /// <summary>The storage connection string, for commands run as processes against this pipeline's Azurite.</summary>
    public string StorageConnectionString => _azurite!.ConnectionString;

    public virtual async ValueTask InitializeAsync()
    {
        var (blob, queue, table) = Azurite.FreePorts();
        _azurite = await Azurite.StartAsync(blob, queue, table, dataDirectory: null, report: null, CancellationToken.None);
        var settings = new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = _azurite.ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
            ["Summarizer:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }
        _host = LocalHost.Build([], settings);
        await _host.StartAsync();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Every answer the tests get is held against the OpenAPI document.
        Http = new HttpClient(new ApiContract.CheckingHandler()) { BaseAddress = new Uri(address) };
        Blobs = new BlobServiceClient(_azurite.ConnectionString);
    }

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    public IServiceProvider Services => _host!.Services;

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>Polls the status over HTTP until the article is summarised or failed with the given content.</summary>
    public async Task<JsonElement> WaitForOutcomeAsync(string id, string? contentHash = null, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(45));
        var last = "no status yet";
        var cancel = TestContext.Current.CancellationToken;
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var response = await Http.GetAsync($"/api/articles/{id}", cancel);
            if (response.IsSuccessStatusCode)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>(cancel);
                last = status.GetRawText();
                var state = status.GetProperty("status").GetString();
                var hashMatches = contentHash is null || (status.TryGetProperty("contentHash", out var hash) && hash.GetString() == contentHash);
                if (state is "summarized" or "failed" && hashMatches)
                {
                    return status;
                }
            }
            await Task.Delay(100, cancel);
        }
        throw new TimeoutException($"{id} reached no outcome{(contentHash is null ? "" : " for content " + contentHash)}; last status: {last}");
    }

    /// <summary>Posts the article over the API, waits for the summary of this content, and returns its content hash.</summary>
    public Task<string> PublishAsync(string name, string text) =>
        PublishAsync(name, new StringContent(text, System.Text.Encoding.UTF8, "text/plain"));

    /// <inheritdoc cref="PublishAsync(string, string)"/>
    public async Task<string> PublishAsync(string name, HttpContent content)
    {
        var cancel = TestContext.Current.CancellationToken;
        using (content)
        {
            using var response = await Http.PostAsync($"/api/articles?name={name}", content, cancel);
            Xunit.Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            var hash = (await response.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("contentHash").GetString()!;
            var status = await WaitForOutcomeAsync(Path.GetFileNameWithoutExtension(name), hash);
            Xunit.Assert.Equal("summarized", status.GetProperty("status").GetString());
            return hash;
        }
    }

    public async Task<SummaryDocument> GetSummaryAsync(string id)
    {
        var summary = await Http.GetFromJsonAsync<SummaryDocument>($"/api/summaries/{id}", DocumentJson.Options);
        return summary!;
    }

    public async Task<CleanedArticle> GetCleanedAsync(string id)
    {
        var content = await Container(PipelineNames.CleanedContainer).GetBlobClient(id + ".json").DownloadContentAsync();
        return content.Value.Content.ToObjectFromJson<CleanedArticle>(DocumentJson.Options)!;
    }

    public static byte[] Seed() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "000_3facca137411f480.txt"));

    public virtual async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
