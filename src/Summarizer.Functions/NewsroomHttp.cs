using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Summarizer.Pipeline.Http;

namespace Summarizer.Functions;

/// <summary>
/// The newsroom page at <c>/api/newsroom/</c>: static files only, so no key is needed to load it; every API call the
/// page makes still needs the function key, which the page asks for when the API answers 401.
/// </summary>
public static class NewsroomHttp
{
    [Function("Newsroom")]
    public static IResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "newsroom/{*path}")] HttpRequest request,
        string? path) =>
        NewsroomPage.Serve(path, request);
}
