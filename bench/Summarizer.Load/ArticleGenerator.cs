using System.Text;

namespace Summarizer.Load;

/// <summary>
/// Synthetic local-news articles: invented people, towns and bodies in sentences shaped like reporting (who said what,
/// on what condition, where talks will be held, what is still open). Article <c>i</c> of a run is always the same text,
/// and no two articles of a run are alike: each names its own case number, so the pipeline never dedupes them.
/// </summary>
public sealed class ArticleGenerator(string runId)
{
    private static readonly string[] GivenNames =
    [
        "Maren", "Tobias", "Ilse", "Oren", "Dalia", "Caspian", "Wren", "Anouk", "Bastien", "Priya", "Lorcan", "Yara",
        "Emeric", "Sunniva", "Teodor", "Halima", "Quentin", "Rosalind", "Idris", "Margit", "Soren", "Leocadia", "Jarek", "Noemi",
    ];

    private static readonly string[] Surnames =
    [
        "Varnell", "Okafor-Lind", "Brisk", "Tallowmere", "Quennell", "Ashdown", "Petrovane", "Holloway-Reyes", "Strand",
        "Merrivale", "Kastellan", "Duvessy", "Orrin", "Fenwright", "Calloway", "Ibsworth", "Marlowe-Tan", "Vesk", "Ridley", "Pomfret",
    ];

    private static readonly string[] Towns =
    [
        "Brackwater", "Lindcaster", "Ostvale", "Carrow Ford", "Millbrae Point", "Eskerby", "Thornhollow", "Vellmouth",
        "Harlan Cross", "Saltmere", "Duncliffe", "Ravensholm", "Quarry Bend", "Amberlow", "Kestrel Bay", "Norwick Vale",
    ];

    private static readonly string[] Bodies =
    [
        "the city council", "the port authority", "the regional transport board", "the teachers' union", "the water utility",
        "the hospital trust", "the chamber of commerce", "the housing association", "the fire brigade", "the planning committee",
        "the farmers' cooperative", "the ferry operators' guild",
    ];

    private static readonly string[] Titles =
    [
        "mayor", "council leader", "union spokeswoman", "union spokesman", "port director", "finance officer",
        "opposition councillor", "board chair", "chief engineer", "head of planning", "deputy mayor", "trust chief executive",
    ];

    private static readonly string[] Plans =
    [
        "the harbour dredging plan", "the new bus depot", "the school merger", "the flood wall extension", "the tram line study",
        "the rent cap proposal", "the hospital wing", "the bridge repairs", "the market hall lease", "the wind farm permit",
        "the library closure", "the ferry timetable change",
    ];

    private static readonly string[] Conditions =
    [
        "the cost stayed below {0} million", "residents were consulted first", "the work started before winter",
        "the state paid at least half", "no jobs were cut", "an independent audit came first", "the old pier was kept",
        "night work was banned", "the contract went to local firms", "the fares did not rise",
    ];

    private static readonly string[] Venues =
    [
        "the old customs house", "the town hall annex", "a hotel in {1}", "the union's offices in {1}", "the port authority building",
        "a school hall in {1}", "the regional assembly in {1}",
    ];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Verbs = ["said", "told reporters", "said in a statement", "wrote in a letter to members", "told a public meeting"];

    private readonly string _runId = runId;

    /// <summary>An article of a few kilobytes: headline, dateline and six to ten paragraphs.</summary>
    public string Article(int index)
    {
        var random = new Random(Seed(index, 0));
        var story = new Story(random, index);
        var text = new StringBuilder();
        text.Append(story.Headline()).Append("\n\n");
        text.Append($"By {Person(random)}\n\n");
        text.Append(story.Lead()).Append("\n\n");
        var paragraphs = random.Next(6, 11);
        for (var p = 0; p < paragraphs; p++)
        {
            text.Append(story.Paragraph(p)).Append("\n\n");
        }
        text.Append($"The proposal is filed as case {_runId.ToUpperInvariant()}-{index:D5} in {story.Town}'s public register.\n");
        return text.ToString();
    }

    /// <summary>One article of exactly <paramref name="bytes"/> bytes of UTF-8: many paragraphs about the same story.</summary>
    public byte[] LargeArticle(int index, int bytes)
    {
        var random = new Random(Seed(index, bytes));
        var story = new Story(random, index);
        var text = new StringBuilder(bytes + 4096);
        text.Append(story.Headline()).Append("\n\n").Append(story.Lead()).Append("\n\n");
        text.Append($"The proposal is filed as case {_runId.ToUpperInvariant()}-L{index:D4} in {story.Town}'s public register.\n\n");
        for (var p = 0; text.Length < bytes; p++)
        {
            text.Append(story.Paragraph(p)).Append("\n\n");
        }
        // Only the lead has non-ASCII characters, so cutting the UTF-8 at the end never splits one.
        var utf8 = Encoding.UTF8.GetBytes(text.ToString());
        Array.Resize(ref utf8, bytes);
        utf8[^1] = (byte)'\n';
        return utf8;
    }

