using HetInitiatief.Members;
using K = HetInitiatief.Moderation.HealthFactKinds;

namespace HetInitiatief.Moderation;

/// <summary>The dashboard's settings (section <c>Health</c>); docs/health.md explains each.</summary>
public sealed record HealthSettings(
    int WindowWeeks = 4, int TalkWeeks = 4, int TalkFollowUps = 5, int TalkCoalitionMembers = 5,
    double FacilitatorShareWarning = 0.5, int TrendWeeks = 12, int StalledSessions = 3)
{
    public const string Section = "Health";

    public static readonly IReadOnlyList<string> FacilitatorRoles = [MemberRoles.Moderator, MemberRoles.Provider, MemberRoles.Admin];

    /// <summary>The defaults, for the options pattern, which binds the configured values onto them.</summary>
    public HealthSettings() : this(WindowWeeks: 4)
    {
    }

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedSettings<HealthSettings>(configuration, Section, Problems);
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthSettings>>().Value);
    }

    /// <summary>A window or trend of no weeks has nothing to count; talk thresholds of 0 count everything.</summary>
    public static IEnumerable<string?> Problems(HealthSettings s) =>
    [
        Settings.AtLeast($"{Section}:{nameof(WindowWeeks)}", s.WindowWeeks, 1),
        Settings.AtLeast($"{Section}:{nameof(TalkWeeks)}", s.TalkWeeks, 0),
        Settings.AtLeast($"{Section}:{nameof(TalkFollowUps)}", s.TalkFollowUps, 0),
        Settings.AtLeast($"{Section}:{nameof(TalkCoalitionMembers)}", s.TalkCoalitionMembers, 0),
        Settings.Between($"{Section}:{nameof(FacilitatorShareWarning)}", s.FacilitatorShareWarning, 0, 1),
        Settings.AtLeast($"{Section}:{nameof(TrendWeeks)}", s.TrendWeeks, 1),
        Settings.AtLeast($"{Section}:{nameof(StalledSessions)}", s.StalledSessions, 1),
    ];
}

/// <summary>A share as the counts it came from, so a test (and a moderator) sees exactly what was counted.</summary>
public sealed record Ratio(int Part, int Whole)
{
    public double? Share => Whole == 0 ? null : Math.Round((double)Part / Whole, 4);
}

/// <summary>Every indicator for one week; the windowed ones cover the settings' window ending with this week.</summary>
/// <param name="Reciprocity">Active members in the window who both asked and gave, of all active members in it.</param>
/// <param name="MemberOwnership">Coalitions formed and sessions scheduled in the window by members without a facilitating role, of all of them.</param>
/// <param name="NotOurNetwork">The facilitators' share of that organising is above the setting.</param>
/// <param name="Breadth">Contributions in the window by the most active tenth of contributors (rounded up), of all contributions.</param>
/// <param name="CrossSchool">Open coalitions whose members come from two or more schools, of all open coalitions.</param>
/// <param name="DemandDriven">Sessions scheduled in the window for a coalition, of all sessions scheduled in it.</param>
/// <param name="Matchmaking">Matches in the window the platform made by itself, of all matches (the rest: moderators' nudges).</param>
/// <param name="InitiativesCompleted">Initiatives completed in the week (the total: ever).</param>
/// <param name="TrialsReviewed">Trials the group looked back on in the week (the total: ever).</param>
/// <param name="StalledCoalitions">
/// Coalitions underway with the set number of sessions held and no trial agreed.
/// </param>
public sealed record HealthIndicators(
    string Week, DateOnly WeekStarting,
    Ratio Reciprocity, Ratio MemberOwnership, bool NotOurNetwork, int TalkingShops, Ratio Breadth, int TopContributors,
    Ratio CrossSchool, Ratio DemandDriven,
    int Members, int NewMembers, int ActiveMembers, int GoalsReached, int GoalsReachedTotal, int SuccessStories, int SuccessStoriesTotal,
    Ratio? Matchmaking = null,
    int InitiativesCompleted = 0, int InitiativesCompletedTotal = 0,
    int TrialsReviewed = 0, int TrialsReviewedTotal = 0, int StalledCoalitions = 0);

