using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Summarizer.Core.Engine;
using Summarizer.Pipeline.AzureOpenAI;
using Summarizer.Pipeline.Events;

namespace Summarizer.Pipeline;

/// <summary>The <c>Summarizer</c> configuration section, bound once and validated when the host starts.</summary>
public sealed class SummarizerOptions
{
    public const long DefaultMaxUploadBytes = 5 * 1024 * 1024;
    public const long DefaultSummaryCacheBytes = 32 * 1024 * 1024;

    /// <summary>Which engine writes summaries: <c>local</c> (offline, the default) or <c>azure-openai</c>.</summary>
    [Required]
    [AllowedValues(LocalSummaryEngine.EngineName, AzureOpenAISummaryEngine.EngineName,
        ErrorMessage = "Summarizer:Engine must be 'local' or 'azure-openai'.")]
    public string Engine { get; set; } = LocalSummaryEngine.EngineName;

    /// <summary>Uploads larger than this are refused (status failed); the raw upload stays as it is.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>
    /// How long a summary read for <c>GET /api/summaries/{id}</c> is served again from memory without reading storage.
    /// A summary written by this process replaces its entry at once; one written by another instance (Azure scale-out)
    /// can be served stale for at most this long. Zero turns the cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SummaryCacheMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most memory the summary cache holds, counted as the bytes of the serialised summaries it keeps.</summary>
    [Range(0, 1024L * 1024 * 1024)]
    public long SummaryCacheBytes { get; set; } = DefaultSummaryCacheBytes;

    public AzureOpenAIOptions AzureOpenAI { get; set; } = new();

    /// <summary>
    /// Where clients reach this service, for the links it sends out (a change notification's <c>summaryUrl</c>):
    /// the local host's address, or in Azure the function app's https host.
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071");

    /// <summary>Change notifications: an Event Grid topic, webhooks, or none.</summary>
    public EventsOptions Events { get; set; } = new();
}

/// <summary>Checks what annotations cannot: the azure-openai engine's settings, only when that engine is chosen.</summary>
internal sealed class SummarizerOptionsValidator : IValidateOptions<SummarizerOptions>
{
    public ValidateOptionsResult Validate(string? name, SummarizerOptions options)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.AzureOpenAI, new ValidationContext(options.AzureOpenAI), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"Summarizer:AzureOpenAI: {r.ErrorMessage}"));
        }
        var eventResults = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.Events, new ValidationContext(options.Events), eventResults, validateAllProperties: true))
        {
            failures.AddRange(eventResults.Select(r => $"Summarizer:Events: {r.ErrorMessage}"));
        }
        failures.AddRange(options.Events.Problems());
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } publicBaseUrl || (publicBaseUrl.Scheme != Uri.UriSchemeHttp && publicBaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Summarizer:PublicBaseUrl must be the absolute http or https URL where clients reach this service (e.g. http://localhost:7071).");
        }
        if (options.Engine == AzureOpenAISummaryEngine.EngineName)
        {
            var openAI = options.AzureOpenAI;
            if (openAI.Endpoint is not { IsAbsoluteUri: true })
            {
                failures.Add("Summarizer:AzureOpenAI:Endpoint must be the absolute URL of the Azure OpenAI resource (or OpenAI-compatible server).");
            }
            if (string.IsNullOrWhiteSpace(openAI.Deployment))
            {
                failures.Add("Summarizer:AzureOpenAI:Deployment must name the model deployment.");
            }
            if (openAI.OpenAICompatible && string.IsNullOrWhiteSpace(openAI.ApiKey))
            {
                failures.Add("Summarizer:AzureOpenAI:ApiKey is required for an OpenAI-compatible endpoint.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
