using System.CommandLine;
using Spectre.Console;
using Summarizer.Core;
using Summarizer.Pipeline.Operations;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Count the articles in each state and list the failed ones with their stage and reason.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync<PipelineStatusReport>(parse.UnmatchedTokens, async report =>
        {
            var status = await report.ReadAsync(cancellationToken);
            // Tables for a person at a terminal; plain lines when piped, which grep and logs read whole (no wrapping).
            if (Console.IsOutputRedirected)
            {
                WritePlain(status);
            }
            else
            {
                WriteTables(status);
            }
            return 0;
        }));
        return command;
    }

    private static void WritePlain(PipelineStatus status)
    {
        Console.WriteLine($"Articles: {status.Total} ({string.Join(", ", status.Counts.Select(c => $"{Name(c.Key)} {c.Value}"))})");
        if (status.Failed.Count > 0)
        {
            Console.WriteLine("Failed:");
            foreach (var article in status.Failed)
            {
                Console.WriteLine($"  {article.Id} (stage {article.Stage}, {When(article)}): {article.Reason}");
            }
        }
        Console.WriteLine(PoisonLine(status));
    }

    private static void WriteTables(PipelineStatus status)
    {
        var counts = new Table().AddColumn("state").AddColumn(new TableColumn("articles").RightAligned());
        foreach (var (state, count) in status.Counts)
        {
            counts.AddRow(Name(state), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        counts.AddRow("[bold]total[/]", $"[bold]{status.Total}[/]");
        AnsiConsole.Write(counts);
        if (status.Failed.Count > 0)
        {
            var failed = new Table().Title("Failed").AddColumn("id").AddColumn("stage").AddColumn("failed at").AddColumn("reason");
            foreach (var article in status.Failed)
            {
                failed.AddRow(Markup.Escape(article.Id), Markup.Escape(article.Stage), When(article), Markup.Escape(article.Reason ?? ""));
            }
            AnsiConsole.Write(failed);
        }
        AnsiConsole.WriteLine(PoisonLine(status));
    }

    private static string Name(ArticleState state) => state.ToString().ToLowerInvariant();

    private static string When(ArticleStatus article) => (article.FailedAt ?? article.UpdatedAt).ToString("u", System.Globalization.CultureInfo.InvariantCulture);

    private static string PoisonLine(PipelineStatus status) =>
        status.PoisonMessages == 0
            ? $"Queue {PipelineNames.SummarizePoisonQueue}: empty."
            : $"Queue {PipelineNames.SummarizePoisonQueue}: {status.PoisonMessages} message(s); `summarizer replay` moves them back to {PipelineNames.SummarizeQueue}.";
}
