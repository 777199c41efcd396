using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Summarizer.Core.Documents;

namespace Summarizer.Pipeline.Http;

/// <summary>
/// A JSON answer that a client may keep and revalidate: it carries a strong <c>ETag</c> of its exact bytes and
/// <see cref="CacheControlValue"/>; a GET whose <c>If-None-Match</c> matches that tag gets <c>304 Not Modified</c>
/// with the same two headers and no body (RFC 9110 §13.1.2, §15.4.5). Built once, it can be served any number of
/// times: the bytes and the tag are computed when it is made.
/// </summary>
public sealed class ConditionalJson : IResult
{
    /// <summary>
    /// <c>private</c>: in Azure these routes sit behind function keys, so a shared cache must not hand one caller's
    /// answer to another. <c>no-cache</c>: a client may keep the answer but must revalidate before each use, because a
    /// re-uploaded article changes its summary and its status at any moment; revalidating costs a 304 with no body.
    /// </summary>
    public const string CacheControlValue = "private, no-cache";

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>16 bytes of SHA-256: a collision between two versions of one document is out of reach.</summary>
    private const int TagBytes = 16;

    private readonly byte[] _body;
    private readonly EntityTagHeaderValue _parsedTag;

    private ConditionalJson(byte[] body)
    {
        _body = body;
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, TagBytes))}\"";
        _parsedTag = new EntityTagHeaderValue(ETag);
    }

    /// <summary>The strong entity tag, quoted, as sent in the <c>ETag</c> header.</summary>
    public string ETag { get; }

    /// <summary>The answer's bytes: what the tag was computed from.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>Serialises <paramref name="value"/> in the documents' one JSON shape (<see cref="DocumentJson.Options"/>).</summary>
    public static ConditionalJson From<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, DocumentJson.Options));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = CacheControlValue;
        if (Matches(httpContext.Request.Headers.IfNoneMatch, _parsedTag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = _body.Length;
        return response.Body.WriteAsync(_body, httpContext.RequestAborted).AsTask();
    }

    /// <summary>
    /// Whether an <c>If-None-Match</c> field (one or more header lines, each a comma-separated list) names
    /// <paramref name="current"/>: <c>*</c> matches any current representation; otherwise weak comparison, as RFC 9110
    /// requires for If-None-Match, so <c>W/"x"</c> matches <c>"x"</c>. A field that does not parse is ignored (the
    /// full answer is sent), never taken as a match.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, EntityTagHeaderValue current)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
