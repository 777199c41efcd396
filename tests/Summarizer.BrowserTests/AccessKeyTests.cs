using static Microsoft.Playwright.Assertions;

namespace Summarizer.BrowserTests;

/// <summary>
/// The page against an API that needs a key (a function key in Azure; <c>Summarizer:ApiKey</c> on the local host):
/// it asks for the key when the API answers 401, and sends it with every call from then on.
/// </summary>
public sealed class AccessKeyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_page_asks_for_the_key_says_when_it_is_refused_and_works_once_it_is_given()
    {
        var key = Guid.NewGuid().ToString("N");
        // A pipeline of its own: the key applies to every API call of its host.
        await using var keyed = await LocalPipeline.StartAsync(new Dictionary<string, string?> { ["Summarizer:ApiKey"] = key });
        var (page, scriptErrors) = await fixture.OpenAsync(host: keyed.BaseAddress);

        var keyInput = page.Locator("#key-input");
        await Expect(page.Locator("#key-panel")).ToBeVisibleAsync();
        await Expect(keyInput).ToBeFocusedAsync();

        await keyInput.FillAsync("not-the-key");
        await keyInput.PressAsync("Enter");
        await Expect(page.Locator("#key-explanation")).ToContainTextAsync("refused");
        await Expect(page.Locator("#key-panel")).ToBeVisibleAsync();

        await keyInput.FillAsync(key);
        await keyInput.PressAsync("Enter");
        await Expect(page.Locator("#key-panel")).ToBeHiddenAsync();
        await Expect(page.Locator("#key-state")).ToBeVisibleAsync();
        await Expect(page.Locator("#desk-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#desk-state")).ToContainTextAsync("article");

        // Uploads carry the key too.
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("#file-input").ClickAsync());
        await chooser.SetFilesAsync(new Microsoft.Playwright.FilePayload { Name = $"keyed-{key}.txt", MimeType = "text/plain", Buffer = BrowserFixture.Seed() });
        await Expect(page.Locator("#upload-list .outcome")).ToContainTextAsync("Accepted");
        Assert.Empty(scriptErrors);
    }
}
