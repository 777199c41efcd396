using System.IO.Compression;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Cleaning.Formats;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>Hand-made hostile Word packages: refused with a reason, or read, without taking the process down.</summary>
public sealed class HostileDocxTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static byte[] Package(string documentXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }
            Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Entry("word/document.xml", documentXml);
        }
        return stream.ToArray();
    }

    [Fact]
    public void Deeply_nested_elements_are_refused_not_recursed_into()
    {
        const int depth = 200_000;
        var xml = $"""<w:document xmlns:w="{W}"><w:body><w:p>""" + string.Concat(Enumerable.Repeat("<w:hyperlink>", depth))
            + "<w:r><w:t>deep</w:t></w:r>" + string.Concat(Enumerable.Repeat("</w:hyperlink>", depth)) + "</w:p></w:body></w:document>";

        var error = Assert.Throws<ArticleRejectedException>(() => DocxReader.Read(Package(xml)));

        Assert.StartsWith("The Word document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_declaration_is_not_expanded()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>"""
            + $"""<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&g;</w:t></w:r></w:p></w:body></w:document>""";

        var error = Assert.Throws<ArticleRejectedException>(() => DocxReader.Read(Package(xml)));

        Assert.StartsWith("The Word document", error.Message, StringComparison.Ordinal);
    }
}
