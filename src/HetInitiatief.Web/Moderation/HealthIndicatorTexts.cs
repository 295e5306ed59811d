using HetInitiatief.Network;

namespace HetInitiatief.Moderation;

/// <summary>
/// One indicator as the pages show it: a Dutch name, what exactly it counts, its value in a week and, where
/// the numbers support one, a verdict in plain Dutch for the dashboard's summary.
/// </summary>
public sealed record HealthIndicatorText(
    string Id, string Title, string Explanation, Func<HealthIndicators, double?> Value, bool Percentage,
    Func<HealthIndicators, HealthVerdict?>? Verdict = null, string? Short = null)
{
    /// <summary>The name on the summary's tile, where a long title would take a second line on every screen.</summary>
    public string Tile => Short ?? Title;

    public string Show(HealthIndicators week) => TrendChart.Format(Value(week), Percentage);

    public HealthVerdict? Judge(HealthIndicators week) => Verdict?.Invoke(week);
}

/// <summary>A verdict on one indicator; a warning asks the moderators to act, a link leads to what to act on.</summary>
public sealed record HealthVerdict(string Text, bool Warning = false, string? Link = null);

/// <summary>The definitions, written once for the dashboard and the public page, in the words docs/health.md uses.</summary>
public static class HealthIndicatorTexts
{
    public const string Active =
        "Actief is wie die week een leervraag stelde, doorvroeg, een doorvraag beantwoordde, een coalitie vormde of zich erbij aansloot, " +
        "een aanbod deed, een bijeenkomst plande, zich aanmeldde voor een bijeenkomst of feedback gaf.";

    /// <summary>Where the dashboard lists the praatgroepen, for the verdict's link.</summary>
    public const string TalkingShopsAnchor = "praatgroepen-lijst";

    /// <summary>Where the dashboard lists the coalitions that meet without trying, for the verdict's link.</summary>
    public const string StalledAnchor = "zonder-proef-lijst";

