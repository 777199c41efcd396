namespace Summarizer.Core.Engine.Roles;

/// <summary>What a sentence says in the story's structure, beyond reporting facts.</summary>
public enum SentenceRole
{
    /// <summary>A precondition, demand, term or requirement an actor attaches to an outcome.</summary>
    Condition,

    /// <summary>Something the article says is unresolved, uncertain or still to be decided.</summary>
    OpenQuestion,
}