    /// <summary>A seed that is the same in every process (string.GetHashCode is randomised per process): FNV-1a.</summary>
    private int Seed(int index, int salt)
    {
        var hash = 2166136261u;
        foreach (var c in $"{_runId}/{index}/{salt}")
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & int.MaxValue);
    }

    private static string Person(Random random) => $"{Pick(random, GivenNames)} {Pick(random, Surnames)}";

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    /// <summary>The cast of one article: who speaks, where, about what.</summary>
    private sealed class Story
    {
        private readonly Random _random;
        private readonly string[] _people;
        private readonly string[] _roles;
        private readonly string _body;
        private readonly string _otherBody;
        private readonly string _plan;
        private readonly string _day;
        private readonly int _index;

        public Story(Random random, int index)
        {
            _random = random;
            _index = index;
            Town = Pick(random, Towns);
            var people = new List<string>();
            while (people.Count < 4)
            {
                var person = Person(random);
                if (!people.Contains(person))
                {
                    people.Add(person);
                }
            }
            _people = [.. people];
            _roles = [.. _people.Select(_ => Pick(random, Titles))];
            _body = Pick(random, Bodies);
            _otherBody = Pick(random, Bodies.Where(b => b != _body).ToArray());
            _plan = Pick(random, Plans);
            _day = Pick(random, Weekdays);
        }

        public string Town { get; }

        public string Headline() => _random.Next(3) switch
        {
            0 => $"{Town} {Capital(_body[4..])} sets terms for {_plan[4..]}",
            1 => $"Talks on {_plan[4..]} to move to {Venue()}",
            _ => $"{Surname(0)} says {Town} deal depends on {_otherBody[4..]}",
        };

        public string Lead() =>
            $"{Town.ToUpperInvariant()} — {_roles[0].Capitalized()} {_people[0]} said on {_day} that {_body} would approve {_plan} " +
            $"only if {Condition()}, a demand that {_otherBody} called \"{Pick(_random, ["unworkable", "a fair start", "too late", "a bargaining chip", "overdue"])}\".";

        public string Paragraph(int number)
        {
            var speaker = 1 + (number + _index) % (_people.Length - 1);
            return ((number + _random.Next(5)) % 6) switch
            {
                0 => $"{_people[speaker]}, the {_roles[speaker]} of {_otherBody}, {Pick(_random, Verbs)} that members would not sign " +
                     $"anything unless {Condition()}. \"We have waited {_random.Next(2, 19)} months for an answer,\" {Surname(speaker)} said.",
                1 => $"Negotiators for both sides are due to meet at {Venue()} on {Pick(_random, Weekdays)}, " +
                     $"according to two people familiar with the schedule. A first round in {Pick(_random, Towns)} ended without agreement.",
                2 => $"It was not clear whether {_body} could raise the {_random.Next(3, 90)} million needed, or whether " +
                     $"{Surname(0)} would put {_plan} to a vote before the {Pick(_random, ["summer recess", "budget round", "local elections", "end of the year"])}.",
                3 => $"{Surname(speaker)} added that {_otherBody} was ready to drop its objection if {Condition()}. " +
                     $"The {_roles[0]} declined to comment on that offer on {_day}.",
                4 => $"Residents of {Pick(_random, Towns)} have complained for years about {Pick(_random, ["delays", "noise", "rising costs", "closed roads", "broken promises"])}. " +
                     $"{_random.Next(40, 900)} people signed a petition last {Pick(_random, ["spring", "autumn", "winter", "summer"])}, " +
                     $"and {Pick(_random, GivenNames)} {Pick(_random, Surnames)}, who organised it, said the {_plan[4..]} \"is not what we asked for\".",
                _ => $"{_people[0]} is expected to present a revised {_plan[4..]} to {_body} within {_random.Next(2, 9)} weeks. " +
                     $"Whether {_otherBody} will accept it remains open.",
            };
        }

        private string Condition() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(_random, Conditions), _random.Next(4, 120), Town);

        private string Venue() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(_random, Venues), _random.Next(4, 120), Pick(_random, Towns));

        private string Surname(int person) => _people[person][(_people[person].IndexOf(' ', StringComparison.Ordinal) + 1)..];

        private static string Capital(string text) => text.Capitalized();
    }
}

internal static class TextExtensions
{
    public static string Capitalized(this string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
