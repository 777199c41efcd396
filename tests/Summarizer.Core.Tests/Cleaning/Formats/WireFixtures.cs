using System.Text;
using System.Text.Json;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>
/// A short wire story written for these tests, and ninjs and NewsML-G2 documents carrying it, built from the IPTC
/// specifications (ninjs 1.6 / 2.2 schemas, NewsML-G2 2.x <c>newsItem</c> and <c>newsMessage</c>).
/// </summary>
internal static class WireFixtures
{
    public const string StoryId = "urn:newsml:eldmoor-wire.example:20261126:harbour-ferry";
    public const string Headline = "Harbour ferry repairs to resume after council vote";
    public const string Byline = "By Mara Lindqvist";
    public const string Located = "Port Eldmoor";

    public static readonly string[] Paragraphs =
    [
        "The Port Eldmoor council voted on Thursday to resume repairs on the harbour ferry, three months after the work was halted over a funding dispute with the regional transport authority.",
        "Council leader Tomas Brandt said the repairs would restart next week, provided the authority releases the second payment it promised in the spring.",
        "The ferry carries about 4,000 passengers a day between the harbour and the island of Skerry. Its replacement, a fleet of chartered buses, has added nearly an hour to the journey.",
        "It is not yet clear whether the authority will approve the payment before the end of the month.",
    ];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A JSON string literal (quotes included) for a value.</summary>
    public static string Json(string value) => JsonSerializer.Serialize(value);

    public static string Html(IEnumerable<string> paragraphs) => string.Concat(paragraphs.Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>\n"));

    /// <summary>ninjs 1.x: one <c>headline</c>, <c>byline</c>, <c>located</c>, and the body as <c>body_text</c> or <c>body_html</c>.</summary>
    public static string Ninjs1(string bodyProperty, string body, string pubstatus = "usable", string version = "1") => $$"""
        {
          "$standard": { "name": "ninjs", "version": "1.6", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json" },
          "uri": {{Json(StoryId)}},
          "type": "text",
          "version": {{Json(version)}},
          "versioncreated": "2026-11-26T14:05:00Z",
          "pubstatus": {{Json(pubstatus)}},
          "urgency": 3,
          "language": "en-gb",
          "headline": {{Json(Headline)}},
          "byline": {{Json(Byline)}},
          "located": {{Json(Located)}},
          "slugline": "harbour-ferry",
          {{Json(bodyProperty)}}: {{Json(body)}}
        }
        """;

    /// <summary>ninjs 2.x: <c>headlines</c> and <c>bodies</c> arrays with roles and content types, <c>by</c>.</summary>
    public static string Ninjs2(IEnumerable<string> paragraphs, string headline = Headline, string version = "4") => $$"""
        {
          "standard": { "name": "ninjs", "version": "2.2", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json" },
          "uri": {{Json(StoryId)}},
          "type": "text",
          "version": {{Json(version)}},
          "pubstatus": "usable",
          "urgency": 5,
          "language": "en",
          "headlines": [
            { "role": "short", "value": "Ferry repairs to resume" },
            { "role": "main", "value": {{Json(headline)}} }
          ],
          "by": {{Json(Byline)}},
          "located": {{Json(Located)}},
          "descriptions": [ { "role": "summary", "contenttype": "text/plain", "value": "The council votes to restart the ferry work." } ],
          "bodies": [
            { "role": "main", "contenttype": "text/plain", "value": {{Json(string.Join(" ", paragraphs))}} },
            { "role": "richtext", "contenttype": "application/xhtml+xml", "value": {{Json(Html(paragraphs))}} }
          ]
        }
        """;

    /// <summary>A NewsML-G2 <c>newsItem</c> whose body is XHTML in <c>inlineXML</c>.</summary>
    public static string NewsItem(string pubStatus = "stat:usable", int version = 2, IEnumerable<string>? paragraphs = null, string guid = StoryId, string headline = Headline) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="{version}"
            standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="en-GB">
          <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
          <itemMeta>
            <itemClass qcode="ninat:text"/>
            <provider literal="eldmoor-wire"/>
            <versionCreated>2026-11-26T14:05:00Z</versionCreated>
            <pubStatus qcode="{pubStatus}"/>
          </itemMeta>
          <contentMeta>
            <urgency>4</urgency>
            <located><name>{Located}</name></located>
            <language tag="en-GB"/>
            <slugline>harbour-ferry</slugline>
            <headline>{headline}</headline>
            <dateline>PORT ELDMOOR, Nov 26</dateline>
            <by>{Byline}</by>
          </contentMeta>
          <contentSet>
            <inlineXML contenttype="application/xhtml+xml">
              <html xmlns="http://www.w3.org/1999/xhtml">
                <head><title>{headline}</title></head>
                <body>
                  <h1>{headline}</h1>
        {Html(paragraphs ?? Paragraphs)}
                </body>
              </html>
            </inlineXML>
          </contentSet>
        </newsItem>
        """;

    /// <summary>
    /// A NewsML-G2 <c>newsMessage</c>: a header, then an item set holding a package, a picture item and the text item,
    /// whose body is NITF in <c>inlineXML</c> (its <c>body.head</c> repeats the headline and byline).
    /// </summary>
    public static string NewsMessage() => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
          <header>
            <sent>2026-11-26T14:06:00Z</sent>
            <sender>eldmoor-wire.example</sender>
            <transmitId>eldmoor-wire:20261126:0042</transmitId>
          </header>
          <itemSet>
            <packageItem guid="urn:newsml:eldmoor-wire.example:20261126:harbour-package" version="1" standard="NewsML-G2" standardversion="2.33">
              <itemMeta><itemClass qcode="ninat:composite"/><provider literal="eldmoor-wire"/><pubStatus qcode="stat:usable"/></itemMeta>
            </packageItem>
            <newsItem guid="urn:newsml:eldmoor-wire.example:20261126:harbour-photo" version="1" standard="NewsML-G2" standardversion="2.33">
              <itemMeta><itemClass qcode="ninat:picture"/><provider literal="eldmoor-wire"/><pubStatus qcode="stat:usable"/></itemMeta>
              <contentMeta><headline>The harbour ferry at its mooring</headline></contentMeta>
              <contentSet><remoteContent href="https://eldmoor-wire.example/photos/ferry.jpg" contenttype="image/jpeg"/></contentSet>
            </newsItem>
            <newsItem guid="{StoryId}" version="5" standard="NewsML-G2" standardversion="2.33">
              <itemMeta>
                <itemClass qcode="ninat:text"/>
                <provider literal="eldmoor-wire"/>
                <pubStatus qcode="stat:usable"/>
              </itemMeta>
              <contentMeta>
                <urgency>2</urgency>
                <language tag="en"/>
                <headline>{Headline}</headline>
                <dateline>PORT ELDMOOR, Nov 26</dateline>
                <by>{Byline}</by>
              </contentMeta>
              <contentSet>
                <inlineXML contenttype="application/nitf+xml">
                  <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
                    <body>
                      <body.head>
                        <hedline><hl1>{Headline}</hl1></hedline>
                        <byline>{Byline}</byline>
                      </body.head>
                      <body.content>
        {string.Concat(Paragraphs.Select(p => $"                <p>{System.Net.WebUtility.HtmlEncode(p)}</p>\n"))}
                      </body.content>
                    </body>
                  </nitf>
                </inlineXML>
              </contentSet>
            </newsItem>
          </itemSet>
        </newsMessage>
        """;
}
