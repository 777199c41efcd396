using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summarizer.Cli.Hosting;
using Summarizer.Core;

[assembly: AssemblyFixture(typeof(Summarizer.BrowserTests.BrowserFixture))]

namespace Summarizer.BrowserTests;

/// <summary>A page under test and the script errors it has raised so far.</summary>
public sealed record OpenPage(IPage Page, IReadOnlyList<string> ScriptErrors);

/// <summary>
/// Headless Chromium from the system (Debian's <c>chromium</c> package), a real Azurite on free ports and the real
/// local host in-process against it, shared by every browser test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long a page may take to reach the state a test waits for (a summary takes a second or two).</summary>
    public const float UiTimeoutMilliseconds = 30_000;

    private Azurite? _azurite;
    private WebApplication? _host;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The local host's root, e.g. http://127.0.0.1:41234/ (the newsroom page).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Checked first, so a machine without a browser fails in a second with what to do, not in a launch timeout.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}, and there is none: install chromium: apt-get install -y chromium");
        }

        var (blob, queue, table) = Azurite.FreePorts();
        _azurite = await Azurite.StartAsync(blob, queue, table, dataDirectory: null, report: null, CancellationToken.None);
        (_host, BaseAddress) = await StartHostAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // CI runs as root, where Chromium refuses to start with its sandbox.
            Args = ["--no-sandbox"],
            Timeout = 30_000,
        });
        Assertions.SetDefaultExpectTimeout(UiTimeoutMilliseconds);
    }

    /// <summary>
    /// Starts a local host against this fixture's Azurite, with the given settings on top (e.g. an API key); the caller
    /// stops and disposes it.
    /// </summary>
    public async Task<(WebApplication Host, Uri BaseAddress)> StartHostAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = _azurite!.ConnectionString,
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
        return (host, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// A fresh page (its own context: storage, session key) of the given width, at the newsroom page of the fixture's
    /// host unless another is given, with the script errors it raises (uncaught exceptions, content-security-policy
    /// refusals) collected for the test.
    /// </summary>
    public async Task<OpenPage> OpenAsync(string path = "", int width = 1280, int height = 900, Uri? host = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (host ?? BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(UiTimeoutMilliseconds);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(path);
        return new OpenPage(page, errors);
    }

    public static byte[] Seed(string name = "000_3facca137411f480.txt") =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", name));

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
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
