using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>
/// The reasons a newsroom user reads on a failed article. They say what happened and whether it will be tried again,
/// never an exception's text, a URL or a header: those go to the logs.
/// </summary>
public static class StageFailure
{
    /// <summary>When a retry comes: the local host retries after 1–16 s, Azure's queue after its 30 s visibility timeout.</summary>
    public const string RetryWindow = "within a minute";

    /// <summary>A failure the trigger retries: storage or a dependency was away, or something unexpected broke.</summary>
    public static string Transient(string stage) =>
        $"{Capitalised(stage)} could not finish (storage or a service it needs was unavailable, or an unexpected error); it will be retried automatically {RetryWindow}.";

    /// <summary>What the status says once the retries are spent and the work is set aside.</summary>
    public static string GaveUp(string stage, int attempts) => stage == PipelineStage.Summarize
        ? $"{Capitalised(stage)} failed {attempts} times and was set aside. Retry it once the service is back (Retry on the newsroom page), or upload the article again."
        : $"{Capitalised(stage)} failed {attempts} times and was set aside. Upload the article again, or ask ops to look at it.";

    private static string Capitalised(string stage) => stage switch
    {
        PipelineStage.Clean => "Cleaning",
        PipelineStage.Summarize => "Summarizing",
        _ => char.ToUpperInvariant(stage[0]) + stage[1..],
    };
}