    public static IReadOnlyList<HealthIndicatorText> All(HealthSettings s)
    {
        var window = $"de afgelopen {s.WindowWeeks} weken";
        HealthVerdict Of(Ratio r, string counted, string nothing) =>
            new(r.Whole == 0 ? nothing : $"{counted}: {r.Part} van de {r.Whole}.");
        return
        [
            new("wederkerigheid", "Wederkerigheid (#durftevragen)",
                $"Van de leden die de afgelopen {s.WindowWeeks} weken actief waren: het deel dat zowel iets vroeg (een leervraag stelde) " +
                "als iets gaf (doorvroeg op de vraag van een ander, een aanbod deed of een bijeenkomst plande).",
                i => i.Reciprocity.Share, true,
                i => Of(i.Reciprocity, "Actieve leden die vroegen én gaven", $"Niemand was actief in {window}."), "Wederkerigheid"),
            new("eigenaarschap", "Eigenaarschap van de leden",
                $"Van de coalities die de afgelopen {s.WindowWeeks} weken zijn gevormd en de bijeenkomsten die zijn gepland: het deel dat " +
                "een lid startte dat op dat moment geen moderator, aanbieder of beheerder was. Organiseren de begeleiders het meeste, " +
                "dan worden leden consumenten: 'niet ons netwerk'.",
                i => i.MemberOwnership.Share, true,
                i => i.NotOurNetwork
                    ? new HealthVerdict("Let op: niet ons netwerk? Begeleiders zetten " +
                        $"{i.MemberOwnership.Whole - i.MemberOwnership.Part} van de {i.MemberOwnership.Whole} op.", Warning: true)
                    : Of(i.MemberOwnership, "Door leden opgezet", $"Niets opgezet in {window}."), "Eigenaarschap"),
            new("praatgroepen", "Doen boven praten: praatgroepen",
                $"Leervragen met minstens {s.TalkFollowUps} doorvragen en coalities met minstens {s.TalkCoalitionMembers} leden die er al " +
                $"{s.TalkWeeks} weken of langer zijn, zonder bijeenkomst en zonder gesteld doel. Hoe minder, hoe beter.",
                i => i.TalkingShops, false,
                i => i.TalkingShops == 0
                    ? new HealthVerdict("Geen praatgroepen: wat lang besproken wordt, krijgt een doel of bijeenkomst.")
                    : new HealthVerdict("Veel gepraat, nog geen doel of bijeenkomst: zie de lijst.", Warning: true, Link: "#" + TalkingShopsAnchor),
                "Praatgroepen"),
            new("breedte", "Breedte",
                $"Het deel van alle bijdragen van de afgelopen {s.WindowWeeks} weken dat van de actiefste 10% van de leden komt " +
                "(naar boven afgerond). Hoe lager, hoe breder het netwerk gedragen wordt.",
                i => i.Breadth.Share, true,
                i => new HealthVerdict(i.Breadth.Whole == 0 ? $"Geen bijdragen in {window}." :
                    $"De actiefste {i.TopContributors} {(i.TopContributors == 1 ? "lid" : "leden")}: " +
                    $"{i.Breadth.Part} van de {i.Breadth.Whole} bijdragen.")),
            new("scholen", "Over schoolgrenzen",
                "Het deel van de open coalities met leden van twee of meer scholen.",
                i => i.CrossSchool.Share, true,
                i => Of(i.CrossSchool, "Open coalities over schoolgrenzen", "Nog geen open coalities.")),
            new("vraaggestuurd", "Vraaggestuurd aanbod",
                $"Het deel van de bijeenkomsten die de afgelopen {s.WindowWeeks} weken zijn gepland voor een coalitie, in plaats van als los aanbod.",
                i => i.DemandDriven.Share, true,
                i => Of(i.DemandDriven, "Bijeenkomsten voor een coalitie", $"Geen bijeenkomsten gepland in {window}.")),
            new("makelfunctie", "Makelfunctie: door het platform",
                $"Van alle keren dat de afgelopen {s.WindowWeeks} weken een lid bij een vraag werd gehaald (omdat het lid het thema " +
                "aanbiedt, aanbieder is, een vergelijkbare vraag stelde of het thema volgt): het deel dat het platform zelf deed. " +
                "De rest deden moderatoren met een por vanaf de radar. Hoe hoger, hoe minder het netwerk op begeleiders leunt.",
                i => i.Matchmaking?.Share, true,
                i => Of(i.Matchmaking ?? new Ratio(0, 0), "Door het platform gelegd", $"Geen matches in {window}."), "Makelfunctie"),
            new("leden", "Leden", "Alle leden aan het eind van de week, op weg naar 500.", i => i.Members, false,
                i => new HealthVerdict(i.Members < NetworkEndpoints.Goal
                    ? $"Nog {NetworkEndpoints.Goal - i.Members} tot {NetworkEndpoints.Goal}." : $"Het doel van {NetworkEndpoints.Goal} is gehaald.")),
            new("nieuw", "Nieuwe leden", "Leden die die week lid werden.", i => i.NewMembers, false),
            new("actief", "Actieve leden", Active, i => i.ActiveMembers, false),
            new("doelen", "Doelen bereikt", "Leervragen waarvan de inbrenger die week vastlegde dat het doel bereikt is.", i => i.GoalsReached, false,
                i => new HealthVerdict($"{i.GoalsReachedTotal} in totaal.")),
            new("successen", "Successen gevierd", "Succesverhalen die die week zijn gepubliceerd.", i => i.SuccessStories, false,
                i => new HealthVerdict($"{i.SuccessStoriesTotal} in totaal.")),
            new("terugblikken", "Proeven met terugblik",
                "Proeven waarop de groep die week terugblikte: wat ging goed, wat doen we volgende keer anders.",
                i => i.TrialsReviewed, false, i => new HealthVerdict($"{i.TrialsReviewedTotal} in totaal."),
                "Terugblikken"),
            new("afgerond", "Initiatieven afgerond",
                "Coalities die die week hun initiatief afrondden: " +
                "ze bereikten wat ze samen als afronding hadden afgesproken.",
                i => i.InitiativesCompleted, false, i => new HealthVerdict($"{i.InitiativesCompletedTotal} in totaal."),
                "Afgerond"),
            new("zonder-proef", "Samenkomen zonder uitproberen",
                "Coalities die nog lopen (niet afgerond of gesloten) met " +
                $"{s.StalledSessions} of meer gehouden bijeenkomsten, " +
                "maar zonder proef of product: ze komen samen, maar proberen in de klas nog niets uit. " +
                "Een bijeenkomst telt als gehouden zodra ze voorbij is en niet is afgelast. Hoe minder, hoe beter.",
                i => i.StalledCoalitions, false,
                i => i.StalledCoalitions == 0
                    ? new HealthVerdict("Wie samenkomt, probeert ook iets uit.")
                    : new HealthVerdict("Samenkomen, maar nog geen proef: zie de lijst.", Warning: true,
                        Link: "#" + StalledAnchor),
                "Zonder proef"),
        ];
    }
}
