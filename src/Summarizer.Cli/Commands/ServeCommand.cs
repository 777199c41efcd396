using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Summarizer.Cli.Hosting;
using Summarizer.Core;
using Summarizer.Core.Documents;
using Summarizer.Pipeline.Stages;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Cli.Commands;

internal static class ServeCommand
{
    private const int AzuriteBlobPort = 10000;
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var upload = new Option<DirectoryInfo?>("--upload") { Description = "Upload every file of this folder once the pipeline runs, and print where each summary is." };
        var command = new Command("serve", "Run the whole pipeline locally: triggers, HTTP API on http://localhost:7071, and Azurite when development storage is configured.") { upload };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = parse.UnmatchedTokens.ToArray();
            if (parse.GetValue(upload) is { Exists: false } missing)
            {
                await Console.Error.WriteLineAsync($"{missing.FullName}: no such folder.");
                return 1;
            }
            await using var azurite = await StartAzuriteIfNeededAsync(args, cancellationToken);
            var overrides = azurite is null ? null : new Dictionary<string, string?> { [PipelineNames.StorageConnection] = azurite.ConnectionString };
            await using var app = LocalHost.Build(args, overrides);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:7071";
            Console.WriteLine($"Summarizer is running at {address}/api (Ctrl+C to stop).");

            if (parse.GetValue(upload) is { } folder)
            {
                await UploadAndReportAsync(app.Services, folder, address, cancellationToken);
            }
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Development storage with nothing listening: run Azurite from the repository, data kept in <c>.azurite/</c>.</summary>
    private static async Task<Azurite?> StartAzuriteIfNeededAsync(string[] args, CancellationToken cancellationToken)
    {
        var configuration = CliSettings.Build(args);
        if (!Azurite.IsDevelopmentStorage(configuration[PipelineNames.StorageConnection]) || Azurite.IsListening(AzuriteBlobPort))
        {
            return null;
        }
        var root = Azurite.FindRepositoryRoot();
        Console.WriteLine("Starting Azurite on ports 10000-10002 (data in .azurite/)…");
        return await Azurite.StartAsync(AzuriteBlobPort, AzuriteBlobPort + 1, AzuriteBlobPort + 2, Path.Combine(root, ".azurite"), Console.Error.WriteLine, cancellationToken);
    }

    /// <summary>Uploads each file, then waits for each article to be summarised or fail.</summary>
    private static async Task UploadAndReportAsync(IServiceProvider services, DirectoryInfo folder, string address, CancellationToken cancellationToken)
    {
        var uploads = services.GetRequiredService<UploadStage>();
        var statuses = services.GetRequiredService<ArticleStatusStore>();
        var files = folder.GetFiles().Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var started = Stopwatch.StartNew();
        var pending = new Dictionary<string, string>();
        foreach (var file in files)
        {
            await using var content = file.OpenRead();
            var receipt = await uploads.RunAsync(file.Name, content, UploadCommand.ContentTypeOf(file), cancellationToken);
            pending[receipt.Id] = file.Name;
        }
        Console.WriteLine($"Uploaded {files.Count} articles from {folder.FullName}.");

        while (pending.Count > 0 && started.Elapsed < SeedTimeout)
        {
            foreach (var (id, name) in pending.ToList())
            {
                var status = await statuses.GetAsync(id, cancellationToken);
                if (status?.Status == ArticleState.Summarized)
                {
                    Console.WriteLine($"  {address}/api/summaries/{id}   ({started.Elapsed.TotalSeconds:0.0} s)");
                    pending.Remove(id);
                }
                else if (status?.Status == ArticleState.Failed)
                {
                    Console.WriteLine($"  {name}: failed at {status.Stage}: {status.Reason}");
                    pending.Remove(id);
                }
            }
            await Task.Delay(200, cancellationToken);
        }
        foreach (var name in pending.Values)
        {
            Console.WriteLine($"  {name}: not summarised within {SeedTimeout.TotalSeconds:0} s; see {address}/api/articles/{ArticleId.FromBlobName(name)}");
        }
    }
}
