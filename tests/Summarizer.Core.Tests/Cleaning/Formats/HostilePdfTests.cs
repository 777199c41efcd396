using System.Text;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Cleaning.Formats;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>Hand-made hostile PDFs: each is refused with a reason, quickly, without taking the process down.</summary>
public sealed class HostilePdfTests
{
    /// <summary>A PDF from its objects, with a correct cross-reference table.</summary>
    private static byte[] Pdf(params string[] objects)
    {
        var text = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(text.ToString());
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) { text.Append($"{offset:D10} 00000 n \n"); }
        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    public static TheoryData<string, byte[]> Hostile => new()
    {
        { "page tree that contains itself", Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>") },
        { "deeply nested arrays", Pdf("<< /Type /Catalog /Pages 2 0 R /X " + new string('[', 100_000) + new string(']', 100_000) + " >>", "<< /Type /Pages /Kids [] /Count 0 >>") },
        { "a page whose content stream refers to itself", Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>") },
        { "a length far beyond the file", Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", "<< /Length 999999999 >>\nstream\nBT ET\nendstream") },
        { "a page count of a billion", Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 1000000000 >>") },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_pdf_is_refused_with_a_reason(string what, byte[] pdf)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ArticleRejectedException>(() => PdfReader.Read(pdf));

        Assert.Matches("^(The PDF|This PDF)", error.Message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"{what}: {started.Elapsed}");
    }
}
