using System.Security.Cryptography;
using System.Text;
using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;
using HetInitiatief.Questions;

namespace HetInitiatief.Moderation;

public static class RadarKinds
{
    public const string Unprobed = "unprobed";
    public const string UnansweredFollowUp = "unansweredFollowUp";
    public const string ClosingBelowThreshold = "closingBelowThreshold";
    public const string NoOffer = "noOffer";
    public const string ThemeWithoutSupply = "themeWithoutSupply";
    public const string TrialOverdue = "trialOverdue";
    public const string CoalitionIdle = "coalitionIdle";
    public const string CompletedWithoutStory = "completedWithoutStory";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Unprobed] = "Niemand vroeg door",
        [UnansweredFollowUp] = "Vervolgvraag wacht op antwoord",
        [ClosingBelowThreshold] = "Coalitie sluit binnenkort, nog te klein",
        [NoOffer] = "Coalitie groot genoeg, nog geen aanbod",
        [ThemeWithoutSupply] = "Vraag zonder aanbod",
        [TrialOverdue] = "Proef voorbij, nog geen terugblik",
        [CoalitionIdle] = "Coalitie stil",
        [CompletedWithoutStory] = "Afgerond, nog geen succesverhaal",
    };
}

/// <summary>One thing on the radar: what, why, and since when. Its id is derived from its key, so actions on it find it again.</summary>
public sealed record RadarItem(string Key, string Kind, string Title, string Why, DateTimeOffset Since, string Link, Guid? QuestionId, string? Theme, string? Sector)
{
    public Guid Id => IdFor(Key);

    public static Guid IdFor(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes($"radar:{key}")).AsSpan(0, 16));
}

/// <summary>Demand and supply for one theme in one sector, for the heat map.</summary>
public sealed record HeatCell(string Theme, string Sector, int Demand, int Supply)
{
    public bool Unanswered => Demand > 0 && Supply == 0;
}

/// <summary>An offer or a session: supply for a theme (and sector, when known) at a moment.</summary>
public sealed record SupplyFact(IReadOnlyList<string> Themes, string? Sector, DateTimeOffset At, Guid? CoalitionId);

/// <summary>
/// A completed initiative and the moment it was completed. The moment comes from its timeline: updates posted after
/// completion move the coalition's <c>LastActivityAt</c>, so the coalition alone cannot say when it was completed.
/// </summary>
public sealed record CompletedInitiative(Guid CoalitionId, Guid QuestionId, DateTimeOffset CompletedAt);

/// <summary>
/// What the radar is computed from: the read models as they are now. Open coalitions are the ones still underway;
/// completed initiatives are apart, so they count as neither demand nor a coalition waiting for an offer. Whether
/// a question has a success story is read from its <see cref="QuestionDetails.Stories"/>.
/// </summary>
/// <param name="Demand">
/// The demand per theme × sector, counted by the database over every open question; when absent it is counted from
/// <paramref name="OpenQuestions"/>, which then must hold them all. With it, the open questions and coalitions need only
/// be the candidates for an item.
/// </param>
public sealed record RadarFacts(
    IReadOnlyList<QuestionDetails> OpenQuestions, IReadOnlyList<CoalitionDetails> OpenCoalitions,
    IReadOnlyList<SupplyFact> Supply, IReadOnlyList<CompletedInitiative>? Completed = null,
    IReadOnlyList<DemandCell>? Demand = null);

/// <summary>Open questions of one theme and sector: how many (with their coalitions' members) and since when the oldest waits.</summary>
public sealed record DemandCell(string Theme, string Sector, int Demand, DateTimeOffset Since);

public sealed record RadarView(IReadOnlyList<RadarItem> Items, IReadOnlyList<HeatCell> HeatMap);

