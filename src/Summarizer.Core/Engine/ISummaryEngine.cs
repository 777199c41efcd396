using Summarizer.Core.Documents;

namespace Summarizer.Core.Engine;

/// <summary>Reads a cleaned article and proposes a summary. The grounding check runs after every engine.</summary>
public interface ISummaryEngine
{
    /// <summary>The configuration name of the engine, e.g. "local".</summary>
    string Name { get; }

    /// <summary>What else decides the output: model, deployment, rules or prompt version. A summary is reused only when engine and model match.</summary>
    string Model { get; }

    ValueTask<SummaryDraft> SummarizeAsync(CleanedArticle article, CancellationToken cancellationToken);
}

/// <summary>What an engine proposes, before grounding. Offsets may be wrong; the grounding check recomputes them.</summary>
public sealed record SummaryDraft
{
    public required string Headline { get; init; }
    public required string Abstract { get; init; }
    public IReadOnlyList<Actor> Actors { get; init; } = [];
    public IReadOnlyList<Condition> Conditions { get; init; } = [];
    public IReadOnlyList<Venue> Venues { get; init; } = [];
    public IReadOnlyList<OpenQuestion> OpenQuestions { get; init; } = [];
    public required string Model { get; init; }
    public int? PromptTokens { get; init; }
    public int? CompletionTokens { get; init; }
    /// <summary>How many model requests the summary took (several for a long article), null for engines without a model.</summary>
    public int? ModelCalls { get; init; }
    public decimal? EstimatedCostUsd { get; init; }
}
