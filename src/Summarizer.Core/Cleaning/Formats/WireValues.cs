using System.Globalization;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>The wire fields ninjs and NewsML-G2 share, read the same way for both.</summary>
internal static class WireValues
{
    /// <summary>
    /// The IPTC publishing status (<c>usable</c>, <c>withheld</c>, <c>canceled</c>; NewsML-G2 as <c>stat:…</c> or the
    /// scheme URI) as a <see cref="WireInfo"/> status: withheld means the story may not be used, so it is withdrawn.
    /// Absent means usable (both standards' default); a value neither standard defines is null.
    /// </summary>
    public static string? PubStatus(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return WireInfo.Usable;
        }
        var code = value.Trim();
        var cut = Math.Max(code.LastIndexOf(':'), code.LastIndexOf('/'));
        return code[(cut + 1)..].ToLowerInvariant() switch
        {
            "usable" => WireInfo.Usable,
            "withheld" or "withdrawn" => WireInfo.Withdrawn,
            "canceled" or "cancelled" => WireInfo.Canceled,
            _ => null,
        };
    }

    /// <summary>The item's version as a number, when it is one ("3"); ninjs allows any text, and other text has no order.</summary>
    public static int? Version(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;

    /// <summary>Urgency 1 (most urgent) to 9; anything else is not an urgency either standard defines.</summary>
    public static int? Urgency(int value) => value is >= 1 and <= 9 ? value : null;

    public static int? Urgency(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var urgency) ? Urgency(urgency) : null;

    /// <summary>A value quoted in a reason, cut so a hostile file cannot fill the reason.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : value[..39] + "…";
}
