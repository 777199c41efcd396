namespace Summarizer.Pipeline.Events;

/// <summary>The data of a <see cref="Type"/> CloudEvent: which summary was published, for which version of the article.</summary>
/// <param name="ContentHash">sha256 of the upload that was summarised, as in the summary's <c>source.contentHash</c>.</param>
public sealed record SummaryPublished(string Id, string Headline, Uri SummaryUrl, string ContentHash)
{
    public const string Type = "Summarizer.SummaryPublished";

    /// <summary>The CloudEvents <c>source</c> of every event this service emits.</summary>
    public const string Source = "/summarizer";
}