/// <summary>
/// The unanswered-demand radar as a pure function of the facts, the settings and the moment, so every
/// rule and boundary is tested on hand-made facts. A rule fires once its duration has fully passed.
/// </summary>
public static class Radar
{
    public static RadarView Compute(RadarFacts facts, RadarSettings settings, DateTimeOffset now)
    {
        var items = new List<RadarItem>();
        var byId = facts.OpenQuestions.ToDictionary(q => q.Id);

        foreach (var q in facts.OpenQuestions)
        {
            if (q.FollowUps.Count == 0 && now - q.PostedAt >= settings.Unprobed)
                items.Add(new($"{RadarKinds.Unprobed}:{q.Id}", RadarKinds.Unprobed, q.Title,
                    $"Geplaatst {Shared.Display.Moment(q.PostedAt)}; in {Hours(settings.Unprobed)} vroeg niemand door.", q.PostedAt, $"/vragen/{q.Id}",
                    q.Id, q.Themes.FirstOrDefault(), q.Sector));
            foreach (var f in q.FollowUps.Where(f => f.Answer is null && now - f.AskedAt >= settings.UnansweredFollowUp))
                items.Add(new($"{RadarKinds.UnansweredFollowUp}:{f.Id}", RadarKinds.UnansweredFollowUp, q.Title,
                    $"Vervolgvraag van {Shared.Display.Moment(f.AskedAt)} is na {Days(settings.UnansweredFollowUp)} nog niet beantwoord: \"{Short(f.Text)}\"",
                    f.AskedAt, $"/vragen/{q.Id}#vervolgvraag-{f.Id}", q.Id, q.Themes.FirstOrDefault(), q.Sector));
        }

        var offered = facts.Supply.Where(s => s.CoalitionId is not null).Select(s => s.CoalitionId!.Value).ToHashSet();
        foreach (var c in facts.OpenCoalitions.Where(c => byId.ContainsKey(c.QuestionId)))
        {
            var question = byId[c.QuestionId];
            if (c.ThresholdReachedAt is null && c.ClosesAt is { } closes && closes > now && closes - now <= settings.ClosingWithin)
                items.Add(new($"{RadarKinds.ClosingBelowThreshold}:{c.Id}", RadarKinds.ClosingBelowThreshold, question.Title,
                    $"Sluit {Shared.Display.Moment(closes)} met {c.Partners} van {c.Threshold} partners.", closes - settings.ClosingWithin,
                    $"/vragen/{c.QuestionId}#coalitie", c.QuestionId, question.Themes.FirstOrDefault(), question.Sector));
            if (c.ThresholdReachedAt is { } reached && !offered.Contains(c.Id) && now - reached >= settings.NoOfferAfter)
                items.Add(new($"{RadarKinds.NoOffer}:{c.Id}", RadarKinds.NoOffer, question.Title,
                    $"Groot genoeg sinds {Shared.Display.Moment(reached)}; na {Days(settings.NoOfferAfter)} nog geen aanbod.", reached,
                    $"/vragen/{c.QuestionId}#aanbod", c.QuestionId, question.Themes.FirstOrDefault(), question.Sector));
            items.AddRange(AfterTheSession(c, question, settings, now));
        }
        items.AddRange(WithoutStory(facts, settings, now));

        var heat = HeatMap(facts, settings, now);
        foreach (var cell in heat.Where(c => c.Unanswered))
        {
            var since = facts.Demand?.FirstOrDefault(d => d.Theme == cell.Theme && d.Sector == cell.Sector)?.Since
                ?? facts.OpenQuestions.Where(q => q.Sector == cell.Sector && q.Themes.Contains(cell.Theme)).Select(q => q.PostedAt).DefaultIfEmpty(now).Min();
            items.Add(new($"{RadarKinds.ThemeWithoutSupply}:{cell.Theme}:{cell.Sector}", RadarKinds.ThemeWithoutSupply,
                $"{Themes.Name(cell.Theme)} · {Sectors.Name(cell.Sector)}",
                $"Vraag van {cell.Demand} (vragen en coalitieleden), geen aanbod of bijeenkomst in {Days(settings.SupplyWindow)}.", since,
                $"/vragen?theme={cell.Theme}&sector={cell.Sector}", null, cell.Theme, cell.Sector));
        }
        return new RadarView(items.OrderBy(i => i.Since).ToList(), heat);
    }

