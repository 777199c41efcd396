using System.Text.Json;
using System.Text.RegularExpressions;

namespace Summarizer.Infra.Tests;

/// <summary>Identity everywhere: no keys or connection strings, storage and services that refuse them, only the roles the app needs.</summary>
public sealed partial class SecureByDefaultTests
{
    // Built-in role definition ids (the same in every tenant).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    private const string EventGridDataSender = "d5a91429-5739-47e2-a06b-3470a27159e7";

    [Fact]
    public async Task No_app_setting_is_a_connection_string_or_a_key()
    {
        var template = await CompiledTemplate.LoadAsync();
        var settings = template.AppSettings();
        var json = template.Root.GetRawText();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("ArticleStorage", settings.Keys);
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Key", StringComparison.OrdinalIgnoreCase) || k.Contains("Secret", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Values, v => v.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || v.Contains("SharedAccessSignature", StringComparison.OrdinalIgnoreCase));
        // No key is read anywhere in the templates.
        Assert.DoesNotContain("listKeys(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listServiceSas(", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ClientId=${clientId};Authorization=AAD", TelemetryAuthentication(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
    }

    [Fact]
    public async Task The_storage_account_refuses_shared_keys_public_blobs_and_old_tls()
    {
        var template = await CompiledTemplate.LoadAsync();
        var account = Assert.Single(template.ModuleResources("storage", "Microsoft.Storage/storageAccounts")).GetProperty("properties");

        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", account.GetProperty("minimumTlsVersion").GetString());
        Assert.True(account.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.All(
            template.ModuleResources("storage", "Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", c.GetProperty("properties").GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public async Task Monitoring_and_azure_openai_accept_entra_tokens_only()
    {
        var template = await CompiledTemplate.LoadAsync();

        var workspace = Assert.Single(template.ModuleResources("monitoring", "Microsoft.OperationalInsights/workspaces"));
        var insights = Assert.Single(template.ModuleResources("monitoring", "Microsoft.Insights/components"));
        var openAi = Assert.Single(template.ModuleResources("openai", "Microsoft.CognitiveServices/accounts"));

        Assert.True(workspace.GetProperty("properties").GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
        Assert.True(insights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.True(openAi.GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal("OpenAI", openAi.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_summary_events_topic_takes_cloud_events_with_entra_tokens_only_and_the_app_may_send_to_it()
    {
        var template = await CompiledTemplate.LoadAsync();

        var topic = Assert.Single(template.ModuleResources("summary-events", "Microsoft.EventGrid/topics")).GetProperty("properties");
        var sender = Assert.Single(
            template.ModuleResources("rbac", "Microsoft.Authorization/roleAssignments"),
            a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains("variables('roles').eventGridDataSender", StringComparison.Ordinal));

        Assert.Equal("CloudEventSchemaV1_0", topic.GetProperty("inputSchema").GetString());
        Assert.True(topic.GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal(EventGridDataSender, template.ModuleTemplate("rbac").GetProperty("variables").GetProperty("roles").GetProperty("eventGridDataSender").GetString());
        Assert.Equal("[parameters('identityPrincipalId')]", sender.GetProperty("properties").GetProperty("principalId").GetString());
        // On the topic main.bicep creates, not wider.
        Assert.Equal("[resourceId('Microsoft.EventGrid/topics', parameters('summaryEventsTopicName'))]", sender.GetProperty("scope").GetString());
        Assert.Equal(template.ModuleParameter("summary-events", "name").GetString(), template.ModuleParameter("rbac", "summaryEventsTopicName").GetString());
    }

    [Fact]
    public async Task The_app_identity_has_exactly_the_roles_it_needs_under_deterministic_names()
    {
        var template = await CompiledTemplate.LoadAsync();
        var assignments = RoleAssignments(template).ToArray();

        var identityRoles = assignments.Where(a => a.Principal == "[parameters('identityPrincipalId')]").Select(a => a.Role).Order().ToArray();
        var userRoles = assignments.Where(a => a.Principal == "[parameters('userPrincipalId')]").Select(a => a.Role).ToArray();

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher, CognitiveServicesOpenAIUser, EventGridDataSender }.Order(),
            identityRoles);
        // The deploying person may upload articles and check the model with their own sign-in (optional, only when azd knows who deploys).
        Assert.Equal(new[] { StorageBlobDataContributor, CognitiveServicesOpenAIUser }.Order(), userRoles.Order());
        Assert.Equal(assignments.Length, identityRoles.Length + userRoles.Length);
        Assert.All(assignments, a =>
        {
            // guid(scope, principal, role): provisioning again finds the same assignment.
            Assert.StartsWith("[guid(", a.Name, StringComparison.Ordinal);
            Assert.Contains(a.Principal[1..^1], a.Name, StringComparison.Ordinal);
            Assert.Contains(a.RoleExpression, a.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_function_app_runs_dotnet_isolated_10_on_flex_consumption_as_its_user_assigned_identity()
    {
        var template = await CompiledTemplate.LoadAsync();

        var plan = Assert.Single(template.ModuleResources("functions", "Microsoft.Web/serverfarms"));
        var site = Assert.Single(template.ModuleResources("functions", "Microsoft.Web/sites"));
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal("dotnet-isolated", template.ModuleParameter("functions", "runtimeName").GetString());
        Assert.Equal("10.0", template.ModuleParameter("functions", "runtimeVersion").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", config.GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("[parameters('instanceMemoryMB')]", config.GetProperty("scaleAndConcurrency").GetProperty("instanceMemoryMB").GetString());
        Assert.Equal("[parameters('maximumInstanceCount')]", config.GetProperty("scaleAndConcurrency").GetProperty("maximumInstanceCount").GetString());
        Assert.True(site.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());
        // azd finds the app to deploy by this tag (azure.yaml: service "functions").
        Assert.Contains("'azd-service-name', 'functions'", template.ModuleParameter("functions", "tags").GetString(), StringComparison.Ordinal);
    }

    private sealed record Assignment(string Name, string Principal, string Role, string RoleExpression);

    private static IEnumerable<Assignment> RoleAssignments(CompiledTemplate template)
    {
        var roles = template.ModuleTemplate("rbac").GetProperty("variables").GetProperty("roles");
        foreach (var assignment in template.ModuleResources("rbac", "Microsoft.Authorization/roleAssignments"))
        {
            var properties = assignment.GetProperty("properties");
            var roleExpression = RoleReference().Match(properties.GetProperty("roleDefinitionId").GetString()!);
            Assert.True(roleExpression.Success, properties.GetProperty("roleDefinitionId").GetString());
            yield return new Assignment(
                assignment.GetProperty("name").GetString()!,
                properties.GetProperty("principalId").GetString()!,
                roles.GetProperty(roleExpression.Groups[1].Value).GetString()!,
                roleExpression.Value);
        }
    }

    /// <summary>The authentication string with the client id expression replaced by <c>${clientId}</c>.</summary>
    private static string TelemetryAuthentication(string value) =>
        Regex.Replace(value, @"^\[format\('(.*)', reference\(.*\)\.outputs\.clientId\.value\)\]$", "$1").Replace("{0}", "${clientId}", StringComparison.Ordinal);

    [GeneratedRegex(@"variables\('roles'\)\.([A-Za-z]+)")]
    private static partial Regex RoleReference();
}
