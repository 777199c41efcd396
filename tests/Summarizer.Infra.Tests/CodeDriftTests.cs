using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Core;
using Summarizer.Core.Engine;
using Summarizer.Pipeline;
using Summarizer.Pipeline.Events;

namespace Summarizer.Infra.Tests;

/// <summary>
/// Infra against code: the names in the compiled templates are the code's constants and the Functions bindings,
/// and every setting the code reads is an app setting of the function app.
/// </summary>
public sealed partial class CodeDriftTests
{
    [Fact]
    public async Task The_storage_account_gets_exactly_the_containers_queues_and_table_the_pipeline_uses()
    {
        var template = await CompiledTemplate.LoadAsync();

        Assert.Equal(
            [PipelineNames.ArticlesContainer, PipelineNames.CleanedContainer, PipelineNames.SummariesContainer],
            Names(template, "containerNames").Where(n => !CompiledTemplate.IsExpression(n)));
        // The one computed name is the Flex Consumption deployment package container.
        Assert.Equal("[variables('deploymentContainerName')]", Assert.Single(Names(template, "containerNames"), CompiledTemplate.IsExpression));
        Assert.Equal([PipelineNames.SummarizeQueue, PipelineNames.SummarizePoisonQueue], Names(template, "queueNames"));
        Assert.Equal([PipelineNames.ArticlesTable], Names(template, "tableNames"));
    }

    [Fact]
    public async Task Every_trigger_in_functions_metadata_listens_on_storage_that_infra_creates()
    {
        var template = await CompiledTemplate.LoadAsync();
        var containers = Names(template, "containerNames");
        var queues = Names(template, "queueNames");

        var blobTriggers = FunctionsMetadata.TriggersOfType("blobTrigger").ToArray();
        var queueTriggers = FunctionsMetadata.TriggersOfType("queueTrigger").ToArray();

        Assert.NotEmpty(blobTriggers);
        Assert.NotEmpty(queueTriggers);
        Assert.All(blobTriggers, t => Assert.Contains(t.Trigger.GetProperty("path").GetString()!.Split('/')[0], containers));
        Assert.All(queueTriggers, t => Assert.Contains(t.Trigger.GetProperty("queueName").GetString()!, queues));
    }