/// <summary>A question or coalition with much talk and, after the set number of weeks, no session and no goal: a "praatgroep".</summary>
/// <param name="Discussion">Follow-ups asked on the question, or members of the coalition.</param>
public sealed record TalkingShop(string Kind, Guid QuestionId, Guid? CoalitionId, DateTimeOffset Since, int Discussion)
{
    public const string Question = "question";
    public const string Coalition = "coalition";
}

/// <summary>
/// The decay arc: a coalition that keeps meeting (the set number of sessions held) and never agreed a trial. Products
/// for the kennisbank will count as doing too, once they exist.
/// </summary>
/// <param name="Since">When the session that made the number ended.</param>
public sealed record StalledCoalition(Guid CoalitionId, Guid QuestionId, int SessionsHeld, DateTimeOffset Since);

public sealed record HealthDashboard(
    HealthIndicators Indicators, IReadOnlyList<TalkingShop> TalkingShops, IReadOnlyList<HealthIndicators> Trend,
    HealthSettings Settings, IReadOnlyList<StalledCoalition> StalledCoalitions)
{
    /// <summary>
    /// A moderator takes up a few at a time: the page and the API list those that have been so longest (a network of
    /// thousands of questions had 3,648 praatgroepen: a 587 KB answer); the indicators count them all.
    /// </summary>
    public const int ListedAtMost = 50;

    /// <summary>The dashboard with each list cut to the <see cref="ListedAtMost"/> longest (they come so ordered).</summary>
    public HealthDashboard Listed() => this with
    {
        TalkingShops = [.. TalkingShops.Take(ListedAtMost)],
        StalledCoalitions = [.. StalledCoalitions.Take(ListedAtMost)],
    };
}

/// <summary>
/// The health calculation's running totals at a moment (<see cref="At"/>): every fact before it applied, none after.
/// Only what lasts is in it (members, schools, roles, questions, coalitions, sessions, outcomes, totals), since
/// every windowed count starts later. It is never changed once made, so it can be shared by many reads.
/// </summary>
public sealed class HealthBase
{
    internal HealthBase(DateTimeOffset at, NetworkHealth.State state) => (At, State) = (at, state);

    public static readonly HealthBase Empty = new(DateTimeOffset.MinValue, new NetworkHealth.State());

    public DateTimeOffset At { get; }

    internal NetworkHealth.State State { get; }
}

/// <summary>
/// The health indicators as a pure function of the facts: the dashboard for week W is what the facts up to
/// the end of W say, so any past week can be shown again and a rebuild from the events gives the same numbers.
/// </summary>
public static class NetworkHealth
{
    public const int TopShareDivisor = 10;

    public static HealthDashboard Dashboard(IEnumerable<HealthFact> facts, HealthWeek week, HealthSettings settings) =>
        DashboardAndTotals(InOrder(facts), week, settings).Dashboard;

    /// <summary>
    /// The dashboard from every fact, in order, and the running totals it reached on the way: those at the start of the
    /// week's own window, from which the week can be computed again with only the facts from then on.
    /// </summary>
    public static (HealthDashboard Dashboard, HealthBase AtWindow) DashboardAndTotals(
        IReadOnlyList<HealthFact> ordered, HealthWeek week, HealthSettings settings)
    {
        // Oldest week first: the running totals move on to each week's window, so a week folds only its own window.
        var running = new State();
        var (at, next) = (DateTimeOffset.MinValue, 0);
        var trend = new List<HealthIndicators>();
        (HealthIndicators Indicators, IReadOnlyList<TalkingShop> TalkingShops, IReadOnlyList<StalledCoalition> Stalled)
            shown = default;
        foreach (var ago in Enumerable.Range(0, settings.TrendWeeks).Reverse())
        {
            var trendWeek = week.Minus(ago);
            var windowStart = WindowStart(trendWeek, settings);
            if (windowStart > at)
                (at, next) = (windowStart,
                    Fold(running, ordered, next, at, windowStart, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue));
            var computed = ComputeAll(new HealthBase(at, running), ordered, trendWeek, settings, next);
            trend.Add(computed.Indicators);
            if (ago == 0) shown = computed;
        }
        // The week itself is the trend's last (TrendWeeks is at least 1), so it is always set; ComputeAll works on a
        // copy, so the running totals are those at the week's window and are not changed after.
        return (new HealthDashboard(shown.Indicators!, shown.TalkingShops!, trend, settings, shown.Stalled!),
            new HealthBase(at, running));
    }

