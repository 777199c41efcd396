namespace Summarizer.Core.Documents;

/// <summary>
/// What a wire item (IPTC ninjs, NewsML-G2) says about itself: the story's identity across its versions (its
/// <c>guid</c>/<c>uri</c>), which version this is, whether it may be used (<c>usable</c>) or was withdrawn or canceled,
/// and its urgency (1 most urgent … 9).
/// </summary>
public sealed record WireInfo(string Guid, int? Version, string PubStatus, int? Urgency)
{
    public const string Usable = "usable";
    public const string Withdrawn = "withdrawn";
    public const string Canceled = "canceled";

    /// <summary>Whether the item takes the story back: a withdrawn or canceled item is a kill.</summary>
    public bool IsKill => PubStatus is Withdrawn or Canceled;
}
