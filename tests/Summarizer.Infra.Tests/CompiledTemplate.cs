using System.Text.Json;
using System.Text.RegularExpressions;

namespace Summarizer.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled to ARM JSON by <c>bicep build</c>, once per test run. Modules are nested deployments:
/// what main.bicep passes to a module is in that deployment's <c>parameters</c>, what the module declares in its <c>template</c>.
/// </summary>
internal sealed partial class CompiledTemplate
{
    private static readonly Lazy<Task<CompiledTemplate>> Main = new(CompileMainAsync);

    private CompiledTemplate(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static Task<CompiledTemplate> LoadAsync() => Main.Value;

    /// <summary>A module call of main.bicep by its deployment name.</summary>
    public JsonElement Module(string deploymentName) =>
        Resources(Root).Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
                                    && r.GetProperty("name").GetString() == deploymentName);

    /// <summary>A parameter value main.bicep passes to a module.</summary>
    public JsonElement ModuleParameter(string deploymentName, string parameter) =>
        Module(deploymentName).GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value");

    /// <summary>The resources of a type that a module declares.</summary>
    public IEnumerable<JsonElement> ModuleResources(string deploymentName, string type) =>
        Resources(ModuleTemplate(deploymentName)).Where(r => r.GetProperty("type").GetString() == type);

    public JsonElement ModuleTemplate(string deploymentName) =>
        Module(deploymentName).GetProperty("properties").GetProperty("template");

    /// <summary>The app settings main.bicep gives the function app: name to value (an ARM expression where the value is computed).</summary>
    public IReadOnlyDictionary<string, string> AppSettings() =>
        ModuleParameter("functions", "appSettings").EnumerateObject()
            .ToDictionary(p => p.Name, p => Resolve(p.Value), StringComparer.Ordinal);

    public string Output(string name) => Resolve(Root.GetProperty("outputs").GetProperty(name).GetProperty("value"));

    /// <summary>A literal string, or <c>[variables('x')]</c> where <c>x</c> is a literal variable of main.bicep; otherwise the expression itself.</summary>
    public string Resolve(JsonElement value)
    {
        var text = value.GetString()!;
        var match = VariableReference().Match(text);
        if (match.Success
            && Root.GetProperty("variables").TryGetProperty(match.Groups[1].Value, out var variable)
            && variable.ValueKind == JsonValueKind.String
            && !IsExpression(variable.GetString()!))
        {
            return variable.GetString()!;
        }

        return text;
    }

    public static bool IsExpression(string value) => value.StartsWith('[') && value.EndsWith(']') && !value.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>The resources of a template, whether it lists them (array) or names them (symbolic names, object).</summary>
    public static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
    }

    private static async Task<CompiledTemplate> CompileMainAsync()
    {
        var result = await Bicep.RunAsync("build", Bicep.MainTemplate, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({result.ExitCode}):\n{result.Errors}");
        }

        return new CompiledTemplate(JsonDocument.Parse(result.Output).RootElement.Clone());
    }

    [GeneratedRegex(@"^\[variables\('([A-Za-z0-9_]+)'\)\]$")]
    private static partial Regex VariableReference();
}
