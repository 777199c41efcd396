using System.ComponentModel.DataAnnotations;

namespace Summarizer.Pipeline.AzureOpenAI;

/// <summary>The <c>Summarizer:AzureOpenAI</c> section: where the model is and how hard to try.</summary>
public sealed class AzureOpenAIOptions
{
    /// <summary>The Azure OpenAI resource (https://NAME.openai.azure.com/), or an OpenAI-compatible base URL with <see cref="OpenAICompatible"/>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model deployment (Azure) or model name (OpenAI-compatible).</summary>
    public string? Deployment { get; set; }

    /// <summary>An API key; without one, Azure OpenAI is called with the managed identity (<see cref="ClientId"/> for a user-assigned one).</summary>
    public string? ApiKey { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The endpoint speaks the OpenAI API (a self-hosted model server) rather than Azure OpenAI's; needs <see cref="ApiKey"/>.</summary>
    public bool OpenAICompatible { get; set; }

    /// <summary>Attempts per model request, the first included: 429 and 5xx answers and timeouts are retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the article fails now and the queue retries it later.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first back-off when the service gives no <c>Retry-After</c>; it doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Articles longer than this many tokens (o200k) are summarised in parts, split on paragraphs, and merged.</summary>
    [Range(500, 1_000_000)]
    public int ChunkTokenBudget { get; set; } = 24_000;

    [Range(256, 100_000)]
    public int MaxOutputTokens { get; set; } = 4_096;

    /// <summary>Price of a million prompt tokens, for the summary's cost estimate.</summary>
    [Range(0, 1000)]
    public decimal PromptPricePerMillionTokens { get; set; } = 0.15m;

    [Range(0, 1000)]
    public decimal CompletionPricePerMillionTokens { get; set; } = 0.60m;
}
