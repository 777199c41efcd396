namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>People named with a title or a role.</summary>
public sealed class TitledPersonsTests
{
    [Fact]
    public void A_title_before_a_name_is_the_role_of_that_person()
    {
        var (book, _) = ActorPasses.Read("Mayor Joana Reis opened the new ferry terminal on Friday.");

        var mayor = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Joana Reis", mayor.Name);
        Assert.Equal("person", mayor.Kind);
        Assert.Equal("Mayor", mayor.Role);
    }

    [Fact]
    public void A_state_named_inside_the_title_is_mentioned_too()
    {
        var (book, _) = ActorPasses.Read("Portuguese Sports Minister Ana Vidal will attend the final in Porto.");

        Assert.Contains(book.Actors.Values, a => a.Name == "Ana Vidal" && a.Role == "Portuguese Sports Minister");
        Assert.Contains(book.Actors.Values, a => a.Name == "Portugal" && a.Kind == "state");
    }

    [Fact]
    public void A_lower_case_role_before_a_name_is_kept()
    {
        var (book, _) = ActorPasses.Read("The shipping line named chief executive Ruth Okafor to lead the merger talks.");

        var person = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Ruth Okafor", person.Name);
        Assert.Equal("chief executive", person.Role);
    }

    [Fact]
    public void A_title_with_an_of_complement_and_a_comma_still_names_the_person()
    {
        var (book, _) = ActorPasses.Read("The Minister of Education, Lucia Ferraz, visited the school in the morning.");

        Assert.Contains(book.Actors.Values, a => a.Name == "Lucia Ferraz" && a.Kind == "person" && a.Role == "Minister of Education");
    }
}
