using System.Globalization;

namespace HetInitiatief.Moderation;

/// <summary>One indicator as the pages show it: a Dutch name, what exactly it counts, and its value in a week.</summary>
public sealed record HealthIndicatorText(string Id, string Title, string Explanation, Func<HealthIndicators, double?> Value, bool Percentage)
{
    public string Show(HealthIndicators week) => Value(week) is { } v
        ? Percentage ? $"{Math.Round(v * 100, 0).ToString(CultureInfo.InvariantCulture)}%" : v.ToString("0", CultureInfo.InvariantCulture)
        : "–";
}

/// <summary>The definitions, written once for the dashboard and the public page, in the words docs/health.md uses.</summary>
public static class HealthIndicatorTexts
{
    public const string Active =
        "Actief is wie die week een leervraag stelde, doorvroeg, een doorvraag beantwoordde, een coalitie vormde of zich erbij aansloot, " +
        "een aanbod deed, een bijeenkomst plande, zich aanmeldde voor een bijeenkomst of feedback gaf.";

    public static IReadOnlyList<HealthIndicatorText> All(HealthSettings s) =>
    [
        new("wederkerigheid", "Wederkerigheid (#durftevragen)",
            $"Van de leden die de afgelopen {s.WindowWeeks} weken actief waren: het deel dat zowel iets vroeg (een leervraag stelde) " +
            "als iets gaf (doorvroeg op de vraag van een ander, een aanbod deed of een bijeenkomst plande).",
            i => i.Reciprocity.Share, true),
        new("eigenaarschap", "Eigenaarschap van de leden",
            $"Van de coalities die de afgelopen {s.WindowWeeks} weken zijn gevormd en de bijeenkomsten die zijn gepland: het deel dat " +
            "een lid startte dat op dat moment geen moderator, aanbieder of beheerder was. Organiseren de begeleiders het meeste, " +
            "dan worden leden consumenten: 'niet ons netwerk'.",
            i => i.MemberOwnership.Share, true),
        new("praatgroepen", "Doen boven praten: praatgroepen",
            $"Leervragen met minstens {s.TalkFollowUps} doorvragen en coalities met minstens {s.TalkCoalitionMembers} leden die er al " +
            $"{s.TalkWeeks} weken of langer zijn, zonder bijeenkomst en zonder gesteld doel. Hoe minder, hoe beter.",
            i => i.TalkingShops, false),
        new("breedte", "Breedte",
            $"Het deel van alle bijdragen van de afgelopen {s.WindowWeeks} weken dat van de actiefste 10% van de leden komt " +
            "(naar boven afgerond). Hoe lager, hoe breder het netwerk gedragen wordt.",
            i => i.Breadth.Share, true),
        new("scholen", "Over schoolgrenzen",
            "Het deel van de open coalities met leden van twee of meer scholen.",
            i => i.CrossSchool.Share, true),
        new("vraaggestuurd", "Vraaggestuurd aanbod",
            $"Het deel van de bijeenkomsten die de afgelopen {s.WindowWeeks} weken zijn gepland voor een coalitie, in plaats van als los aanbod.",
            i => i.DemandDriven.Share, true),
        new("leden", "Leden", "Alle leden aan het eind van de week, op weg naar 500.", i => i.Members, false),
        new("nieuw", "Nieuwe leden", "Leden die die week lid werden.", i => i.NewMembers, false),
        new("actief", "Actieve leden", Active, i => i.ActiveMembers, false),
        new("doelen", "Doelen bereikt", "Leervragen waarvan de inbrenger die week vastlegde dat het doel bereikt is.", i => i.GoalsReached, false),
        new("successen", "Successen gevierd", "Succesverhalen die die week zijn gepubliceerd.", i => i.SuccessStories, false),
    ];
}
