using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>Runs the actor passes one at a time on short fixtures, so each pass can be checked on its own.</summary>
internal static class ActorPasses
{
    /// <summary>The reading pass only: what the text's capitalised runs were recorded as, before any resolution.</summary>
    public static (ActorBook Book, BodyHeads Heads) Read(string text)
    {
        var book = new ActorBook(TextModel.Build(text));
        var heads = new BodyHeads(book);
        new ActorScan(book, heads, new ActorSpans(book, new TitledPersons(book))).Read(headline: null);
        return (book, heads);
    }

    /// <summary>The reading pass, then unknown names resolved (surnames, acronyms, new people and bodies).</summary>
    public static ActorBook ReadAndResolve(string text)
    {
        var (book, _) = Read(text);
        new ActorAliases(book).ResolveUnknown();
        return book;
    }

    /// <summary>The distinct records of the book (several names may lead to one record).</summary>
    public static List<ActorRecord> Records(ActorBook book) => book.Actors.Values.Distinct().ToList();

    /// <summary>The token range of a phrase in a sentence, for calling a pass on exactly that span.</summary>
    public static (int From, int To) Span(Sentence sentence, string phrase)
    {
        var words = phrase.Split(' ');
        var tokens = sentence.Tokens;
        for (var i = 0; i + words.Length <= tokens.Count; i++)
        {
            if (words.Select((w, k) => tokens[i + k].Text == w).All(match => match))
            {
                return (i, i + words.Length);
            }
        }
        throw new ArgumentException($"'{phrase}' is not a run of tokens in '{sentence.Text}'.", nameof(phrase));
    }
}
