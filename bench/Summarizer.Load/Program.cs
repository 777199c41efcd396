using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Summarizer.Load;

// A load benchmark of a running local host (summarizer serve). Run by hand; see README "Load benchmark".
var root = new RootCommand("Load benchmark of a running Summarizer host: throughput, memory under large uploads, GET req/s.")
{
    ThroughputCommand(),
    MemoryCommand(),
    GetCommand(),
    SampleCommand(),
};
return await root.Parse(args).InvokeAsync();

static Option<Uri> UrlOption() => new("--url")
{
    Description = "The host's base address (loopback only).",
    DefaultValueFactory = _ => new Uri("http://localhost:7071/"),
    CustomParser = result =>
    {
        var text = result.Tokens.Count == 0 ? "http://localhost:7071" : result.Tokens[0].Value;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            result.AddError($"--url {text}: not an http(s) address.");
            return null;
        }
        if (!Http.IsLoopback(url))
        {
            result.AddError($"--url {text}: this benchmark only loads a host on this machine (localhost, 127.0.0.1, [::1]).");
            return null;
        }
        return url;
    },
};

static Option<TimeSpan> PollOption() => Units.DurationOption("--poll", "How often each pending article's status is asked for.", TimeSpan.FromMilliseconds(200));

static string NewRunId() => $"{DateTime.UtcNow:MMdd-HHmmss}-{Random.Shared.Next(0x1000, 0xFFFF):x4}";

static Command ThroughputCommand()
{
    var url = UrlOption();
    var articles = Units.CountOption("--articles", "How many distinct synthetic articles to upload.", 20, 100_000);
    var concurrency = Units.CountOption("--concurrency", "At most this many articles in flight (posted, not yet summarized or failed).", 16, 1_000);
    var timeout = Units.DurationOption("--timeout", "The whole run's time limit; articles not done by then count as timed out.", TimeSpan.FromSeconds(300));
    var poll = PollOption();
    var command = new Command("throughput", "Upload N distinct articles and time each one from its 202 to summarized or failed.") { url, articles, concurrency, timeout, poll };
    command.SetAction(async (parse, cancellationToken) =>
    {
        var (count, parallel) = (parse.GetValue(articles), parse.GetValue(concurrency));
        var run = NewRunId();
        var generator = new ArticleGenerator(run);
        using var http = Http.Create(parse.GetValue(url)!, parallel, TimeSpan.FromSeconds(60));
        var errors = new HttpErrors();
        Console.WriteLine($"throughput: {count} articles, concurrency {parallel}, run {run}, host {http.BaseAddress}");
        var names = Enumerable.Range(0, count).Select(i => $"load-{run}-{i}.txt").ToList();
        var result = await new ArticleRun(http, errors, parse.GetValue(poll)).RunAsync(
            names, i => Encoding.UTF8.GetBytes(generator.Article(i)), parallel, parse.GetValue(timeout), cancellationToken);
        PrintOutcomes(result, errors, parse.GetValue(poll));
        return result.AllSummarized && !result.TimedOut ? 0 : 1;
    });
    return command;
}

