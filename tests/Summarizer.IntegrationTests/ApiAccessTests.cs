using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Hosting;
using Summarizer.Core;

namespace Summarizer.IntegrationTests;

/// <summary>A local host that other machines can reach asks for its key; browsers from listed origins may call it.</summary>
public sealed class ApiAccessTests(PipelineFixture pipeline) : IAsyncLifetime
{
    private const string Key = "test-api-key-not-a-secret";
    private const string AllowedOrigin = "https://desk.example";

    private WebApplication _host = null!;
    private HttpClient _http = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = LocalHost.Build([], new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = pipeline.StorageConnectionString,
            ["Urls"] = "http://0.0.0.0:0",
            ["Summarizer:ApiKey"] = Key,
            ["Summarizer:CorsOrigins:0"] = AllowedOrigin,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _host.StartAsync(Cancel);
        var port = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _http = new HttpClient(new ApiContract.CheckingHandler()) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    [Fact]
    public async Task Without_the_key_the_api_answers_401_with_a_problem_and_with_it_serves()
    {
        using var without = await _http.GetAsync("/api/articles/some-story", Cancel);
        using var wrong = await SendAsync(HttpMethod.Get, "/api/articles/some-story", "not-the-key");
        using var withHeader = await SendAsync(HttpMethod.Get, "/api/articles/Not%20An%20Id", Key);
        using var withCode = await _http.GetAsync($"/api/articles/Not%20An%20Id?code={Key}", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("urn:summarizer:problem:unauthorized", (await without.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // Past the key check: the id itself is refused.
        Assert.Equal(HttpStatusCode.BadRequest, withHeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withCode.StatusCode);
    }

    [Fact]
    public async Task Health_and_the_contract_need_no_key()
    {
        using var health = await _http.GetAsync("/api/health", Cancel);
        using var contract = await _http.GetAsync("/api/openapi.json", Cancel);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, contract.StatusCode);
    }

    [Theory]
    [InlineData(AllowedOrigin, true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Only_listed_origins_may_call_from_a_browser(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/summaries");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", ApiAccess.KeyHeader);

        using var response = await _http.SendAsync(preflight, Cancel);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Single() == origin);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string key)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(ApiAccess.KeyHeader, key);
        return await _http.SendAsync(request, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