    /// <summary>The first moment of the week's window: before it, a fact only changes running totals.</summary>
    public static DateTimeOffset WindowStart(HealthWeek week, HealthSettings settings) =>
        week.Start.AddDays(-7 * (settings.WindowWeeks - 1));

    /// <summary>
    /// Applies the ordered facts from <paramref name="from"/> up to <paramref name="to"/>, starting the scan at an index;
    /// returns where it stopped.
    /// </summary>
    private static int Fold(State s, IReadOnlyList<HealthFact> ordered, int index, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset weekStart, DateTimeOffset windowStart)
    {
        for (; index < ordered.Count; index++)
        {
            var f = ordered[index];
            if (f.At < from) continue;
            if (f.At >= to) break;
            Apply(s, f, weekStart, windowStart);
        }
        return index;
    }

    /// <summary>
    /// Role changes before acts at the same moment, so "the role at that moment" includes a role granted then;
    /// the order in the event store breaks the remaining ties, so the order never depends on how the facts were loaded.
    /// </summary>
    public static IReadOnlyList<HealthFact> InOrder(IEnumerable<HealthFact> facts) =>
        facts.OrderBy(f => f.At).ThenBy(f => f.Kind is K.RoleGranted or K.RoleRevoked ? 0 : 1).ThenBy(f => f.Sequence).ThenBy(f => f.Id).ToList();

    /// <summary>One week's indicators and praatgroepen: what the trend and the public summary need.</summary>
    public static (HealthIndicators Indicators, IReadOnlyList<TalkingShop> TalkingShops) Compute(
        IReadOnlyList<HealthFact> ordered, HealthWeek week, HealthSettings settings)
    {
        var (indicators, shops, _) = ComputeAll(HealthBase.Empty, ordered, week, settings);
        return (indicators, shops);
    }

    /// <summary>The week as the dashboard shows it: also the coalitions on the decay arc, which only it lists.</summary>
    public static (
        HealthIndicators Indicators, IReadOnlyList<TalkingShop> TalkingShops, IReadOnlyList<StalledCoalition> Stalled)
        ComputeAll(HealthBase basis, IReadOnlyList<HealthFact> ordered, HealthWeek week, HealthSettings settings) =>
        ComputeAll(basis, ordered, week, settings, 0);

    private static (
        HealthIndicators Indicators, IReadOnlyList<TalkingShop> TalkingShops, IReadOnlyList<StalledCoalition> Stalled)
        ComputeAll(HealthBase basis, IReadOnlyList<HealthFact> ordered, HealthWeek week, HealthSettings settings, int index)
    {
        var (weekStart, cutoff, windowStart) = (week.Start, week.End, WindowStart(week, settings));
        if (basis.At > windowStart)
            throw new ArgumentOutOfRangeException(nameof(basis), "The running totals are past the window's start.");
        var s = basis.State.Copy();
        Fold(s, ordered, index, basis.At, cutoff, weekStart, windowStart);

        var ownership = new Ratio(s.OrganisedByMembers, s.Organised);
        var shops = TalkingShops(s, cutoff, settings);
        var stalled = Stalled(s, cutoff, settings);
        var indicators = new HealthIndicators(
            week.ToString(), week.StartDate,
            new Ratio(s.Askers.Count(s.Givers.Contains), s.Contributions.Count),
            ownership,
            ownership.Whole > 0 && (double)(ownership.Whole - ownership.Part) / ownership.Whole > settings.FacilitatorShareWarning,
            shops.Count,
            Breadth(s.Contributions.Values, out var top), top,
            CrossSchool(s),
            new Ratio(s.SessionsForCoalitions, s.Sessions),
            s.Members, s.NewMembers, s.ActiveInWeek.Count,
            s.ReachedInWeek.Count(q => s.Outcomes[q]), s.Outcomes.Count(o => o.Value), s.Stories, s.StoriesTotal,
            new Ratio(s.MatchesByPlatform, s.Matches),
            s.Completed, s.CompletedTotal, s.TrialsReviewed, s.TrialsReviewedTotal, stalled.Count);
        return (indicators, shops, stalled);
    }

