using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Summarizer.Core.Documents;
using Summarizer.Pipeline.Http;

namespace Summarizer.IntegrationTests;

/// <summary>Unit tests (no storage, no server) of the If-None-Match rules of RFC 9110 §13.1.2 and of the answer they choose.</summary>
public sealed class IfNoneMatchTests
{
    private static readonly EntityTagHeaderValue Current = new("\"3f2a9c\"");

    [Theory]
    [InlineData("\"3f2a9c\"")]
    [InlineData("W/\"3f2a9c\"")]
    [InlineData("\"0000\", \"3f2a9c\"")]
    [InlineData("W/\"0000\",W/\"3f2a9c\" ,\"1111\"")]
    [InlineData("*")]
    [InlineData("  \"3f2a9c\"  ")]
    public void A_field_that_names_the_current_tag_matches(string field) =>
        Assert.True(ConditionalJson.Matches(field, Current));

    [Theory]
    [InlineData("\"3f2a9d\"")]
    [InlineData("W/\"3F2A9C\"")]
    [InlineData("\"0000\", \"1111\"")]
    [InlineData("3f2a9c")]
    [InlineData("\"3f2a9c")]
    [InlineData("")]
    [InlineData(",")]
    public void A_field_that_does_not_name_the_current_tag_does_not_match(string field) =>
        Assert.False(ConditionalJson.Matches(field, Current));

    [Fact]
    public void No_field_does_not_match() =>
        Assert.False(ConditionalJson.Matches(StringValues.Empty, Current));

    [Fact]
    public void Several_header_lines_are_one_list() =>
        Assert.True(ConditionalJson.Matches(new StringValues(["\"0000\"", "W/\"3f2a9c\""]), Current));

    [Fact]
    public void The_tag_is_strong_and_quoted_and_comes_from_the_bytes_served()
    {
        var json = ConditionalJson.From(new { id = "harbour", headline = "Harbour repairs" });

        var hex = Convert.ToHexStringLower(SHA256.HashData(json.Body.Span))[..32];
        Assert.Equal($"\"{hex}\"", json.ETag);
        Assert.Equal("{\"id\":\"harbour\",\"headline\":\"Harbour repairs\"}", System.Text.Encoding.UTF8.GetString(json.Body.Span));
    }

    [Fact]
    public void Equal_documents_have_equal_tags_and_any_change_changes_the_tag()
    {
        var one = ConditionalJson.From(new { id = "harbour", mentions = 3 });
        var same = ConditionalJson.From(new { id = "harbour", mentions = 3 });
        var changed = ConditionalJson.From(new { id = "harbour", mentions = 4 });

        Assert.Equal(one.ETag, same.ETag);
        Assert.NotEqual(one.ETag, changed.ETag);
    }

    [Fact]
    public async Task A_matching_request_gets_304_with_the_tag_and_cache_control_and_no_body()
    {
        var json = ConditionalJson.From(new { id = "harbour" });
        var context = NewContext($"W/{json.ETag}");

        await json.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status304NotModified, context.Response.StatusCode);
        Assert.Equal(json.ETag, context.Response.Headers.ETag.ToString());
        Assert.Equal("private, no-cache", context.Response.Headers.CacheControl.ToString());
        Assert.Equal(0, context.Response.Body.Length);
        Assert.Null(context.Response.ContentType);
    }

    [Fact]
    public async Task Any_other_request_gets_200_with_the_bytes()
    {
        var json = ConditionalJson.From(new { id = "harbour" });
        var context = NewContext("\"someone-elses\"");

        await json.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(json.ETag, context.Response.Headers.ETag.ToString());
        Assert.Equal("private, no-cache", context.Response.Headers.CacheControl.ToString());
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.Equal(json.Body.ToArray(), ((MemoryStream)context.Response.Body).ToArray());
    }

    [Fact]
    public void The_document_shape_is_the_one_stored_and_served_before()
    {
        var status = new { Id = "harbour", Kind = ActorKind.Person, Role = (string?)null };

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(status, DocumentJson.Options),
            System.Text.Encoding.UTF8.GetString(ConditionalJson.From(status).Body.Span));
    }

    private static DefaultHttpContext NewContext(string ifNoneMatch)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Headers.IfNoneMatch = ifNoneMatch;
        context.Response.Body = new MemoryStream();
        return context;
    }
}
