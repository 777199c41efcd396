using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Summarizer.Core.Documents;

namespace Summarizer.Cli.Commands;

internal static class UploadCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Article files to upload." };
        var url = new Option<Uri>("--url")
        {
            Description = "The pipeline's base address.",
            DefaultValueFactory = _ => new Uri("http://localhost:7071"),
            // System.CommandLine 2.0 has no parser for Uri: without this every value fails to parse.
            CustomParser = ParseBaseAddress,
        };
        var wait = new Option<bool>("--wait") { Description = "Wait until each article is summarised (or failed) and print where its summary is." };
        var command = new Command("upload", "Upload articles to a running pipeline (POST /api/articles).") { files, url, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = parse.GetValue(url) };
            var exitCode = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file.FullName, cancellationToken));
                content.Headers.ContentType = new MediaTypeHeaderValue(ContentTypeOf(file));
                using var response = await http.PostAsync($"/api/articles?name={Uri.EscapeDataString(file.Name)}", content, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Console.Error.WriteLineAsync($"{file.Name}: {(int)response.StatusCode} {body}");
                    exitCode = 1;
                    continue;
                }
                var statusUrl = response.Headers.Location!;
                Console.WriteLine($"{file.Name}: accepted, status at {statusUrl}");
                if (parse.GetValue(wait))
                {
                    exitCode |= await WaitAsync(http, file.Name, statusUrl, cancellationToken);
                }
            }
            return exitCode;
        });
        return command;
    }

    /// <summary>An absolute http(s) address; anything else is a parse error naming the option, not an exception.</summary>
    private static Uri? ParseBaseAddress(ArgumentResult result)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        result.AddError($"--url: '{value}' is not an absolute http:// or https:// address (e.g. http://localhost:7071).");
        return null;
    }

    internal static string ContentTypeOf(FileInfo file) => file.Extension.ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html",
        ".md" or ".markdown" => "text/markdown",
        ".eml" => "message/rfc822",
        _ => "text/plain",
    };

    private static async Task<int> WaitAsync(HttpClient http, string name, Uri statusUrl, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>(statusUrl, DocumentJson.Options, timeout.Token);
            switch (status.GetProperty("status").GetString())
            {
                case "summarized":
                    Console.WriteLine($"{name}: summary at {statusUrl.ToString().Replace("/api/articles/", "/api/summaries/", StringComparison.Ordinal)}");
                    return 0;
                case "failed":
                    await Console.Error.WriteLineAsync($"{name}: failed at {status.GetProperty("stage").GetString()}: {status.GetProperty("reason").GetString()}");
                    return 1;
                default:
                    await Task.Delay(250, timeout.Token);
                    break;
            }
        }
    }
}