    [Fact]
    public async Task Every_storage_connection_of_a_trigger_is_an_identity_based_app_setting()
    {
        var settings = (await CompiledTemplate.LoadAsync()).AppSettings();
        var connections = FunctionsMetadata.Triggers()
            .Where(t => t.Trigger.TryGetProperty("connection", out _))
            .Select(t => t.Trigger.GetProperty("connection").GetString()!)
            .Append("AzureWebJobsStorage")
            .Distinct()
            .ToArray();

        Assert.Contains(PipelineNames.StorageConnection, connections);
        Assert.All(connections, connection =>
        {
            Assert.DoesNotContain(connection, settings.Keys);
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            foreach (var service in new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri", "clientId" })
            {
                Assert.Contains($"{connection}__{service}", settings.Keys);
            }
        });
    }

    [Fact]
    public async Task The_post_deploy_hook_subscribes_the_event_grid_blob_trigger_to_uploads_in_its_container()
    {
        var template = await CompiledTemplate.LoadAsync();
        var (function, trigger) = Assert.Single(FunctionsMetadata.TriggersOfType("blobTrigger"));
        var hook = await File.ReadAllTextAsync(Path.Combine(Bicep.RepositoryRoot, "infra", "hooks", "postdeploy.sh"), TestContext.Current.CancellationToken);

        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal(function, template.Output("BLOB_TRIGGER_FUNCTION_NAME"));
        Assert.Equal(trigger.GetProperty("path").GetString()!.Split('/')[0], template.Output("ARTICLES_CONTAINER_NAME"));
        Assert.Equal(PipelineNames.ArticlesContainer, template.Output("ARTICLES_CONTAINER_NAME"));
        Assert.Contains("functionName=Host.Functions.${BLOB_TRIGGER_FUNCTION_NAME}", hook, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/${ARTICLES_CONTAINER_NAME}/", hook, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Storage.BlobCreated", hook, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", hook, StringComparison.Ordinal);
        foreach (Match variable in EnvironmentVariable().Matches(hook))
        {
            // Every azd environment value the hook reads is an output of main.bicep.
            Assert.True(template.Root.GetProperty("outputs").TryGetProperty(variable.Groups[1].Value, out _), $"main.bicep has no output {variable.Groups[1].Value}");
        }
    }

    [Fact]
    public async Task Every_summarizer_option_has_an_app_setting()
    {
        var settings = (await CompiledTemplate.LoadAsync()).AppSettings();

        var expected = OptionSettings(typeof(SummarizerOptions), PipelineNames.OptionsSection).ToArray();

        Assert.Contains("Summarizer__Engine", expected);
        Assert.Contains("Summarizer__MaxUploadBytes", expected);
        Assert.Contains("Summarizer__PublicBaseUrl", expected);
        Assert.Contains("Summarizer__Events__TopicEndpoint", expected);
        Assert.Contains("Summarizer__Events__ClientId", expected);
        Assert.All(expected, name => Assert.Contains(name, settings.Keys));
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Summarizer__Events__Webhook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Change_notifications_go_to_the_event_grid_topic_as_the_app_identity_with_links_to_the_app()
    {
        var template = await CompiledTemplate.LoadAsync();
        var settings = template.AppSettings();
        using var services = Pipeline(template, new Dictionary<string, string>());

        Assert.EndsWith("'summary-events'), '2025-04-01').outputs.endpoint.value]", settings["Summarizer__Events__TopicEndpoint"], StringComparison.Ordinal);
        Assert.Equal(settings["ArticleStorage__clientId"], settings["Summarizer__Events__ClientId"]);
        // The links point at this app: the host name Azure gives the app named in the functions module.
        Assert.Equal("[format('https://{0}.azurewebsites.net', variables('functionAppName'))]", settings["Summarizer__PublicBaseUrl"]);
        Assert.Equal("[variables('functionAppName')]", template.ModuleParameter("functions", "name").GetString());
        // The pipeline built from those settings publishes to that topic.
        var destination = Assert.IsType<EventGridSummaryEvents>(services.GetRequiredService<SummaryEventDispatcher>().Destination);
        Assert.Equal(Sample(template, "Summarizer__Events__TopicEndpoint", settings["Summarizer__Events__TopicEndpoint"]), destination.TopicEndpoint.ToString());
    }

    [Fact]
    public async Task The_local_settings_sample_lists_every_option_and_starts_the_pipeline_sending_no_events()
    {
        var path = Path.Combine(Bicep.RepositoryRoot, "src", "Summarizer.Functions", "local.settings.sample.json");
        using var sample = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSummarizerPipeline(configuration).BuildServiceProvider();

        Assert.All(OptionSettings(typeof(SummarizerOptions), PipelineNames.OptionsSection), name => Assert.Contains(name, values.Keys));
        Assert.Contains("Summarizer__Events__Webhooks__0", values.Keys);
        Assert.Contains("Summarizer__Events__WebhookSecret", values.Keys);
        // Empty entries are not set: the options validate and no events are sent.
        Assert.Null(services.GetRequiredService<SummaryEventDispatcher>().Destination);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("azure-openai")]
    public async Task The_pipeline_starts_with_either_engine_from_the_app_settings_infra_sets(string engine)
    {
        var template = await CompiledTemplate.LoadAsync();
        var settings = template.AppSettings();
        using var services = Pipeline(template, new Dictionary<string, string> { ["Summarizer__Engine"] = engine });

        Assert.Equal(Sample(template, "ArticleStorage__blobServiceUri", settings["ArticleStorage__blobServiceUri"]), services.GetRequiredService<BlobServiceClient>().Uri.ToString());
        Assert.Equal(Sample(template, "ArticleStorage__queueServiceUri", settings["ArticleStorage__queueServiceUri"]), services.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal(Sample(template, "ArticleStorage__tableServiceUri", settings["ArticleStorage__tableServiceUri"]), services.GetRequiredService<TableServiceClient>().Uri.ToString());
        // The options validate (this throws if they do not), and the engine they choose can be built.
        var options = services.GetRequiredService<IOptions<SummarizerOptions>>().Value;
        Assert.Equal(engine, options.Engine);
        Assert.Equal(SummarizerOptions.DefaultMaxUploadBytes, options.MaxUploadBytes);
        Assert.NotNull(services.GetRequiredService<ISummaryEngine>());
        Assert.Equal(Sample(template, "Summarizer__AzureOpenAI__ClientId", settings["Summarizer__AzureOpenAI__ClientId"]), options.AzureOpenAI.ClientId);
        Assert.Equal(settings["ArticleStorage__clientId"], settings["Summarizer__AzureOpenAI__ClientId"]);
    }

    [Fact]
    public async Task The_options_infra_fixes_are_the_codes_defaults()
    {
        var template = await CompiledTemplate.LoadAsync();
        var fixedSettings = template.AppSettings()
            .Where(s => s.Key.StartsWith(PipelineNames.OptionsSection + "__", StringComparison.Ordinal) && !CompiledTemplate.IsExpression(s.Value))
            .ToArray();
        var bound = new SummarizerOptions();
        new ConfigurationBuilder()
            .AddInMemoryCollection(fixedSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build()
            .GetSection(PipelineNames.OptionsSection)
            .Bind(bound);

        Assert.NotEmpty(fixedSettings);
        Assert.All(fixedSettings, s => Assert.Equal(Value(new SummarizerOptions(), s.Key), Value(bound, s.Key)));
    }

    [Fact]
    public async Task The_engine_parameter_deploys_azure_openai_and_allows_local()
    {
        var template = await CompiledTemplate.LoadAsync();
        var engine = template.Root.GetProperty("parameters").GetProperty("summarizerEngine");

        Assert.Equal("azure-openai", engine.GetProperty("defaultValue").GetString());
        Assert.Equal(["local", "azure-openai"], engine.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[parameters('summarizerEngine')]", template.AppSettings()["Summarizer__Engine"]);
        Assert.Equal(
            SummarizerOptions.DefaultMaxUploadBytes,
            template.Root.GetProperty("parameters").GetProperty("maxUploadBytes").GetProperty("defaultValue").GetInt64());
    }

    [Fact]
    public async Task The_azure_openai_settings_point_at_the_model_deployment()
    {
        var settings = (await CompiledTemplate.LoadAsync()).AppSettings();

        Assert.EndsWith("outputs.endpoint.value]", settings["Summarizer__AzureOpenAI__Endpoint"], StringComparison.Ordinal);
        Assert.EndsWith("outputs.deploymentName.value]", settings["Summarizer__AzureOpenAI__Deployment"], StringComparison.Ordinal);
    }

    /// <summary>The pipeline's services from the template's app settings, computed values replaced by samples.</summary>
    private static ServiceProvider Pipeline(CompiledTemplate template, IReadOnlyDictionary<string, string> overrides)
    {
        var values = template.AppSettings().ToDictionary(s => s.Key, s => Sample(template, s.Key, s.Value), StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSummarizerPipeline(configuration).BuildServiceProvider();
    }

    /// <summary>The value of the option an app setting names (<c>Summarizer__AzureOpenAI__MaxAttempts</c>), read by reflection.</summary>
    private static object? Value(object options, string setting)
    {
        object? value = options;
        foreach (var name in setting.Split("__").Skip(1))
        {
            var property = value?.GetType().GetProperty(name)
                           ?? throw new InvalidOperationException($"{setting} names no option of {nameof(SummarizerOptions)}.");
            value = property.GetValue(value);
        }

        return value;
    }

    private static string[] Names(CompiledTemplate template, string parameter) =>
        template.ModuleParameter("storage", parameter).EnumerateArray().Select(template.Resolve).ToArray();

    /// <summary>
    /// The app setting names of an options class: <c>Section__Property</c>, nested classes as <c>Section__Property__Inner</c>.
    /// Left out on purpose: secrets (a property ending in <c>Key</c> or <c>Secret</c>), since in Azure the app authenticates
    /// with its identity; and the webhook list, since in Azure webhooks are Event Grid subscriptions to the topic.
    /// </summary>
    private static IEnumerable<string> OptionSettings(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (property.Name.EndsWith("Key", StringComparison.Ordinal) || property.Name.EndsWith("Secret", StringComparison.Ordinal)
                || (property.DeclaringType == typeof(EventsOptions) && property.Name == nameof(EventsOptions.Webhooks)))
            {
                continue;
            }

            if (propertyType.IsClass && propertyType != typeof(string) && propertyType != typeof(Uri) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                foreach (var inner in OptionSettings(propertyType, name))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return name;
            }
        }
    }

    /// <summary>What a setting would hold in Azure: a parameter's default, or a sample URI for a computed endpoint.</summary>
    private static string Sample(CompiledTemplate template, string name, string value)
    {
        if (!CompiledTemplate.IsExpression(value))
        {
            return value;
        }

        var parameter = ParameterReference().Match(value);
        if (parameter.Success)
        {
            return template.Root.GetProperty("parameters").GetProperty(parameter.Groups[1].Value).GetProperty("defaultValue").ToString();
        }

        return $"https://{NonHostCharacters().Replace(name.ToLowerInvariant(), "-")}.example.invalid/";
    }

    [GeneratedRegex(@"^\[(?:string\()?parameters\('([A-Za-z0-9_]+)'\)\)?\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonHostCharacters();

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)\}")]
    private static partial Regex EnvironmentVariable();
}