    /// <summary>
    /// One fact applied to the state; a fact before the window (or before the week) only changes running totals.
    /// </summary>
    private static void Apply(State s, HealthFact f, DateTimeOffset weekStart, DateTimeOffset windowStart)
    {
        var inWeek = f.At >= weekStart;
        var inWindow = f.At >= windowStart;
        void Act(bool asked = false, bool gave = false)
        {
            if (inWeek) s.ActiveInWeek.Add(f.MemberId);
            if (!inWindow) return;
            s.Contributions[f.MemberId] = s.Contributions.GetValueOrDefault(f.MemberId) + 1;
            if (asked) s.Askers.Add(f.MemberId);
            if (gave) s.Givers.Add(f.MemberId);
        }
        void Organised()
        {
            if (!inWindow) return;
            s.Organised++;
            var roles = s.Roles.GetValueOrDefault(f.MemberId);
            if (roles is null || !roles.Overlaps(HealthSettings.FacilitatorRoles)) s.OrganisedByMembers++;
        }

        var subject = f.Subject ?? Guid.Empty;
        switch (f.Kind)
        {
            case K.Registered:
                s.Members++;
                if (inWeek) s.NewMembers++;
                s.Schools[f.MemberId] = f.Detail;
                break;
            case K.SchoolSet:
                s.Schools[f.MemberId] = f.Detail;
                break;
            case K.RoleGranted:
                (s.Roles.TryGetValue(f.MemberId, out var granted) ? granted : s.Roles[f.MemberId] = []).Add(f.Detail!);
                break;
            case K.RoleRevoked:
                s.Roles.GetValueOrDefault(f.MemberId)?.Remove(f.Detail!);
                break;
            case K.QuestionPosted:
                s.Questions[subject] = new QuestionState(f.MemberId, f.At);
                Act(asked: true);
                break;
            case K.OwnerChanged when s.Questions.TryGetValue(subject, out var moved):
                moved.Owner = f.MemberId;
                break;
            case K.FollowUpAsked:
                var probed = s.Questions.GetValueOrDefault(subject);
                if (probed is not null) probed.FollowUps++;
                Act(gave: probed?.Owner != f.MemberId);
                break;
            case K.FollowUpAnswered:
                Act();
                break;
            case K.GoalSet when s.Questions.TryGetValue(subject, out var aimed):
                aimed.HasGoal = true;
                break;
            case K.QuestionWithdrawn when s.Questions.TryGetValue(subject, out var withdrawn):
                withdrawn.Withdrawn = true;
                break;
            case K.GoalOutcome:
                s.Outcomes[subject] = f.Detail == K.Reached;
                if (inWeek && f.Detail == K.Reached) s.ReachedInWeek.Add(subject);
                break;
            case K.StoryPublished:
                s.StoriesTotal++;
                if (inWeek) s.Stories++;
                break;
            case K.CoalitionFormed:
                s.Coalitions[subject] = new CoalitionState(f.Related ?? Guid.Empty, f.At) { Members = { f.MemberId } };
                Act();
                Organised();
                break;
            case K.CoalitionJoined:
                s.Coalitions.GetValueOrDefault(subject)?.Members.Add(f.MemberId);
                Act();
                break;
            case K.CoalitionLeft:
                s.Coalitions.GetValueOrDefault(subject)?.Members.Remove(f.MemberId);
                break;
            case K.CoalitionClosed when s.Coalitions.TryGetValue(subject, out var closed):
                closed.Closed = true;
                break;
            case K.ProposalMade:
                Act(gave: true);
                break;
            case K.SessionScheduled:
                if (f.Related is { } forCoalition && s.Coalitions.TryGetValue(forCoalition, out var served))
                {
                    served.HasSession = true;
                    s.CoalitionSessions[subject] = new SessionState(forCoalition, f.Ends);
                }
                Act(gave: true);
                Organised();
                if (inWindow)
                {
                    s.Sessions++;
                    if (f.Related is not null) s.SessionsForCoalitions++;
                }
                break;
            case K.SessionMoved when s.CoalitionSessions.TryGetValue(subject, out var rescheduled):
                rescheduled.Ends = f.Ends;
                break;
            case K.SessionCalledOff when s.CoalitionSessions.TryGetValue(subject, out var calledOff):
                calledOff.CalledOff = true;
                break;
            case K.TrialAgreed when s.Coalitions.TryGetValue(subject, out var trying):
                trying.HasTrial = true;
                break;
            case K.ProductPublished when s.Coalitions.TryGetValue(subject, out var made):
                made.HasProduct = true;
                break;
            case K.TrialReviewed:
                s.TrialsReviewedTotal++;
                if (inWeek) s.TrialsReviewed++;
                break;
            case K.InitiativeCompleted:
                if (s.Coalitions.TryGetValue(subject, out var completed)) completed.Completed = true;
                s.CompletedTotal++;
                if (inWeek) s.Completed++;
                break;
            case K.Matched when inWindow:
                s.Matches++;
                if (f.Detail == K.ByPlatform) s.MatchesByPlatform++;
                break;
            case K.SignedUp:
            case K.FeedbackGiven:
                Act();
                break;
        }
    }

