using Summarizer.Core.Documents;

namespace Summarizer.Core.Tests.Engine;

/// <summary>Capitalised spans that look like names but are not parties: openers, pronouns, letters, mottos, products, places.</summary>
public sealed class ActorPrecisionTests
{
    [Fact]
    public void A_discourse_word_opening_a_sentence_is_not_part_of_the_name()
    {
        var summary = TestArticles.Summarize(
            "Hey Brightlane, where is my parcel? Like Brightlane, the courier Swiftpost missed the holiday deadline. So Swiftpost apologised on Friday, and Brightlane said refunds would follow.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.StartsWith("Hey", StringComparison.Ordinal) || a.Name.StartsWith("Like", StringComparison.Ordinal) || a.Name.StartsWith("So ", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Actors, a => a.Kind == ActorKind.Person && a.Name.Contains("Brightlane", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("’")]
    [InlineData("'")]
    public void Pronoun_contractions_and_lone_letters_are_not_actors(string apostrophe)
    {
        var summary = TestArticles.Summarize(
            $"I{apostrophe}m not sure the new ferry timetable works, Lena Moss said. I{apostrophe}ll wait and see. I{apostrophe}m told the T line closes too. T riders were angry. The T service is slow. I{apostrophe}ll complain.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.StartsWith("I", StringComparison.Ordinal) && a.Name.Length <= 4);
        Assert.DoesNotContain(summary.Actors, a => a.Name == "T");
        Assert.Contains(summary.Actors, a => a.Name == "Lena Moss");
    }

    [Fact]
    public void A_pronoun_inside_a_capitalised_run_ends_the_name()
    {
        var summary = TestArticles.Summarize(
            "The banner read In Rain We Trust at the farmers' rally. Piet Vos said the In Rain We Trust slogan was a joke about the drought, and In Rain We Trust stickers sold out.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("We Trust", StringComparison.Ordinal));
        Assert.Contains(summary.Actors, a => a.Name == "Piet Vos");
    }

    [Fact]
    public void A_name_headed_by_an_institution_word_is_an_organisation()
    {
        var summary = TestArticles.Summarize(
            "The Pine Valley Animal Shelter said it had taken in forty dogs after the flood. Pine Valley Animal Shelter staff asked residents to foster pets.");

        Assert.Contains(summary.Actors, a => a.Name == "Pine Valley Animal Shelter" && a.Kind == ActorKind.Organization);
    }

    [Fact]
    public void Product_names_are_not_actors()
    {
        var summary = TestArticles.Summarize(
            "Reviewer Ada Lind tested the Zephyr Pro and the Feather Keyboard for a week. The Zephyr Pro ran cool, she said, but the Feather Keyboard felt cramped. Zephyr Pro buyers get a case.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Zephyr", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Feather", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_with_a_known_place_after_of_names_the_person_after_the_place()
    {
        var summary = TestArticles.Summarize(
            "Flooding closed three bridges on Monday. Mayor of Sioux Falls Ann Lindqvist said the city would ask the state for emergency funds. Ann Lindqvist said repairs could take a month.");

        Assert.Contains(summary.Actors, a => a.Name == "Ann Lindqvist" && a.Kind == ActorKind.Person);
        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Falls", StringComparison.Ordinal));
    }
}
