namespace Summarizer.Core.Documents;

/// <summary>The structured summary of one article (see DESIGN.md, "The summary document").</summary>
public sealed record SummaryDocument
{
    public const int CurrentSchemaVersion = 1;

    public required string Id { get; init; }
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Headline { get; init; }
    public required string Abstract { get; init; }
    public required IReadOnlyList<Actor> Actors { get; init; }
    public required IReadOnlyList<Condition> Conditions { get; init; }
    public required IReadOnlyList<Venue> Venues { get; init; }
    public required IReadOnlyList<OpenQuestion> OpenQuestions { get; init; }
    public SourceInfo? Source { get; init; }
    public required GeneratorInfo Generator { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Which version of the story this summarises (1, 2, … or the wire item's own version); null before versions were kept.</summary>
    public int? Version { get; init; }
    /// <summary>What changed against the previous version's summary; null for a story's first version.</summary>
    public SummaryChanges? Changes { get; init; }
}

/// <summary>A verbatim quote from the cleaned text and its character offsets there: [Start, End).</summary>
public sealed record Evidence(string Quote, int Start, int End);

public enum ActorKind { Person, Organization, State, Group }

public enum VenueStatus { Proposed, Confirmed, Held, Disputed }

public sealed record Actor(string Name, ActorKind Kind, string? Role, IReadOnlyList<string> Aliases, int Mentions, Evidence Evidence);

public sealed record Condition(string Holder, string Text, Evidence Evidence);

public sealed record Venue(string Name, VenueStatus Status, Evidence Evidence);

public sealed record OpenQuestion(string Question, Evidence Evidence);

/// <summary>What produced a summary and what it cost.</summary>
public sealed record GeneratorInfo
{
    public required string Engine { get; init; }
    public required string Model { get; init; }
    public double EngineMilliseconds { get; init; }
    public int? PromptTokens { get; init; }
    public int? CompletionTokens { get; init; }
    public int? ModelCalls { get; init; }
    /// <summary>Prompt and completion tokens at the configured prices.</summary>
    public decimal? EstimatedCostUsd { get; init; }
    /// <summary>Items the engine proposed whose quote is not in the cleaned text, and were therefore not published.</summary>
    public int DroppedUngrounded { get; init; }
}
