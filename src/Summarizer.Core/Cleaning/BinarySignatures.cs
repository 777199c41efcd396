namespace Summarizer.Core.Cleaning;

/// <summary>Magic numbers of file types people upload by mistake instead of an article's text.</summary>
internal static class BinarySignatures
{
    private sealed record Signature(int Offset, byte[] Magic, string Description);

    // Checked in order; the description completes "The upload looks like …".
    private static readonly Signature[] Signatures =
    [
        new(0, "%PDF-"u8.ToArray(), "a PDF document"),
        new(0, [0x50, 0x4B, 0x03, 0x04], "a ZIP archive or an Office document (.docx, .xlsx, .odt)"),
        new(0, [0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        new(0, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office document (.doc, .xls)"),
        new(0, "{\\rtf"u8.ToArray(), "an RTF document"),
        new(0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        new(0, [0xFF, 0xD8, 0xFF], "a JPEG image"),
        new(0, "GIF87a"u8.ToArray(), "a GIF image"),
        new(0, "GIF89a"u8.ToArray(), "a GIF image"),
        new(0, [0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        new(0, [0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
        new(8, "WEBP"u8.ToArray(), "a WebP image"),
        new(8, "WAVE"u8.ToArray(), "a WAV audio file"),
        new(8, "AVI "u8.ToArray(), "an AVI video"),
        new(4, "ftyp"u8.ToArray(), "an MP4/MOV video or audio file"),
        new(0, "ID3"u8.ToArray(), "an MP3 audio file"),
        new(0, "OggS"u8.ToArray(), "an Ogg audio or video file"),
        new(0, [0x1A, 0x45, 0xDF, 0xA3], "a WebM/Matroska video"),
        new(0, [0x1F, 0x8B], "a gzip-compressed file"),
        new(0, "Rar!"u8.ToArray(), "a RAR archive"),
        new(0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        new(0, "BZh"u8.ToArray(), "a bzip2-compressed file"),
        new(0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file"),
        new(0, "SQLite format 3"u8.ToArray(), "an SQLite database"),
        new(0, [0x7F, 0x45, 0x4C, 0x46], "a program (ELF executable)"),
        new(0, "MZ"u8.ToArray(), "a Windows program or library"),
        new(0, "wOFF"u8.ToArray(), "a web font"),
        new(0, "wOF2"u8.ToArray(), "a web font"),
    ];

    /// <summary>What the bytes look like when they start with a known binary signature; otherwise null.</summary>
    public static string? Identify(ReadOnlySpan<byte> content)
    {
        foreach (var signature in Signatures)
        {
            var end = signature.Offset + signature.Magic.Length;
            if (content.Length >= end && content[signature.Offset..end].SequenceEqual(signature.Magic))
            {
                // "MZ" alone is too weak for a text that starts with those letters; a PE file has a NUL soon after.
                if (signature.Description.StartsWith("a Windows", StringComparison.Ordinal) && content[..Math.Min(content.Length, 64)].IndexOf((byte)0) < 0)
                {
                    continue;
                }
                return signature.Description;
            }
        }
        return null;
    }
}