    /// <summary>
    /// The decay arc: coalitions underway (not closed, not completed) with at least the set number of sessions held
    /// for them and no trial agreed. A session is held once its end has passed (before the end of the week) and it was
    /// not called off by then; a session moved counts with its new end. Facts written before sessions carried their
    /// end hold none, so such a session counts only after a rebuild.
    /// </summary>
    private static List<StalledCoalition> Stalled(State s, DateTimeOffset cutoff, HealthSettings settings) =>
        s.CoalitionSessions.Values
            .Where(session => !session.CalledOff && session.Ends is { } ends && ends < cutoff)
            .GroupBy(session => session.CoalitionId)
            .Select(held => (Id: held.Key, Coalition: s.Coalitions[held.Key],
                Ends: held.Select(h => h.Ends!.Value).Order().ToList()))
            .Where(c => c.Coalition is { Closed: false, Completed: false, HasTrial: false, HasProduct: false }
                && c.Ends.Count >= settings.StalledSessions)
            .Select(c => new StalledCoalition(
                c.Id, c.Coalition.QuestionId, c.Ends.Count, c.Ends[settings.StalledSessions - 1]))
            .OrderBy(c => c.Since).ThenBy(c => c.CoalitionId)
            .ToList();

    /// <summary>The most active tenth of the contributors, rounded up (11 contributors: the top 2), and their share of all contributions.</summary>
    public static Ratio Breadth(IEnumerable<int> contributionsPerMember, out int top)
    {
        var counts = contributionsPerMember.OrderDescending().ToList();
        top = (counts.Count + TopShareDivisor - 1) / TopShareDivisor;
        return new Ratio(counts.Take(top).Sum(), counts.Sum());
    }

    private static Ratio CrossSchool(State s)
    {
        var open = s.Coalitions.Values.Where(c => !c.Closed).ToList();
        var spanning = open.Count(c => c.Members
            .Select(m => s.Schools.GetValueOrDefault(m)).OfType<string>().Distinct().Count() >= 2);
        return new Ratio(spanning, open.Count);
    }

    /// <summary>Old enough means at least the set number of weeks before the end of the week: exactly that many weeks counts.</summary>
    private static List<TalkingShop> TalkingShops(State s, DateTimeOffset cutoff, HealthSettings settings)
    {
        var oldEnough = cutoff.AddDays(-7 * settings.TalkWeeks);
        var coalitionOf = s.Coalitions.Where(c => !c.Value.Closed).ToDictionary(c => c.Value.QuestionId, c => (Id: c.Key, State: c.Value));
        var shops = new List<TalkingShop>();
        foreach (var (id, q) in s.Questions.Where(q => !q.Value.Withdrawn && !q.Value.HasGoal).OrderBy(q => q.Value.PostedAt))
        {
            var coalition = coalitionOf.TryGetValue(id, out var found) ? found : default;
            if (coalition.State?.HasSession == true) continue;
            if (q.PostedAt <= oldEnough && q.FollowUps >= settings.TalkFollowUps)
                shops.Add(new TalkingShop(TalkingShop.Question, id, coalition.State is null ? null : coalition.Id, q.PostedAt, q.FollowUps));
            if (coalition.State is { } c && c.FormedAt <= oldEnough && c.Members.Count >= settings.TalkCoalitionMembers)
                shops.Add(new TalkingShop(TalkingShop.Coalition, id, coalition.Id, c.FormedAt, c.Members.Count));
        }
        return shops;
    }

