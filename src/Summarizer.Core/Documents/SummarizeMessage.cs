using System.Text.Json;

namespace Summarizer.Core.Documents;

/// <summary>
/// The work item between cleaning and summarising: which article, which version of it, and how large its upload
/// was (so a large one can wait its turn before it is read; absent in messages from older versions).
/// </summary>
public sealed record SummarizeMessage(string Id, string ContentHash, long? Bytes = null)
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
