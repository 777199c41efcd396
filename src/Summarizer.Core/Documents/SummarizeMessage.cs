using System.Text.Json;

namespace Summarizer.Core.Documents;

/// <summary>The work item between cleaning and summarising: which article, and which version of it.</summary>
public sealed record SummarizeMessage(string Id, string ContentHash)
{
    public string ToJson() => JsonSerializer.Serialize(this, DocumentJson.Options);

    /// <exception cref="FormatException">The message is not a summarize message.</exception>
    public static SummarizeMessage Parse(string json)
    {
        try
        {
            var message = JsonSerializer.Deserialize<SummarizeMessage>(json, DocumentJson.Options);
            if (message is { Id.Length: > 0, ContentHash.Length: > 0 })
            {
                return message;
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The queue message is not JSON of the form {{\"id\":…,\"contentHash\":…}}: {ex.Message}", ex);
        }
        throw new FormatException("The queue message lacks an id or a contentHash.");
    }
}
