using Microsoft.AspNetCore.Http;

namespace Summarizer.Pipeline.Http;

/// <summary>
/// One kind of error answer: a stable <c>type</c> URI a client can branch on, its HTTP status and title. Every error
/// the API gives is one of these, as <c>application/problem+json</c>; the OpenAPI document lists them all.
/// </summary>
public sealed record ApiProblem(string Kind, int Status, string Title)
{
    public const string TypePrefix = "urn:summarizer:problem:";

    public static readonly ApiProblem BadName = new("bad-name", StatusCodes.Status400BadRequest, "Not a usable article name");
    public static readonly ApiProblem EmptyArticle = new("empty-article", StatusCodes.Status400BadRequest, "The article is empty");
    public static readonly ApiProblem TooLarge = new("too-large", StatusCodes.Status413PayloadTooLarge, "The article is too large");
    public static readonly ApiProblem BadId = new("bad-id", StatusCodes.Status400BadRequest, "Not an article id");
    public static readonly ApiProblem BadQuery = new("bad-query", StatusCodes.Status400BadRequest, "A query parameter is not usable");
    public static readonly ApiProblem BadContinuationToken = new("bad-continuation-token", StatusCodes.Status400BadRequest, "Bad continuation token");
    public static readonly ApiProblem Unauthorized = new("unauthorized", StatusCodes.Status401Unauthorized, "The API key is missing or wrong");
    public static readonly ApiProblem NotFound = new("not-found", StatusCodes.Status404NotFound, "No such article");
    public static readonly ApiProblem NoSuchPage = new("no-such-page", StatusCodes.Status404NotFound, "No such page");
    public static readonly ApiProblem NotSummarized = new("not-summarized", StatusCodes.Status404NotFound, "Not summarized yet");
    public static readonly ApiProblem NoReason = new("no-reason", StatusCodes.Status400BadRequest, "A reason is required");
    public static readonly ApiProblem NoSuchVersion = new("no-such-version", StatusCodes.Status404NotFound, "No such version");
    public static readonly ApiProblem Withdrawn = new("withdrawn", StatusCodes.Status410Gone, "The story was withdrawn");
    public static readonly ApiProblem NotRetryable = new("not-retryable", StatusCodes.Status409Conflict, "A retry cannot help");
    public static readonly ApiProblem StorageUnavailable = new("storage-unavailable", StatusCodes.Status503ServiceUnavailable, "Storage is unavailable");

    public static IReadOnlyList<ApiProblem> All { get; } =
        [BadName, EmptyArticle, TooLarge, BadId, BadQuery, BadContinuationToken, NoReason, Unauthorized, NotFound, NoSuchPage, NotSummarized, NoSuchVersion, Withdrawn, NotRetryable, StorageUnavailable];

    public string Type => TypePrefix + Kind;

    public IResult With(string detail) => Results.Problem(detail: detail, statusCode: Status, title: Title, type: Type);

    /// <summary>The problem with extension members a client can read without parsing the sentence (a withdrawal's reason and time).</summary>
    public IResult With(string detail, IDictionary<string, object?> extensions) =>
        Results.Problem(detail: detail, statusCode: Status, title: Title, type: Type, extensions: extensions);
}
