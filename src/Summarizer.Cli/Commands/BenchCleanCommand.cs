using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Summarizer.Core.Cleaning;

namespace Summarizer.Cli.Commands;

/// <summary>
/// Runs the cleaner over a folder of saved pages and writes <c>{ID: {"articleBody": …}}</c>, the article-extraction
/// benchmark's format, with throughput measured over gunzip + decode + parse + extract (reading files excluded).
/// </summary>
internal static class BenchCleanCommand
{
    // Warm-up passes over the whole folder before timing: the JIT promotes hot methods to optimised code only after
    // they have run a while, and 20 pages left most of the cleaner unoptimised (steady state is ~2× faster).
    private const int WarmUpPasses = 2;

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "A folder of ID.html.gz or ID.html pages (or with such pages in its html/ subfolder)." };
        var output = new Option<FileInfo>("--out") { Required = true, Description = "The JSON file to write." };
        var warmUp = new Option<int>("--warm-up-passes") { DefaultValueFactory = _ => WarmUpPasses, Description = "Untimed passes over the folder before the timed one (0: measure a cold start)." };
        var command = new Command("bench-clean", "Clean every page of a folder, write the article bodies as JSON, report pages/s and peak memory.") { folder, output, warmUp };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dir = parse.GetValue(folder)!;
            var html = new DirectoryInfo(Path.Combine(dir.FullName, "html"));
            var source = html.Exists ? html : dir;
            var files = source.GetFiles("*.html*").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                await Console.Error.WriteLineAsync($"{source.FullName}: no .html or .html.gz pages.");
                return 1;
            }
            var pages = new List<(string Id, byte[] Bytes, bool Gzipped)>();
            foreach (var file in files)
            {
                var gzipped = file.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
                var id = file.Name[..file.Name.IndexOf(".html", StringComparison.OrdinalIgnoreCase)];
                pages.Add((id, await File.ReadAllBytesAsync(file.FullName, cancellationToken), gzipped));
            }

            var cleaner = new ArticleCleaner();
            for (var pass = 0; pass < parse.GetValue(warmUp); pass++)
            {
                foreach (var page in pages)
                {
                    Clean(cleaner, page.Id, page.Bytes, page.Gzipped);
                }
            }

            var bodies = new Dictionary<string, object>(pages.Count);
            var rejected = 0;
            var slowest = (Id: "", Milliseconds: 0.0);
            var total = Stopwatch.StartNew();
            foreach (var page in pages)
            {
                var started = Stopwatch.GetTimestamp();
                var body = Clean(cleaner, page.Id, page.Bytes, page.Gzipped);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (elapsed > slowest.Milliseconds)
                {
                    slowest = (page.Id, elapsed);
                }
                rejected += body is null ? 1 : 0;
                bodies[page.Id] = new { articleBody = body ?? string.Empty };
            }
            total.Stop();

            var target = parse.GetValue(output)!;
            target.Directory?.Create();
            await File.WriteAllTextAsync(target.FullName, JsonSerializer.Serialize(bodies), cancellationToken);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"{pages.Count} pages in {total.Elapsed.TotalSeconds:0.00} s: {pages.Count / total.Elapsed.TotalSeconds:0.0} pages/s; " +
                $"slowest {slowest.Milliseconds:0} ms ({slowest.Id}); rejected {rejected}; peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
            Console.WriteLine($"Wrote {target.FullName}");
            return 0;
        });
        return command;
    }

    private static string? Clean(ArticleCleaner cleaner, string id, byte[] bytes, bool gzipped)
    {
        try
        {
            var content = gzipped ? Gunzip(bytes) : bytes;
            return cleaner.Clean(content, id, "text/html").Text;
        }
        catch (ArticleRejectedException)
        {
            return null;
        }
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream(bytes.Length * 4);
        input.CopyTo(output);
        return output.ToArray();
    }
}