    /// <summary>
    /// Demand per theme × sector: open questions plus the members of their open coalitions (besides the
    /// owner). Supply: offers and sessions in the window; a session without a sector supplies every sector.
    /// </summary>
    public static IReadOnlyList<HeatCell> HeatMap(RadarFacts facts, RadarSettings settings, DateTimeOffset now)
    {
        var recent = facts.Supply.Where(s => s.At >= now - settings.SupplyWindow).ToList();
        var counted = facts.Demand?.ToDictionary(d => (d.Theme, d.Sector), d => d.Demand);
        var coalitionMembers = counted is null
            ? facts.OpenCoalitions.ToDictionary(c => c.QuestionId, c => c.Members.Count(m => m.MemberId != c.InitiatorId))
            : [];
        return (from theme in Themes.All.Keys
                from sector in Sectors.All.Keys
                let demand = counted is not null ? counted.GetValueOrDefault((theme, sector))
                    : facts.OpenQuestions.Where(q => q.Sector == sector && q.Themes.Contains(theme)).Sum(q => 1 + coalitionMembers.GetValueOrDefault(q.Id))
                let supply = recent.Count(s => s.Themes.Contains(theme) && (s.Sector is null || s.Sector == sector))
                select new HeatCell(theme, sector, demand, supply)).ToList();
    }

    /// <summary>The initiative's own life: a trial nobody looked back on, and a coalition that went quiet.</summary>
    private static IEnumerable<RadarItem> AfterTheSession(
        CoalitionDetails c, QuestionDetails question, RadarSettings settings, DateTimeOffset now)
    {
        var link = $"/vragen/{c.QuestionId}#coalitie";
        foreach (var trial in c.Progress.Trials.Where(t => !t.Reviewed && now >= DayAfter(t.Until)))
            yield return new($"{RadarKinds.TrialOverdue}:{trial.Id}", RadarKinds.TrialOverdue, question.Title,
                $"Proef {trial.Round} liep tot en met {trial.Until.ToString("d MMMM yyyy", Shared.Display.Dutch)}; " +
                $"{Shared.Display.Count(trial.Experiences, "ervaring", "ervaringen")} gedeeld, nog geen terugblik.",
                DayAfter(trial.Until), link, c.QuestionId, question.Themes.FirstOrDefault(), question.Sector);
        // The last activity is part of the key: a coalition that wakes up and goes quiet again is a new item,
        // not one a moderator dismissed before.
        if (now - c.LastActivityAt >= settings.CoalitionIdle)
            yield return new($"{RadarKinds.CoalitionIdle}:{c.Id}:{c.LastActivityAt.ToUnixTimeMilliseconds()}",
                RadarKinds.CoalitionIdle, question.Title,
                $"Al {Weeks(settings.CoalitionIdle)} of langer gebeurt er niets in de coalitie; " +
                $"het laatste was op {Shared.Display.Moment(c.LastActivityAt)}.",
                c.LastActivityAt, link, c.QuestionId, question.Themes.FirstOrDefault(), question.Sector);
    }

    private static IEnumerable<RadarItem> WithoutStory(RadarFacts facts, RadarSettings settings, DateTimeOffset now)
    {
        var questions = facts.OpenQuestions.ToDictionary(q => q.Id);
        foreach (var done in facts.Completed ?? [])
        {
            if (!questions.TryGetValue(done.QuestionId, out var q) || q.Stories is { Count: > 0 }) continue;
            if (now - done.CompletedAt < settings.StoryAfter) continue;
            yield return new($"{RadarKinds.CompletedWithoutStory}:{done.CoalitionId}", RadarKinds.CompletedWithoutStory,
                q.Title,
                $"Afgerond op {Shared.Display.Moment(done.CompletedAt)}; " +
                $"na {Days(settings.StoryAfter)} nog geen succesverhaal.",
                done.CompletedAt, $"/vragen/{done.QuestionId}#coalitie", done.QuestionId, q.Themes.FirstOrDefault(),
                q.Sector);
        }
    }

    /// <summary>
    /// A trial is tried until and including its last day in Dutch time (as its phase says), so it is over at the
    /// first moment of the next day there. Midnight is never skipped by a clock change in Amsterdam.
    /// </summary>
    public static DateTimeOffset DayAfter(DateOnly until)
    {
        var midnight = until.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Shared.Display.Local(new DateTimeOffset(midnight, TimeSpan.Zero)).Offset);
    }

    private static string Weeks(TimeSpan span) => span.TotalDays == 7 ? "1 week" : $"{span.TotalDays / 7:0.#} weken";

    private static string Hours(TimeSpan span) => $"{span.TotalHours:0} uur";

    private static string Days(TimeSpan span) => span.TotalDays == 1 ? "1 dag" : $"{span.TotalDays:0} dagen";

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
