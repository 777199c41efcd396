namespace Summarizer.Pipeline.Events;

/// <summary>
/// The data of a <see cref="Type"/> CloudEvent: a story was withdrawn (killed) and its summary is no longer served
/// (<c>410 Gone</c> at <see cref="SummaryUrl"/>); receivers should take it down wherever they show it.
/// </summary>
/// <param name="Reason">Why, as the newsroom or the wire gave it.</param>
/// <param name="ContentHash">sha256 of the story's current upload when it was withdrawn.</param>
public sealed record SummaryWithdrawn(string Id, Uri SummaryUrl, string Reason, DateTimeOffset WithdrawnAt, string ContentHash)
{
    public const string Type = "Summarizer.SummaryWithdrawn";
}
