using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Summarizer.Pipeline.Http;

/// <summary>
/// The newsroom page: static HTML, CSS and JavaScript embedded in this assembly, served by both hosts. Only the
/// embedded files exist (a name is looked up, never joined to a path), so no request can reach anything else.
/// </summary>
public static class NewsroomPage
{
    private const string ResourcePrefix = "newsroom/";
    private const string IndexFile = "index.html";

    /// <summary>
    /// Everything the page needs comes from where it is served: the policy makes the browser refuse anything from
    /// elsewhere (a CDN, a font, an injected script), whichever host serves it.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, PageFile> Files = Load();

    /// <summary>The names of the page's files, each served at the page's own address plus the name.</summary>
    public static IEnumerable<string> FileNames => Files.Keys;

    /// <summary>
    /// Answers a GET for <paramref name="path"/> (a file name; empty for the page itself): the file with a strong
    /// ETag and <c>Cache-Control: no-cache</c> (the browser revalidates every time, so a new version shows at once
    /// and an unchanged one costs a 304), or a 404 problem.
    /// </summary>
    public static IResult Serve(string? path, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(path))
        {
            // The page's relative links need its address to end in '/' (…/api/newsroom → …/api/newsroom/).
            if (!request.Path.HasValue || !request.Path.Value.EndsWith('/'))
            {
                return Results.Redirect($"{request.PathBase}{request.Path}/{request.QueryString}");
            }
            path = IndexFile;
        }
        if (!Files.TryGetValue(path, out var file))
        {
            return ApiProblem.NoSuchPage.With("The newsroom page has no such file. Open the page itself: / on the local host, /api/newsroom/ in Azure.");
        }
        return new FileResult(file);
    }

    private static FrozenDictionary<string, PageFile> Load()
    {
        var assembly = typeof(NewsroomPage).Assembly;
        var files = new Dictionary<string, PageFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"";
            files[name] = new PageFile(content, ContentTypeOf(name), etag);
        }
        if (!files.ContainsKey(IndexFile))
        {
            throw new InvalidOperationException($"The newsroom page's {IndexFile} is not embedded in {assembly.GetName().Name}.");
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        var other => throw new InvalidOperationException($"The newsroom page's file {name} has no known content type ({other})."),
    };

    private sealed record PageFile(byte[] Content, string ContentType, string ETag);

    private sealed class FileResult(PageFile file) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.Headers.ETag = file.ETag;
            response.Headers.CacheControl = "no-cache";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers["Referrer-Policy"] = "no-referrer";
            var ifNoneMatch = httpContext.Request.GetTypedHeaders().IfNoneMatch;
            if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(file.ETag), useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = file.ContentType;
            response.ContentLength = file.Content.Length;
            return response.Body.WriteAsync(file.Content, httpContext.RequestAborted).AsTask();
        }
    }
}
