using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Benchmarks;

/// <summary>
/// The local engine on the seed article (≈ 500 words) and the HTML seed, cleaned once beforehand; the budget is
/// p95 ≤ 50 ms per 600-word article, the target a median ≤ 2 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class EngineBenchmarks
{
    private readonly LocalSummaryEngine _engine = new();
    private CleanedArticle _seed = null!;
    private CleanedArticle _html = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cleaner = new ArticleCleaner();
        _seed = cleaner.Clean(Seeds.Read("000_3facca137411f480.txt"), "seed");
        _html = cleaner.Clean(Seeds.Read("001_harbour-council.html"), "harbour", "text/html");
    }

    [Benchmark(Baseline = true)]
    public SummaryDraft SeedArticle() => _engine.Summarize(_seed);

    [Benchmark]
    public SummaryDraft HtmlArticle() => _engine.Summarize(_html);
}

/// <summary>Adds the 95th percentile to the default columns: the engine's budget is stated at p95.</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P95);
}

/// <summary>The cleaner from bytes: decode, detect the format, extract, drop furniture.</summary>
[MemoryDiagnoser]
public class CleanerBenchmarks
{
    private readonly ArticleCleaner _cleaner = new();
    private byte[] _text = null!;
    private byte[] _html = null!;
    private byte[] _newsPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Seeds.Read("000_3facca137411f480.txt");
        _html = Seeds.Read("001_harbour-council.html");
        _newsPage = GeneratedNewsPage();
    }

    [Benchmark(Baseline = true)]
    public CleanedArticle PlainText() => _cleaner.Clean(_text, "seed");

    [Benchmark]
    public CleanedArticle HtmlPage() => _cleaner.Clean(_html, "harbour", "text/html");

    /// <summary>A ~150 KB page shaped like a real news page: scripts, navigation, a story, related links, comments.</summary>
    [Benchmark]
    public CleanedArticle NewsPageWithFurniture() => _cleaner.Clean(_newsPage, "generated", "text/html");

    private static byte[] GeneratedNewsPage()
    {
        var page = new System.Text.StringBuilder("<!doctype html><html lang=\"en\"><head><title>Bridge repair agreed | Courier</title>");
        for (var i = 0; i < 40; i++)
        {
            page.Append("<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ event: 'view', slot: ").Append(i).Append(" });</script>");
        }
        page.Append("</head><body><header><nav><ul>");
        for (var i = 0; i < 60; i++)
        {
            page.Append("<li><a href=\"/section/").Append(i).Append("\">Section ").Append(i).Append("</a></li>");
        }
        page.Append("</ul></nav></header><main><article><h1>Bridge repair agreed</h1><div class=\"story-body\">");
        for (var i = 0; i < 30; i++)
        {
            page.Append("<p>The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument over whether it should be replaced, ")
                .Append("and officials said work would start in May, paragraph ").Append(i).Append(".</p>");
        }
        page.Append("</div></article><aside class=\"related\"><ul>");
        for (var i = 0; i < 40; i++)
        {
            page.Append("<li><a href=\"/story/").Append(i).Append("\">Another story headline number ").Append(i).Append("</a></li>");
        }
        page.Append("</ul></aside><section id=\"comments\">");
        for (var i = 0; i < 50; i++)
        {
            page.Append("<div class=\"comment\"><p>Reader ").Append(i).Append(" says the repair is long overdue and the council should have acted years ago.</p></div>");
        }
        page.Append("</section></main><footer>All rights reserved</footer></body></html>");
        return System.Text.Encoding.UTF8.GetBytes(page.ToString());
    }
}

internal static class Seeds
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", name));
}
