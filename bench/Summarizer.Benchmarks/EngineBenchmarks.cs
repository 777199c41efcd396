using BenchmarkDotNet.Attributes;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Benchmarks;

/// <summary>The local engine on the seed article (≈ 550 words), cleaned once beforehand; the target is a median ≤ 2 ms.</summary>
[MemoryDiagnoser]
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

/// <summary>The cleaner from bytes: decode, detect the format, extract, drop furniture.</summary>
[MemoryDiagnoser]
public class CleanerBenchmarks
{
    private readonly ArticleCleaner _cleaner = new();
    private byte[] _text = null!;
    private byte[] _html = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Seeds.Read("000_3facca137411f480.txt");
        _html = Seeds.Read("001_harbour-council.html");
    }

    [Benchmark(Baseline = true)]
    public CleanedArticle PlainText() => _cleaner.Clean(_text, "seed");

    [Benchmark]
    public CleanedArticle HtmlPage() => _cleaner.Clean(_html, "harbour", "text/html");
}

internal static class Seeds
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", name));
}
