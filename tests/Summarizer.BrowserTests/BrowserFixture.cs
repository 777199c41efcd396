using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Summarizer.BrowserTests.BrowserFixture))]

namespace Summarizer.BrowserTests;

/// <summary>A page under test and the script errors it has raised so far.</summary>
public sealed record OpenPage(IPage Page, IReadOnlyList<string> ScriptErrors);

/// <summary>
/// Headless Chromium from the system (Debian's <c>chromium</c> package) and a <see cref="LocalPipeline"/> (Azurite and
/// the real local host), shared by every browser test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long a page may take to reach the state a test waits for (a summary takes a second or two).</summary>
    public const float UiTimeoutMilliseconds = 30_000;

    private LocalPipeline? _pipeline;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The shared local host's root, e.g. http://127.0.0.1:41234/ (the newsroom page).</summary>
    public Uri BaseAddress => _pipeline!.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        // Checked first, so a machine without a browser fails in a second with what to do, not in a launch timeout.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}, and there is none: install chromium: apt-get install -y chromium");
        }

        _pipeline = await LocalPipeline.StartAsync();

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
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
    }
}
