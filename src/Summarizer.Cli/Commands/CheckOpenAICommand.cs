using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Pipeline;
using Summarizer.Pipeline.AzureOpenAI;

namespace Summarizer.Cli.Commands;

/// <summary>For ops after a deployment: one real request to the configured model, and what came back.</summary>
internal static class CheckOpenAICommand
{
    private const string SeedResource = "seed-article.txt";

    public static Command Create()
    {
        var article = new Option<FileInfo?>("--article") { Description = "The article to send (default: the seed article)." };
        var command = new Command("check-openai",
            "Send one article to the configured Azure OpenAI (or OpenAI-compatible) endpoint and report whether the schema was accepted, latency, tokens, cost and the four lists.")
        {
            article,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(article) is { Exists: false } missing)
            {
                await Console.Error.WriteLineAsync($"{missing.FullName}: no such file.");
                return 2;
            }
            if (await CliSettings.EngineAsync([.. parse.UnmatchedTokens], AzureOpenAISummaryEngine.EngineName) is not ({ } services, { } engine))
            {
                return 2;
            }
            await using (services)
            {
                var options = services.GetRequiredService<IOptions<SummarizerOptions>>().Value.AzureOpenAI;
                Console.WriteLine($"Endpoint:   {options.Endpoint} (deployment {options.Deployment}; {SignIn(options)})");
                var (content, name) = parse.GetValue(article) is { } file
                    ? (await File.ReadAllBytesAsync(file.FullName, cancellationToken), file.Name)
                    : (Seed(), "the seed article");
                Console.WriteLine($"Article:    {name} ({content.Length:N0} bytes)");
                try
                {
                    var summary = await new OfflineSummarizer(engine).SummarizeAsync(content, name, "text/plain", DateTimeOffset.UtcNow, cancellationToken);
                    Report(summary);
                    return 0;
                }
                catch (SummaryEngineException ex)
                {
                    await Console.Error.WriteLineAsync($"Not accepted: {ex.Message}");
                    return 1;
                }
                catch (ArticleRejectedException ex)
                {
                    await Console.Error.WriteLineAsync($"{name}: {ex.Message}");
                    return 2;
                }
            }
        });
        return command;
    }

    private static string SignIn(AzureOpenAIOptions options) => options switch
    {
        { OpenAICompatible: true } => "OpenAI-compatible server, API key",
        { ApiKey.Length: > 0 } => "API key",
        { ClientId.Length: > 0 } => $"managed identity {options.ClientId}",
        _ => "Azure credential: managed identity, or your az login",
    };

    private static void Report(SummaryDocument summary)
    {
        var generator = summary.Generator;
        Console.WriteLine($"Schema:     accepted; a reply in {generator.EngineMilliseconds / 1000:0.00} s ({generator.ModelCalls} call{(generator.ModelCalls == 1 ? "" : "s")})");
        Console.WriteLine($"Tokens:     {generator.PromptTokens:N0} prompt + {generator.CompletionTokens:N0} completion; estimated cost USD {generator.EstimatedCostUsd?.ToString(CultureInfo.InvariantCulture)}");
        Console.WriteLine($"Model:      {generator.Model}");
        Console.WriteLine($"Headline:   {summary.Headline}");
        Section("Actors", summary.Actors, a => $"{a.Name} ({a.Kind.ToString().ToLowerInvariant()}{(a.Role is null ? "" : ", " + a.Role)}; {a.Mentions} mentions)", a => a.Evidence);
        Section("Conditions", summary.Conditions, c => $"{c.Holder}: {c.Text}", c => c.Evidence);
        Section("Venues", summary.Venues, v => $"{v.Name} ({v.Status.ToString().ToLowerInvariant()})", v => v.Evidence);
        Section("Open questions", summary.OpenQuestions, q => q.Question, q => q.Evidence);
        Console.WriteLine($"Dropped:    {generator.DroppedUngrounded} item(s) whose quote is not in the article");
    }

    private static void Section<T>(string title, IReadOnlyList<T> items, Func<T, string> describe, Func<T, Evidence> evidence)
    {
        Console.WriteLine($"{title} ({items.Count})");
        foreach (var item in items)
        {
            Console.WriteLine($"  - {describe(item)}");
            Console.WriteLine($"      \"{evidence(item).Quote}\"");
        }
    }

    private static byte[] Seed()
    {
        using var stream = typeof(CheckOpenAICommand).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException("The seed article is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
