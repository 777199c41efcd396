using System.Globalization;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace Summarizer.Load;

/// <summary>Durations ("300s", "250ms", "5m", or plain seconds) and sizes ("5MB" = 5,000,000 bytes, "5MiB", "512KB", or plain bytes).</summary>
internal static class Units
{
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        var (number, unit) = Split(text);
        var ok = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0;
        duration = unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "" or "s" => TimeSpan.FromSeconds(value),
            "m" or "min" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.Zero,
        };
        return ok && duration > TimeSpan.Zero;
    }

    public static bool TryParseSize(string text, out long bytes)
    {
        var (number, unit) = Split(text);
        var multiplier = unit switch
        {
            "" or "b" => 1L,
            "kb" => 1_000L,
            "kib" => 1L << 10,
            "mb" => 1_000_000L,
            "mib" => 1L << 20,
            "gb" => 1_000_000_000L,
            _ => 0L,
        };
        var ok = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && multiplier > 0;
        bytes = ok ? (long)(value * multiplier) : 0;
        return ok;
    }

    public static string Megabytes(long bytes) => $"{bytes / 1_000_000.0:0.0} MB";

    public static Option<TimeSpan> DurationOption(string name, string description, TimeSpan defaultValue) =>
        UnitOption(name, description, "duration", defaultValue, TryParseDuration, "a duration (e.g. 300s, 250ms, 5m)");

    public static Option<long> SizeOption(string name, string description, long defaultValue) =>
        UnitOption(name, description, "size", defaultValue, TryParseSize, "a size (e.g. 5MB = 5,000,000 bytes, 5MiB, 4800000)");

    private delegate bool TryParser<T>(string text, out T value);

    /// <summary>An option whose value carries a unit, with a parse error that names the option and shows an example.</summary>
    private static Option<T> UnitOption<T>(string name, string description, string helpName, T defaultValue, TryParser<T> parse, string expected) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }
            if (parse(result.Tokens[0].Value, out var value))
            {
                return value;
            }
            result.AddError($"{name}: '{result.Tokens[0].Value}' is not {expected}.");
            return defaultValue;
        },
    };

    public static Option<int> CountOption(string name, string description, int defaultValue, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > max)
            {
                result.AddError($"{name} must be from 1 to {max}.");
            }
        });
        return option;
    }

    private static (string Number, string Unit) Split(string text)
    {
        text = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }
        return (text[..end], text[end..].Trim().ToLowerInvariant());
    }
}
