using System.ClientModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using OpenAI.Chat;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;
using Summarizer.Core.Engine.Model;

namespace Summarizer.Pipeline.AzureOpenAI;

/// <summary>
/// Summaries from Azure OpenAI (or an OpenAI-compatible server): chat completions with a strict JSON-schema response,
/// the article delimited as untrusted data, one re-ask for an invalid reply, long articles in parts.
/// The grounding check after every engine drops what the article does not say.
/// </summary>
public sealed class AzureOpenAISummaryEngine : ISummaryEngine
{
    public const string EngineName = "azure-openai";

    private static readonly string SystemPrompt = LoadSystemPrompt();
    private static readonly string ResponseSchema = ModelReply.Schema().ToJsonString();

    /// <summary>
    /// A hash of the system prompt and the response schema: it changes whenever either does, so drafts and summaries
    /// made with an older prompt are never reused.
    /// </summary>
    public static readonly string PromptVersion =
        "prompt-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SystemPrompt + "\n" + ResponseSchema)))[..8];

    private readonly ChatClient _chat;
    private readonly Tokenizer _tokenizer;
    private readonly AzureOpenAIOptions _options;
    private readonly ChatCompletionOptions _completionOptions;

    public AzureOpenAISummaryEngine(ChatClient chat, Tokenizer tokenizer, IOptions<SummarizerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _chat = chat;
        _tokenizer = tokenizer;
        _options = options.Value.AzureOpenAI;
        Model = $"{_options.Deployment}/{PromptVersion}";
        _completionOptions = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("summary", BinaryData.FromString(ResponseSchema), jsonSchemaIsStrict: true),
            Temperature = 0f,
            MaxOutputTokenCount = _options.MaxOutputTokens,
        };
    }

    public string Name => EngineName;

    public string Model { get; }

    public async ValueTask<SummaryDraft> SummarizeAsync(CleanedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var parts = _tokenizer.CountTokens(article.Text) > _options.ChunkTokenBudget
            ? ArticleChunker.Split(article.Paragraphs, _options.ChunkTokenBudget, text => _tokenizer.CountTokens(text))
            : [article.Text];

        var replies = new List<ModelReply>(parts.Count);
        var usage = new Usage();
        for (var i = 0; i < parts.Count; i++)
        {
            replies.Add(await AskAsync(UserMessage(article.Title, parts[i], i, parts.Count), usage, cancellationToken));
        }
        var reply = ReplyMerger.Merge(replies);

        return reply.ToDraft(article.Text, Model) with
        {
            Headline = string.IsNullOrWhiteSpace(article.Title) ? reply.Headline : article.Title,
            PromptTokens = usage.Prompt,
            CompletionTokens = usage.Completion,
            ModelCalls = usage.Calls,
            EstimatedCostUsd = Math.Round(
                (usage.Prompt * _options.PromptPricePerMillionTokens + usage.Completion * _options.CompletionPricePerMillionTokens) / 1_000_000m, 6),
        };
    }

    /// <summary>Tokens of the request for an article: what the prompt side of a call will cost, before sending it.</summary>
    public int CountRequestTokens(CleanedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _tokenizer.CountTokens(SystemPrompt) + _tokenizer.CountTokens(ResponseSchema)
            + _tokenizer.CountTokens(UserMessage(article.Title, article.Text, 0, 1));
    }

    /// <summary>One request, and one re-ask when the reply is not JSON of the schema; then a clear failure.</summary>
    private async Task<ModelReply> AskAsync(string userMessage, Usage usage, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = [new SystemChatMessage(SystemPrompt), new UserChatMessage(userMessage)];
        var text = await CompleteAsync(messages, usage, cancellationToken);
        try
        {
            return ModelReply.Parse(text);
        }
        catch (JsonException first)
        {
            messages.Add(new AssistantChatMessage(text));
            messages.Add(new UserChatMessage(
                $"That reply does not match the required JSON schema ({first.Message}). Reply again with only the JSON object."));
            var retry = await CompleteAsync(messages, usage, cancellationToken);
            try
            {
                return ModelReply.Parse(retry);
            }
            catch (JsonException second)
            {
                throw new SummaryEngineException($"The model replied twice with JSON that does not match the summary schema: {second.Message}", second);
            }
        }
    }

    private async Task<string> CompleteAsync(List<ChatMessage> messages, Usage usage, CancellationToken cancellationToken)
    {
        ChatCompletion completion;
        try
        {
            completion = (await _chat.CompleteChatAsync(messages, _completionOptions, cancellationToken)).Value;
        }
        catch (ClientResultException ex) when (ex.Status == 429)
        {
            var retryAfter = ex.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true ? $" (it asked to wait {value} s)" : "";
            throw new SummaryEngineException(
                $"Rate limited by Azure OpenAI for longer than {_options.MaxRetryAfter.TotalSeconds:0} s{retryAfter}; the article will be retried later.", ex);
        }
        catch (ClientResultException ex) when (ex.Status is >= 400 and < 500 and not 408)
        {
            // Not retried: the same request would be refused again.
            throw new SummaryEngineException($"Azure OpenAI refused the request (HTTP {ex.Status}): {ServiceError(ex)}", ex) { IsPermanent = true };
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            throw new SummaryEngineException(
                $"Azure OpenAI could not be reached ({_options.MaxAttempts} attempts); check Summarizer:AzureOpenAI:Endpoint and the network.", ex);
        }
        catch (ClientResultException ex)
        {
            throw new SummaryEngineException($"Azure OpenAI answered HTTP {ex.Status} after {_options.MaxAttempts} attempts: {ServiceError(ex)}", ex);
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            throw new SummaryEngineException(
                "No Azure credential could sign in to Azure OpenAI: give the app a managed identity with the Cognitive Services OpenAI User role, sign in with 'az login', or set Summarizer:AzureOpenAI:ApiKey.", ex);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTimeout(ex))
        {
            throw new SummaryEngineException(
                $"Azure OpenAI did not answer within {_options.RequestTimeout.TotalSeconds:0} s, {_options.MaxAttempts} attempts.", ex);
        }

        usage.Add(completion.Usage);
        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new SummaryEngineException("Azure OpenAI's content filter blocked the reply for this article.") { IsPermanent = true };
        }
        return completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;
    }

    /// <summary>The service's own explanation (<c>error.message</c> of its JSON answer), without the client's request details.</summary>
    private static string ServiceError(ClientResultException ex)
    {
        try
        {
            using var body = JsonDocument.Parse(ex.GetRawResponse()?.Content ?? BinaryData.Empty);
            if (body.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page): there is no message of the service's to show.
        }
        return "the service gave no explanation.";
    }

    /// <summary>The client reports a timed-out last attempt as a cancellation, or all timed-out attempts together.</summary>
    private static bool IsTimeout(Exception ex) =>
        ex is OperationCanceledException || (ex is AggregateException all && all.InnerExceptions.All(e => e is OperationCanceledException));

    /// <summary>
    /// The article between delimiter lines; any delimiter inside the article is defused so the text cannot close the block early.
    /// </summary>
    private static string UserMessage(string? title, string text, int part, int parts)
    {
        var message = new StringBuilder();
        message.Append("Summarise the article below");
        if (parts > 1)
        {
            message.Append(" (part ").Append(part + 1).Append(" of ").Append(parts).Append("; summarise what this part says)");
        }
        message.Append(".\n<article>\n");
        if (!string.IsNullOrWhiteSpace(title))
        {
            message.Append("Title: ").Append(Defuse(title)).Append("\n\n");
        }
        message.Append(Defuse(text)).Append("\n</article>");
        return message.ToString();
    }

    private static string Defuse(string text) =>
        text.Replace("<article>", "<article >", StringComparison.OrdinalIgnoreCase)
            .Replace("</article>", "</article >", StringComparison.OrdinalIgnoreCase);

    private static string LoadSystemPrompt()
    {
        using var stream = typeof(AzureOpenAISummaryEngine).Assembly.GetManifestResourceStream("system-prompt.md")
            ?? throw new InvalidOperationException("The system prompt resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class Usage
    {
        public int Prompt { get; private set; }

        public int Completion { get; private set; }

        public int Calls { get; private set; }

        public void Add(ChatTokenUsage? usage)
        {
            Calls++;
            Prompt += usage?.InputTokenCount ?? 0;
            Completion += usage?.OutputTokenCount ?? 0;
        }
    }
}
