using System.Text.Json;
using System.Text.Json.Nodes;
using Summarizer.Core;

namespace Summarizer.Functions.Tests;

/// <summary>The generated functions.metadata is what Azure binds: triggers, containers, queue and connection must match the shared names.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))
        .RootElement.EnumerateArray().ToArray();

    private static JsonElement Trigger(string function) =>
        Functions.Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void CleanArticle_is_an_event_grid_blob_trigger_on_the_articles_container()
    {
        var trigger = Trigger("CleanArticle");

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(PipelineNames.ArticleBlobPath, trigger.GetProperty("path").GetString());
        Assert.Equal("articles/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("ArticleStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void SummarizeArticle_is_a_queue_trigger_on_the_summarize_queue()
    {
        var trigger = Trigger("SummarizeArticle");

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("summarize", trigger.GetProperty("queueName").GetString());
        Assert.Equal("ArticleStorage", trigger.GetProperty("connection").GetString());
    }

    /// <summary>The newsroom page is a web page for people, served beside the API but not part of its contract.</summary>
    private const string NewsroomPage = "Newsroom";

    [Fact]
    public void The_http_functions_serve_exactly_the_documented_api()
    {
        var served = Functions
            .Where(f => f.GetProperty("name").GetString() != NewsroomPage)
            .Select(f => f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)))
            .Where(t => t.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(t => t.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /api/{t.GetProperty("route").GetString()}"));
        var documented = JsonNode.Parse(Summarizer.Pipeline.Http.OpenApiDocument.Utf8.Span)!["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"));

        Assert.Equal(documented.Order(StringComparer.Ordinal), served.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_newsroom_page_is_one_function_serving_every_file_under_the_api()
    {
        var trigger = Trigger(NewsroomPage);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("newsroom/{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    /// <summary>The page's static files hold no data; everything the page shows comes from routes that need the key.</summary>
    [Fact]
    public void Only_the_health_check_the_contract_and_the_newsroom_page_answer_without_a_key()
    {
        var anonymous = Functions
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b =>
                b.GetProperty("type").GetString() == "httpTrigger" && b.GetProperty("authLevel").GetString() != "Function"))
            .Select(f => f.GetProperty("name").GetString())
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Health", NewsroomPage, "OpenApi"], anonymous);
    }

    [Fact]
    public void There_are_no_other_functions()
    {
        Assert.Equal(
            ["CleanArticle", "GetArticle", "GetCleanedArticle", "GetSummary", "Health", "ListArticleVersions", "ListArticles", "ListSummaries", "Newsroom", "OpenApi", "RetryArticle", "SummarizeArticle", "UploadArticle", "WithdrawArticle"],
            Functions.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }
}
