using System.Text;
using Summarizer.Core.Cleaning;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests;

public sealed class CleaningDecodingTests
{
    private const string Story = "The café owner said “we will stay open” — and that’s final for the whole harbour.";

    static CleaningDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_without_a_byte_order_mark_is_decoded_as_utf8()
    {
        var article = Clean(Encoding.UTF8.GetBytes(Story));

        Assert.Equal("utf-8", article.Encoding);
        Assert.Equal(Story, article.Text);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_decoded_and_the_mark_is_dropped()
    {
        var article = Clean([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Story)]);

        Assert.Equal("utf-8", article.Encoding);
        Assert.Equal(Story, article.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_decoded_in_either_byte_order(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var article = Clean([.. encoding.GetPreamble(), .. encoding.GetBytes(Story)]);

        Assert.StartsWith("utf-16", article.Encoding, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Story, article.Text);
    }

    [Fact]
    public void Utf32_with_a_byte_order_mark_is_decoded()
    {
        var encoding = new UTF32Encoding(bigEndian: false, byteOrderMark: true);

        var article = Clean([.. encoding.GetPreamble(), .. encoding.GetBytes(Story)]);

        Assert.Equal(Story, article.Text);
    }

    [Fact]
    public void Windows_1252_bytes_keep_accents_and_curly_quotes()
    {
        // "caf\xE9", \x93 \x94 curly double quotes, \x92 curly apostrophe, \x97 em dash: typical Word-exported text.
        byte[] bytes = [.. "The caf"u8, 0xE9, .. " owner said "u8, 0x93, .. "we will stay open"u8, 0x94, .. " "u8, 0x97,
            .. " and that"u8, 0x92, .. "s final for the whole harbour."u8];

        var article = Clean(bytes);

        Assert.Equal("windows-1252", article.Encoding);
        Assert.Equal(Story, article.Text);
    }

    [Fact]
    public void The_charset_declared_in_an_html_meta_tag_decides_the_encoding()
    {
        var greek = Encoding.GetEncoding("iso-8859-7");
        var html = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-7\"><title>Ειδήσεις</title></head>" +
                   "<body><p>Η δημοτική επιτροπή ψήφισε την Τρίτη την επισκευή της παλιάς γέφυρας του λιμανιού.</p></body></html>";

        var article = Clean(greek.GetBytes(html));

        Assert.Equal("iso-8859-7", article.Encoding);
        Assert.Contains("Η δημοτική επιτροπή ψήφισε την Τρίτη", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meta_charset_of_windows_1252_is_honoured()
    {
        byte[] bytes = [.. "<html><head><meta charset=\"windows-1252\"></head><body><p>The caf"u8, 0xE9,
            .. " on the quay reopened on Monday after the council approved its new licence.</p></body></html>"u8];

        var article = Clean(bytes);

        Assert.Equal("windows-1252", article.Encoding);
        Assert.Contains("café on the quay", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_wins_over_a_stale_single_byte_declaration()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>The café on the quay reopened on Monday after the council approved its new licence.</p></body></html>";

        var article = Clean(Encoding.UTF8.GetBytes(html));

        Assert.Equal("utf-8", article.Encoding);
        Assert.Contains("The café on the quay", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_declaration_over_bytes_that_are_not_utf8_falls_back_to_detection()
    {
        byte[] bytes = [.. "The caf"u8, 0xE9, .. " on the quay reopened on Monday after the council approved its new licence."u8];

        var article = Clean(bytes, "text/plain; charset=utf-8");

        Assert.Equal("windows-1252", article.Encoding);
        Assert.StartsWith("The café on the quay", article.Text, StringComparison.Ordinal);
    }

    // UTF-8 text (curly quotes, dashes, accents) with stray bytes that are not UTF-8: a file damaged by a bad copy or a
    // concatenation. Decoding it all as Windows-1252 would turn every quote into "â€œ" mojibake.
    private static byte[] DamagedUtf8(int strayBytes)
    {
        var sentence = Encoding.UTF8.GetBytes("The ferry operator said “we will keep sailing” — and that’s final for the harbour this summer. ");
        var bytes = new List<byte>();
        for (var i = 0; i < 8; i++)
        {
            bytes.AddRange(sentence);
            // Spread over the sentences: the 1st, 9th, 17th… stray byte after the first sentence, and so on.
            for (var k = i; k < strayBytes; k += 8) { bytes.AddRange(k % 2 == 0 ? [0xE9, 0x20] : [0xFF, 0x20]); }
        }
        return [.. bytes];
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8", null)]
    [InlineData("text/html", "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><p>")]
    public void Declared_utf8_with_many_invalid_bytes_is_rejected_asking_for_a_utf8_copy(string contentType, string? htmlPrefix)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(htmlPrefix ?? ""), .. DamagedUtf8(strayBytes: 20)];

        var error = Assert.Throws<ArticleRejectedException>(() => Clean(bytes, contentType));

        Assert.Contains("says it is UTF-8 but contains bytes that are not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("save it again as UTF-8", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData(null)]
    public void One_invalid_byte_in_utf8_text_becomes_a_replacement_character_and_is_recorded_not_mojibake(string? contentType)
    {
        var article = Clean(DamagedUtf8(strayBytes: 1), contentType);

        Assert.Equal("utf-8", article.Encoding);
        Assert.Contains("“we will keep sailing” — and that’s final", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("â€", article.Text, StringComparison.Ordinal);
        Assert.Equal(1, article.Text.Count(c => c == '\uFFFD'));
        Assert.Contains(article.Removed, r => r.Reason.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Undeclared_cyrillic_in_windows_1251_is_detected()
    {
        const string text = "Городской совет во вторник проголосовал за ремонт старого разводного моста. " +
            "Работы должны завершиться до начала осеннего расписания паромов, сообщил мэр города журналистам.";

        var article = Clean(Encoding.GetEncoding(1251).GetBytes(text));

        Assert.Equal("windows-1251", article.Encoding);
        Assert.Equal(text, article.Text);
    }

    [Fact]
    public void The_content_type_charset_is_used_when_the_document_declares_none()
    {
        var cyrillic = Encoding.GetEncoding("koi8-r");
        const string text = "Городской совет во вторник проголосовал за ремонт старого моста.";

        var article = Clean(cyrillic.GetBytes(text), "text/plain; charset=koi8-r");

        Assert.Equal("koi8-r", article.Encoding);
        Assert.Equal(text, article.Text);
    }

    [Fact]
    public void Text_is_normalised_to_nfc_but_quotes_and_dashes_stay_as_in_the_source()
    {
        // "e" + combining acute accent composes to "é"; NFKC would also have flattened the ellipsis and the dashes.
        var article = Clean("The cafe\u0301 owner said \u201Cyes\u201D \u2014 twice\u2026 and it\u2019s final for the 2\u20133 year lease.");

        Assert.Equal("The café owner said “yes” — twice… and it’s final for the 2–3 year lease.", article.Text);
    }

    [Fact]
    public void Line_endings_and_odd_spaces_become_plain_single_spaces()
    {
        var article = Clean("The council\u00A0\u00A0voted on\u2009Tuesday to repair\tthe bridge.\r\n\r\nThe mayor   welcomed the decision on Wednesday.\r\n");

        Assert.Equal(["The council voted on Tuesday to repair the bridge.", "The mayor welcomed the decision on Wednesday."], article.Paragraphs);
        Assert.Equal("The council voted on Tuesday to repair the bridge.\n\nThe mayor welcomed the decision on Wednesday.", article.Text);
    }

    [Fact]
    public void A_byte_order_mark_beats_a_conflicting_meta_charset()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body><p>The café on the quay reopened on Monday after the council approved its new licence.</p></body></html>";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(html)];

        var article = Clean(bytes);

        Assert.Equal("utf-8", article.Encoding);
        Assert.Contains("The café on the quay", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_equiv_windows_1252_page_keeps_its_curly_quotes_and_dashes()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>"
            + "<body><p>The mayor said the café’s licence was “long overdue” — and that the quay would reopen on Monday.</p></body></html>";

        var article = Clean(Encoding.GetEncoding(1252).GetBytes(html));

        Assert.Equal("windows-1252", article.Encoding);
        Assert.Contains("the café’s licence was “long overdue” — and", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_utf16_html_page_with_a_byte_order_mark_is_decoded_and_cleaned_as_html(bool bigEndian)
    {
        var html = "<!doctype html><html><head><meta charset=\"utf-16\"><title>Ειδήσεις</title></head><body><article>"
            + "<p>Η δημοτική επιτροπή ψήφισε την Τρίτη την επισκευή της παλιάς γέφυρας του λιμανιού, μετά από δύο χρόνια διαφωνιών.</p></article></body></html>";
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(html)];

        var article = Clean(bytes);

        Assert.Equal("html", article.Format);
        Assert.StartsWith("utf-16", article.Encoding, StringComparison.Ordinal);
        Assert.Contains("Η δημοτική επιτροπή ψήφισε την Τρίτη", article.Text, StringComparison.Ordinal);
    }
}
