using System.CommandLine;
using Summarizer.Cli.Commands;

var root = new RootCommand("Summarizer: grounded structured summaries of news articles.")
{
    ServeCommand.Create(),
    SummarizeCommand.Create(),
    EvalCommand.Create(),
    CheckOpenAICommand.Create(),
    UploadCommand.Create(),
    BenchCleanCommand.Create(),
    BenchFormatsCommand.Create(),
    StatusCommand.Create(),
    ReplayCommand.Create(),
    TrainCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