static Command MemoryCommand()
{
    var url = UrlOption();
    var pid = new Option<int>("--host-pid") { Description = "The host process (the summarizer binary, not 'dotnet run'): its /proc/PID/status is sampled.", Required = true };
    var uploads = Units.CountOption("--uploads", "How many large articles to upload at once.", 20, 200);
    var size = Units.SizeOption("--size", "Bytes per upload: 5MB = 5,000,000, just under the default 5 MiB limit.", 5_000_000);
    var concurrency = Units.CountOption("--concurrency", "At most this many uploads in flight.", 20, 200);
    var timeout = Units.DurationOption("--timeout", "Time limit for all uploads to be summarized or failed.", TimeSpan.FromSeconds(300));
    var settle = Units.DurationOption("--settle", "Idle time after the last article is done before the settled RSS is read.", TimeSpan.FromSeconds(5));
    var limit = Units.SizeOption("--max-rss", "Exit 1 if the host's peak RSS during the run exceeds this.", 500_000_000);
    var poll = PollOption();
    var command = new Command("memory", "Upload large articles concurrently while sampling the host's VmRSS and VmHWM every 100 ms.")
        { url, pid, uploads, size, concurrency, timeout, settle, limit, poll };
    command.SetAction(async (parse, cancellationToken) =>
    {
        var hostPid = parse.GetValue(pid);
        if (MemorySampler.Read(hostPid) is not { } before)
        {
            await Console.Error.WriteLineAsync($"No process {hostPid} (/proc/{hostPid}/status cannot be read).");
            return 2;
        }
        var (count, bytes, parallel) = (parse.GetValue(uploads), (int)Math.Min(parse.GetValue(size), int.MaxValue), parse.GetValue(concurrency));
        var run = NewRunId();
        var generator = new ArticleGenerator(run);
        Console.WriteLine($"memory: {count} uploads of {bytes:N0} bytes, concurrency {parallel}, run {run}, host pid {hostPid}");
        var bodies = Enumerable.Range(0, count).Select(i => generator.LargeArticle(i, bytes)).ToArray();

        using var http = Http.Create(parse.GetValue(url)!, parallel, TimeSpan.FromMinutes(2));
        var errors = new HttpErrors();
        var names = Enumerable.Range(0, count).Select(i => $"load-mem-{run}-{i}.txt").ToList();
        var clock = Stopwatch.StartNew();
        RunResult result;
        MemoryReading? done, settled;
        long peak;
        TimeSpan peakAt;
        string timeline;
        await using (var sampler = new MemorySampler(hostPid, TimeSpan.FromMilliseconds(100), clock))
        {
            result = await new ArticleRun(http, errors, parse.GetValue(poll)).RunAsync(names, i => bodies[i], parallel, parse.GetValue(timeout), cancellationToken);
            done = MemorySampler.Read(hostPid);
            await Task.Delay(parse.GetValue(settle), cancellationToken);
            settled = MemorySampler.Read(hostPid);
            (peak, peakAt, timeline) = (sampler.PeakRssBytes, sampler.PeakAt, sampler.Describe(TimeSpan.FromSeconds(2)));
        }

        PrintOutcomes(result, errors, parse.GetValue(poll));
        // VmHWM is the kernel's own peak since the host started: if it rose during the run, that is the run's true peak.
        var hwmAfter = settled?.HwmBytes ?? done?.HwmBytes ?? before.HwmBytes;
        var truePeak = hwmAfter > before.HwmBytes ? Math.Max(peak, hwmAfter) : peak;
        Console.WriteLine($"  RSS before       {Units.Megabytes(before.RssBytes)}");
        Console.WriteLine($"  peak RSS         {Units.Megabytes(peak)} (sampled every 100 ms; at {peakAt.TotalSeconds:0.0} s)");
        Console.WriteLine($"  VmHWM            {Units.Megabytes(before.HwmBytes)} before, {Units.Megabytes(hwmAfter)} after (kernel peak since host start)");
        Console.WriteLine($"  RSS at done      {(done is { } d ? Units.Megabytes(d.RssBytes) : "host gone")}");
        Console.WriteLine($"  RSS settled      {(settled is { } s ? Units.Megabytes(s.RssBytes) : "host gone")} ({parse.GetValue(settle).TotalSeconds:0} s idle after the last article)");
        Console.WriteLine($"  RSS timeline     (MB, highest of each 2 s) {timeline}");
        var within = truePeak <= parse.GetValue(limit);
        Console.WriteLine($"  peak vs limit    {Units.Megabytes(truePeak)} {(within ? "<=" : ">")} {Units.Megabytes(parse.GetValue(limit))}: {(within ? "within" : "OVER")}");
        return result.AllSummarized && !result.TimedOut && within ? 0 : 1;
    });
    return command;
}

