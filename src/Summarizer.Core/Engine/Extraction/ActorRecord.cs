using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>An actor being assembled from its mentions.</summary>
internal sealed class ActorRecord(string name, string kind)
{
    public string Name { get; set; } = name;

    public string Kind { get; set; } = kind;

    public string? Role { get; set; }

    public HashSet<string> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);

    public double Weight { get; set; }

    public int Mentions { get; set; }

    public int FirstSentence { get; set; } = int.MaxValue;

    public Sentence? EvidenceSentence { get; set; }

    public (int Start, int End) FirstSpan { get; set; }

    public bool Defined { get; set; }

    public bool Known { get; set; }

    /// <summary>Mentions that name the actor as such (not a demonym, not a place after "in").</summary>
    public int Strong { get; set; }

    /// <summary>Named with an organisation head word ("... Commission", "... Forces").</summary>
    public bool Headed { get; set; }

    public bool Speaks { get; set; }

    /// <summary>The sentence names it as a party though it is named once: its people act for it ("Corvex executives").</summary>
    public bool NamedAsParty { get; set; }

    /// <summary>Named by a proper name and a lower-case head ("FNV union"): the proper name alone is the same body.</summary>
    public bool LowerHead { get; set; }
}

/// <summary>Where an actor is mentioned: used to find the holder of a condition.</summary>
internal sealed record ActorMention(ActorRecord Actor, int Sentence, int Start, int End);

/// <summary>The actors of a story and every place they are mentioned.</summary>
internal sealed record ActorSet(IReadOnlyList<ActorRecord> Selected, IReadOnlyList<ActorMention> Mentions);

/// <summary>A capitalised name not in the gazetteer, kept until the whole text has been read.</summary>
internal sealed record RawName(Sentence Sentence, int From, int To, string Text, string? Role, bool Speaks, string? Acronym);
