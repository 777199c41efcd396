using System.Diagnostics;

namespace Summarizer.IntegrationTests;

/// <summary>The built <c>summarizer</c> command run as ops run it: a process, its settings in environment variables.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "summarizer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Summarizer__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The settings that point the azure-openai engine at <paramref name="server"/>.</summary>
    public static Dictionary<string, string> Settings(FakeChatServer server) => new()
    {
        ["Summarizer__AzureOpenAI__Endpoint"] = server.Url,
        ["Summarizer__AzureOpenAI__Deployment"] = FakeChatServer.Deployment,
        ["Summarizer__AzureOpenAI__ApiKey"] = FakeChatServer.ApiKey,
        ["Summarizer__AzureOpenAI__RetryDelay"] = "00:00:00.020",
    };
}
