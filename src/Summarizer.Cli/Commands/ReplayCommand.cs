using System.CommandLine;
using Summarizer.Core;
using Summarizer.Pipeline.Operations;

namespace Summarizer.Cli.Commands;

internal static class ReplayCommand
{
    public static Command Create()
    {
        var ids = new Option<string[]>("--id") { Description = "Move only the messages for this article id (repeat for several). Default: every message." };
        var command = new Command("replay",
            $"Move messages from the {PipelineNames.SummarizePoisonQueue} queue back to {PipelineNames.SummarizeQueue}, so the summarize stage tries them again.")
        {
            ids,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync<PoisonQueueReplay>(parse.UnmatchedTokens, async replay =>
        {
            var result = await replay.ReplayAsync(parse.GetValue(ids) ?? [], cancellationToken);
            foreach (var message in result.Moved)
            {
                Console.WriteLine($"Moved {message.Id} (content {message.ContentHash}) to {PipelineNames.SummarizeQueue}.");
            }
            Console.WriteLine($"{result.Moved.Count} message(s) moved; {result.Left} left in {PipelineNames.SummarizePoisonQueue}" +
                (result.Unreadable > 0 ? $" ({result.Unreadable} not summarize messages, left as they are)." : "."));
            foreach (var id in result.NotFound)
            {
                await Console.Error.WriteLineAsync($"{id}: no message for this id in {PipelineNames.SummarizePoisonQueue}.");
            }
            return result.NotFound.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}
