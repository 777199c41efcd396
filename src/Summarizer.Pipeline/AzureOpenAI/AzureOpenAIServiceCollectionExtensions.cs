using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using OpenAI;
using OpenAI.Chat;

namespace Summarizer.Pipeline.AzureOpenAI;

public static class AzureOpenAIServiceCollectionExtensions
{
    /// <summary>The chat client (registered once, bounded retries and timeout) and the o200k tokenizer for the azure-openai engine.</summary>
    public static IServiceCollection AddAzureOpenAIEngine(this IServiceCollection services)
    {
        services.AddSingleton<Tokenizer>(_ => TiktokenTokenizer.CreateForEncoding("o200k_base"));
        services.AddSingleton(provider => CreateChatClient(provider.GetRequiredService<IOptions<SummarizerOptions>>().Value.AzureOpenAI));
        services.AddSingleton<AzureOpenAISummaryEngine>();
        return services;
    }

    internal static ChatClient CreateChatClient(AzureOpenAIOptions options)
    {
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Summarizer:AzureOpenAI:Endpoint is not set.");
        var deployment = options.Deployment ?? throw new InvalidOperationException("Summarizer:AzureOpenAI:Deployment is not set.");
        var retry = new CappedRetryPolicy(options.MaxAttempts, options.MaxRetryAfter, options.RetryDelay);

        if (options.OpenAICompatible)
        {
            var compatible = new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = retry, NetworkTimeout = options.RequestTimeout };
            return new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? ""), compatible).GetChatClient(deployment);
        }

        var azure = new AzureOpenAIClientOptions { RetryPolicy = retry, NetworkTimeout = options.RequestTimeout };
        var client = string.IsNullOrEmpty(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId }), azure)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), azure);
        return client.GetChatClient(deployment);
    }
}