    internal sealed class State
    {
        public int Members, NewMembers, Organised, OrganisedByMembers, Sessions, SessionsForCoalitions, Stories, StoriesTotal;
        public int Matches, MatchesByPlatform, Completed, CompletedTotal, TrialsReviewed, TrialsReviewedTotal;
        public readonly Dictionary<Guid, SessionState> CoalitionSessions = [];
        public readonly Dictionary<Guid, string?> Schools = [];
        public readonly Dictionary<Guid, HashSet<string>> Roles = [];
        public readonly Dictionary<Guid, QuestionState> Questions = [];
        public readonly Dictionary<Guid, CoalitionState> Coalitions = [];
        public readonly Dictionary<Guid, bool> Outcomes = [];
        public readonly HashSet<Guid> ReachedInWeek = [], ActiveInWeek = [], Askers = [], Givers = [];
        public readonly Dictionary<Guid, int> Contributions = [];

        /// <summary>A deep copy, so one set of running totals can be the start of many weeks.</summary>
        public State Copy()
        {
            var copy = new State
            {
                Members = Members, NewMembers = NewMembers, Organised = Organised, OrganisedByMembers = OrganisedByMembers,
                Sessions = Sessions, SessionsForCoalitions = SessionsForCoalitions, Stories = Stories, StoriesTotal = StoriesTotal,
                Matches = Matches, MatchesByPlatform = MatchesByPlatform, Completed = Completed, CompletedTotal = CompletedTotal,
                TrialsReviewed = TrialsReviewed, TrialsReviewedTotal = TrialsReviewedTotal,
            };
            foreach (var (id, session) in CoalitionSessions) copy.CoalitionSessions[id] = session.Copy();
            foreach (var (id, school) in Schools) copy.Schools[id] = school;
            foreach (var (id, roles) in Roles) copy.Roles[id] = [.. roles];
            foreach (var (id, question) in Questions) copy.Questions[id] = question.Copy();
            foreach (var (id, coalition) in Coalitions) copy.Coalitions[id] = coalition.Copy();
            foreach (var (id, reached) in Outcomes) copy.Outcomes[id] = reached;
            copy.ReachedInWeek.UnionWith(ReachedInWeek);
            copy.ActiveInWeek.UnionWith(ActiveInWeek);
            copy.Askers.UnionWith(Askers);
            copy.Givers.UnionWith(Givers);
            foreach (var (id, count) in Contributions) copy.Contributions[id] = count;
            return copy;
        }
    }

    internal sealed class QuestionState(Guid owner, DateTimeOffset postedAt)
    {
        public Guid Owner { get; set; } = owner;
        public DateTimeOffset PostedAt { get; } = postedAt;
        public int FollowUps { get; set; }
        public bool HasGoal { get; set; }
        public bool Withdrawn { get; set; }

        public QuestionState Copy() => new(Owner, PostedAt) { FollowUps = FollowUps, HasGoal = HasGoal, Withdrawn = Withdrawn };
    }

    internal sealed class CoalitionState(Guid questionId, DateTimeOffset formedAt)
    {
        public Guid QuestionId { get; } = questionId;
        public DateTimeOffset FormedAt { get; } = formedAt;
        public HashSet<Guid> Members { get; } = [];
        public bool HasSession { get; set; }
        public bool Closed { get; set; }
        public bool HasTrial { get; set; }
        public bool HasProduct { get; set; }
        public bool Completed { get; set; }

        public CoalitionState Copy()
        {
            var copy = new CoalitionState(QuestionId, FormedAt)
            {
                HasSession = HasSession, Closed = Closed, HasTrial = HasTrial, HasProduct = HasProduct, Completed = Completed,
            };
            copy.Members.UnionWith(Members);
            return copy;
        }
    }

    /// <summary>A session for a coalition, as far as the decay arc needs it.</summary>
    internal sealed class SessionState(Guid coalitionId, DateTimeOffset? ends)
    {
        public Guid CoalitionId { get; } = coalitionId;
        public DateTimeOffset? Ends { get; set; } = ends;
        public bool CalledOff { get; set; }

        public SessionState Copy() => new(CoalitionId, Ends) { CalledOff = CalledOff };
    }
}