static Command GetCommand()
{
    var url = UrlOption();
    var id = new Option<string?>("--id") { Description = "The summary to fetch; default: the newest one (GET /api/summaries?pageSize=1)." };
    var path = new Option<string?>("--path") { Description = "Hammer this path instead of a summary, e.g. api/health (Kestrel's floor) or api/articles/ID." };
    var revalidate = new Option<bool>("--revalidate") { Description = "Send the first answer's ETag back in If-None-Match: every answer should be 304." };
    var seconds = Units.CountOption("--seconds", "How long to send requests.", 10, 600);
    var connections = Units.CountOption("--connections", "Concurrent connections, each sending its next request once the last is answered.", 32, 1_024);
    var command = new Command("get", "Hammer GET /api/summaries/{id} (or --path) for a bounded time (a wrk substitute): req/s and latency.")
        { url, id, path, revalidate, seconds, connections };
    command.SetAction(async (parse, cancellationToken) =>
    {
        var parallel = parse.GetValue(connections);
        using var http = Http.Create(parse.GetValue(url)!, parallel, TimeSpan.FromSeconds(30));
        var target = parse.GetValue(path)?.TrimStart('/');
        if (target is null)
        {
            var summaryId = parse.GetValue(id) ?? await NewestSummaryAsync(http, cancellationToken);
            if (summaryId is null)
            {
                await Console.Error.WriteLineAsync("No summary yet: run 'throughput' first, or give --id.");
                return 2;
            }
            target = $"api/summaries/{Uri.EscapeDataString(summaryId)}";
        }
        string? etag;
        using (var warmUp = await http.GetAsync(target, cancellationToken))
        {
            if (warmUp.StatusCode != HttpStatusCode.OK)
            {
                await Console.Error.WriteLineAsync($"GET /{target} answered {(int)warmUp.StatusCode}: {await warmUp.Content.ReadAsStringAsync(cancellationToken)}");
                return 2;
            }
            etag = warmUp.Headers.ETag?.ToString();
        }
        if (parse.GetValue(revalidate) && etag is null)
        {
            await Console.Error.WriteLineAsync($"GET /{target} answered without an ETag: nothing to revalidate.");
            return 2;
        }
        var ifNoneMatch = parse.GetValue(revalidate) ? etag : null;
        var expected = ifNoneMatch is null ? 200 : 304;
        Console.WriteLine($"get: GET /{target}{(ifNoneMatch is null ? "" : $" (If-None-Match: {ifNoneMatch})")}, {parallel} connections, {parse.GetValue(seconds)} s");
        var result = await new GetRun(http, ifNoneMatch).RunAsync(target, parallel, TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
        Console.WriteLine($"  requests         {result.Requests:N0} ({result.Ok:N0} × {expected})");
        Console.WriteLine($"  req/s            {result.Requests / result.Elapsed.TotalSeconds:N0}");
        Console.WriteLine($"  latency          {result.Latency}");
        Console.WriteLine($"  transfer         {Units.Megabytes((long)(result.Bytes / result.Elapsed.TotalSeconds))}/s ({result.Bytes / Math.Max(1, result.Requests):N0} bytes per answer)");
        Console.WriteLine($"  HTTP errors      {result.Errors}");
        return result.Errors.Total == 0 ? 0 : 1;
    });
    return command;
}

static Command SampleCommand()
{
    var index = new Option<int>("--index") { Description = "Which article of the run." };
    var run = new Option<string>("--run") { Description = "The run id the articles are generated for.", DefaultValueFactory = _ => "sample" };
    var command = new Command("sample", "Print one generated article: what 'throughput' uploads.") { index, run };
    command.SetAction(parse => Console.Write(new ArticleGenerator(parse.GetValue(run)!).Article(parse.GetValue(index))));
    return command;
}

static async Task<string?> NewestSummaryAsync(HttpClient http, CancellationToken cancellationToken)
{
    using var response = await http.GetAsync("api/summaries?pageSize=1", cancellationToken);
    if (!response.IsSuccessStatusCode)
    {
        return null;
    }
    using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    return page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).FirstOrDefault();
}

static void PrintOutcomes(RunResult result, HttpErrors errors, TimeSpan poll)
{
    var articles = result.Articles;
    var completed = result.Completed;
    Console.WriteLine($"  posted           {articles.Count(a => a.AcceptedAt is not null)} accepted (202) of {articles.Count}");
    Console.WriteLine($"  summarized       {result.Count(ArticleResult.Summarized)}");
    Console.WriteLine($"  failed           {result.Count(ArticleResult.Failed)} in the pipeline, {result.Count(ArticleResult.PostFailed)} at upload");
    foreach (var failure in articles.Where(a => a.Result is ArticleResult.Failed or ArticleResult.PostFailed).Take(5))
    {
        Console.WriteLine($"                   {failure.Name}: {failure.Reason}");
    }
    if (result.TimedOut)
    {
        Console.WriteLine($"  timed out        {result.Count(ArticleResult.Pending)} still pending, {result.Count(ArticleResult.NotPosted)} never posted");
    }
    Console.WriteLine($"  wall time        {result.Wall.TotalSeconds:0.00} s (first POST to last completion)");
    Console.WriteLine($"  articles/s       {(result.Wall > TimeSpan.Zero ? completed / result.Wall.TotalSeconds : 0):0.00} ({completed} completed)");
    Console.WriteLine($"  POST → 202       {LatencyStats.From(articles.Where(a => a.AcceptedAt is not null).Select(a => a.AcceptedAt!.Value - a.PostedAt!.Value))}");
    Console.WriteLine($"  202 → done       {LatencyStats.From(articles.Where(a => a.UploadToDone is not null).Select(a => a.UploadToDone!.Value))} (polled every {poll.TotalMilliseconds:0} ms)");
    Console.WriteLine($"  host receivedAt→done {LatencyStats.From(articles.Where(a => a.ServerLatency is not null).Select(a => a.ServerLatency!.Value))} (host timestamps)");
    Console.WriteLine($"  HTTP errors      {errors}");
}
