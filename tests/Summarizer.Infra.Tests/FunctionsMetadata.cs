using System.Text.Json;

namespace Summarizer.Infra.Tests;

/// <summary>The trigger bindings the Functions build generated (functions.metadata), as Azure reads them.</summary>
internal static class FunctionsMetadata
{
    private static readonly JsonElement[] Functions = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))
        .RootElement.EnumerateArray().Select(f => f.Clone()).ToArray();

    /// <summary>(function name, trigger binding) of every function.</summary>
    public static IEnumerable<(string Function, JsonElement Trigger)> Triggers() =>
        Functions.Select(f => (
            f.GetProperty("name").GetString()!,
            f.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))));

    public static IEnumerable<(string Function, JsonElement Trigger)> TriggersOfType(string type) =>
        Triggers().Where(t => t.Trigger.GetProperty("type").GetString() == type);
}
