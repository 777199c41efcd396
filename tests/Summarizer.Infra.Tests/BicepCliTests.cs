using System.Text.Json;

namespace Summarizer.Infra.Tests;

/// <summary>The templates compile and lint clean with the Bicep CLI from NuGet (offline, the same version everywhere).</summary>
public sealed class BicepCliTests
{
    [Fact]
    public async Task Bicep_builds_main_bicep_without_errors_or_warnings()
    {
        var result = await Bicep.RunAsync("build", Bicep.MainTemplate, "--stdout");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal("", result.Errors.Trim());
        // azd deploys main.bicep at subscription scope: it creates the resource group.
        Assert.Contains("subscriptionDeploymentTemplate.json", JsonDocument.Parse(result.Output).RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bicep_lint_finds_nothing_in_main_bicep_and_its_modules()
    {
        var result = await Bicep.RunAsync("lint", Bicep.MainTemplate);

        Assert.True(result.ExitCode == 0, result.Errors + result.Output);
        Assert.Equal("", (result.Errors + result.Output).Trim());
    }

    [Fact]
    public async Task The_parameters_file_sets_only_parameters_that_main_bicep_declares()
    {
        var template = await CompiledTemplate.LoadAsync();
        var declared = template.Root.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json")));

        var set = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Contains("environmentName", set);
        Assert.Contains("location", set);
        Assert.All(set, name => Assert.Contains(name, declared));
    }
}
