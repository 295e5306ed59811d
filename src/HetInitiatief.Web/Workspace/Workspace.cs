using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Workspace;

/// <summary>
/// Mijn werkplek: what waits for the member, what is new in their themes and which coalitions they could join.
/// Every item carries the link to the place where it is handled.
/// </summary>
public sealed record WorkspaceView(
    int UnreadNotifications,
    IReadOnlyList<WaitingGroup> Waiting,
    IReadOnlyList<ThemeQuestion> NewInMyThemes,
    IReadOnlyList<CoalitionToJoin> CoalitionsToJoin,
    IReadOnlyList<ThemeView> MyThemes,
    FirstSteps FirstSteps,
    IReadOnlyList<Initiative.InitiativeNewsItem>? FromTheInitiatives = null);

/// <summary>One kind of thing waiting for the member, at most <see cref="MyWorkspace.ListSize"/> items; <c>Total</c> counts them all.</summary>
public sealed record WaitingGroup(string Kind, string Heading, IReadOnlyList<WaitingItem> Items, int Total, string? AllLink);

public sealed record WaitingItem(string Kind, string Title, string Subject, string? Text, string Link, DateTimeOffset At);

public sealed record ThemeQuestion(Guid QuestionId, string Title, Person Owner, IReadOnlyList<ThemeView> Themes, int FollowUpCount, DateTimeOffset PostedAt, string Link);

public sealed record CoalitionToJoin(
    Guid CoalitionId, Guid QuestionId, string QuestionTitle, IReadOnlyList<ThemeView> Themes, int Partners, int Threshold, DateTimeOffset? ClosesAt, string Link)
{
    public int Missing => Math.Max(0, Threshold - Partners);
}

/// <summary>What a new member does first; the page shows the steps not yet taken.</summary>
public sealed record FirstSteps(bool AskedAQuestion, bool ChoseThemes, bool FilledInProfile)
{
    public bool Done => AskedAQuestion && ChoseThemes && FilledInProfile;
}

public static class WaitingKinds
{
    public const string FollowUpToAnswer = "followUpToAnswer";
    public const string FollowUpAnswered = "followUpAnswered";
    public const string Coalition = "coalition";
    public const string Proposal = "proposal";
    public const string Session = "session";
}

public static class WorkspaceEndpoint
{
    [EndpointSummary("Mijn werkplek: what waits for me, what is new in my themes, coalitions to join; each item with its link.")]
    [WolverineGet("/api/me/workspace")]
    public static async Task<Answer<WorkspaceView>> Get(
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await MyWorkspace.LoadAsync(user.MemberId(), session, clock.GetUtcNow(), ct);
}

/// <summary>
/// Computed on reading from the read models the other pages use; every query is bounded, and the rules that pick
/// what to show are pure functions of those documents.
/// </summary>
public static class MyWorkspace
{
    public const int ListSize = 5;
    public static readonly TimeSpan Recent = TimeSpan.FromDays(14);
    public static readonly TimeSpan ClosingSoon = TimeSpan.FromDays(7);
    /// <summary>A coalition this many partners short (or fewer) is "almost there".</summary>
    public const int AlmostThere = 2;
    private const int Scan = 100;

    public static async Task<WorkspaceView> LoadAsync(Guid memberId, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var me = await session.LoadAsync<MemberProfile>(memberId, ct);
        var since = now - Recent;

        var myOpenQuestions = await session.Query<QuestionDetails>()
            .Where(q => q.OwnerId == memberId && q.Status == QuestionStatus.Open)
            .OrderByDescending(q => q.LastActivityAt).Take(Scan).ToListAsync(ct);
        var askedByMe = await session.Query<QuestionDetails>()
            .Where(q => q.FollowUps.Any(f => f.AskedBy == memberId) && q.LastActivityAt >= since)
            .OrderByDescending(q => q.LastActivityAt).Take(Scan).ToListAsync(ct);
        var myCoalitions = await session.Query<CoalitionDetails>()
            .Where(c => c.Members.Any(m => m.MemberId == memberId) && c.Status == CoalitionStatus.Open)
            .OrderByDescending(c => c.LastActivityAt).Take(Scan).ToListAsync(ct);
        var coalitionIds = myCoalitions.Where(c => c.AcceptedProposalId is null).Select(c => c.Id).ToArray();
        var proposals = coalitionIds.Length == 0 ? [] : await session.Query<Proposal>()
            .Where(p => p.CoalitionId.IsOneOf(coalitionIds) && p.Status == ProposalStatus.Open)
            .OrderByDescending(p => p.MadeAt).Take(Scan).ToListAsync(ct);
        var sessions = await session.Query<Session>()
            .Where(s => (s.Participants.Contains(memberId) || s.Waitlist.Contains(memberId)) && s.StartsAt > now && s.Status != SessionStatus.CalledOff)
            .OrderBy(s => s.StartsAt).Take(Scan).ToListAsync(ct);

        var themes = ThemesOf(me).ToArray();
        var hidden = await Moderation.HiddenContent.HiddenQuestionIdsAsync(session, ct);
        var inMyThemes = themes.Length == 0 ? [] : (await session.Query<QuestionBoardItem>()
            .Where(q => q.Status == QuestionStatus.Open && q.OwnerId != memberId && q.Themes.Any(t => themes.Contains(t)))
            .OrderByDescending(q => q.LastActivityAt).Take(Scan).ToListAsync(ct))
            .Where(q => q.MergedInto is null && !hidden.Contains(q.Id)).ToList();
        var candidateCoalitions = inMyThemes.Count == 0 ? [] : await session.LoadManyAsync<CoalitionDetails>(ct, inMyThemes.Select(q => Coalition.IdFor(q.Id)));
        var askedAny = myOpenQuestions.Count > 0
            || await session.Query<QuestionDetails>().AnyAsync(q => q.OwnerId == memberId, ct);

        var coalitionTitles = (await session.LoadManyAsync<QuestionBoardItem>(ct, myCoalitions.Select(c => c.QuestionId).Concat(proposals.Select(p => p.QuestionId)).Distinct()))
            .ToDictionary(q => q.Id, q => q.Title);
        var names = await MemberProfile.NamesAsync(session,
            myOpenQuestions.SelectMany(q => q.FollowUps.Select(f => f.AskedBy))
                .Concat(askedByMe.Select(q => q.OwnerId)).Concat(proposals.Select(p => p.ProposedBy)).Concat(inMyThemes.Select(q => q.OwnerId)), ct);

        var waiting = new[]
        {
            Group(WaitingKinds.FollowUpToAnswer, "Vervolgvragen voor jou", FollowUpsToAnswer(myOpenQuestions, names), null),
            Group(WaitingKinds.FollowUpAnswered, "Antwoorden op jouw vervolgvragen", AnswersToMyFollowUps(askedByMe, memberId, names, since), null),
            Group(WaitingKinds.Coalition, "Jouw coalities", CoalitionsNeedingMe(myCoalitions, coalitionTitles, now), "/mijn-coalities"),
            Group(WaitingKinds.Proposal, "Aanbod voor jouw coalitie", ProposalsAwaitingMe(proposals, memberId, coalitionTitles, names), null),
            Group(WaitingKinds.Session, "Jouw bijeenkomsten", SessionsAhead(sessions, memberId), "/mijn-bijeenkomsten"),
        }.Where(g => g.Total > 0).ToList();

        return new WorkspaceView(
            await MyNotificationsEndpoints.UnreadAsync(memberId, session, ct),
            waiting,
            NewQuestions(inMyThemes, names, since),
            CoalitionsToJoin(inMyThemes, candidateCoalitions, memberId),
            themes.Select(t => new ThemeView(t, Themes.Name(t))).ToList(),
            new FirstSteps(askedAny, themes.Length > 0, ProfileFilledIn(me)),
            await Initiative.InitiativeNewsEndpoint.LatestAsync(session, ct));
    }

    /// <summary>The themes a member follows and the themes they offer: both say "this is my field".</summary>
    public static IReadOnlyList<string> ThemesOf(MemberProfile? me) =>
        (me?.FollowedThemes ?? []).Concat(me?.OfferedThemes ?? []).Distinct().ToList();

    public static bool ProfileFilledIn(MemberProfile? me) =>
        me is not null && ((me.Subjects?.Count ?? 0) > 0 || !string.IsNullOrWhiteSpace(me.About) || (me.OfferedThemes?.Count ?? 0) > 0);

    private static WaitingGroup Group(string kind, string heading, IReadOnlyList<WaitingItem> items, string? allLink) =>
        new(kind, heading, items.Take(ListSize).ToList(), items.Count, allLink);

    /// <summary>Colleagues who asked and wait for the owner's answer; the longest waiting first.</summary>
    public static IReadOnlyList<WaitingItem> FollowUpsToAnswer(IEnumerable<QuestionDetails> myOpenQuestions, IReadOnlyDictionary<Guid, string> names) =>
        myOpenQuestions
            .SelectMany(q => q.FollowUps.Where(f => f.Answer is null).Select(f => new WaitingItem(
                WaitingKinds.FollowUpToAnswer, $"Beantwoord de vervolgvraag van {Person.Of(f.AskedBy, names).Name}", q.Title, Shorten(f.Text),
                $"/vragen/{q.Id}#vervolgvraag-{f.Id}", f.AskedAt)))
            .OrderBy(i => i.At).ToList();

    /// <summary>Answers the owner gave to this member's follow-ups in the recent window; newest first.</summary>
    public static IReadOnlyList<WaitingItem> AnswersToMyFollowUps(
        IEnumerable<QuestionDetails> questions, Guid memberId, IReadOnlyDictionary<Guid, string> names, DateTimeOffset since) =>
        questions
            .SelectMany(q => q.FollowUps.Where(f => f.AskedBy == memberId && f.AnsweredAt >= since).Select(f => new WaitingItem(
                WaitingKinds.FollowUpAnswered, $"{Person.Of(q.OwnerId, names).Name} beantwoordde je vervolgvraag", q.Title, Shorten(f.Answer!),
                $"/vragen/{q.Id}#vervolgvraag-{f.Id}", f.AnsweredAt!.Value)))
            .OrderByDescending(i => i.At).ToList();

    /// <summary>Open coalitions of mine below their threshold that are almost there or close within a week; the nearest deadline first.</summary>
    public static IReadOnlyList<WaitingItem> CoalitionsNeedingMe(
        IEnumerable<CoalitionDetails> myCoalitions, IReadOnlyDictionary<Guid, string> titles, DateTimeOffset now) =>
        myCoalitions
            .Where(c => c.Status == CoalitionStatus.Open && c.ThresholdReachedAt is null)
            .Select(c => (Coalition: c, Missing: c.Threshold - c.Partners, Closing: c.ClosesAt is { } closes && closes > now && closes - now <= ClosingSoon))
            .Where(x => x.Missing is > 0 and <= AlmostThere || x.Closing)
            .OrderBy(x => x.Closing ? x.Coalition.ClosesAt!.Value : DateTimeOffset.MaxValue).ThenBy(x => x.Missing)
            .Select(x => new WaitingItem(
                WaitingKinds.Coalition,
                x.Closing ? $"Sluit {ClosingIn(x.Coalition.ClosesAt!.Value, now)}: nog {Partners(x.Missing)} nodig" : $"Nog {Partners(x.Missing)} nodig",
                titles.GetValueOrDefault(x.Coalition.QuestionId, ""), "Deel de link met collega's die hetzelfde willen leren.",
                $"/vragen/{x.Coalition.QuestionId}#coalitie", x.Coalition.ClosesAt ?? x.Coalition.LastActivityAt))
            .ToList();

    /// <summary>Open offers to my coalitions that I did not make and have not reacted to yet; the oldest first.</summary>
    public static IReadOnlyList<WaitingItem> ProposalsAwaitingMe(
        IEnumerable<Proposal> proposals, Guid memberId, IReadOnlyDictionary<Guid, string> titles, IReadOnlyDictionary<Guid, string> names) =>
        proposals
            .Where(p => p.Status == ProposalStatus.Open && p.ProposedBy != memberId && p.Reactions.All(r => r.MemberId != memberId))
            .OrderBy(p => p.MadeAt)
            .Select(p => new WaitingItem(
                WaitingKinds.Proposal, $"Reageer op het aanbod van {Person.Of(p.ProposedBy, names).Name}", titles.GetValueOrDefault(p.QuestionId, ""),
                p.Title, $"/vragen/{p.QuestionId}#aanbod", p.MadeAt))
            .ToList();

    /// <summary>Upcoming sessions I have a seat for or wait for; the soonest first.</summary>
    public static IReadOnlyList<WaitingItem> SessionsAhead(IEnumerable<Session> sessions, Guid memberId) =>
        sessions
            .Where(s => !s.IsCalledOff && (s.Participants.Contains(memberId) || s.Waitlist.Contains(memberId)))
            .OrderBy(s => s.StartsAt)
            .Select(s => new WaitingItem(
                WaitingKinds.Session,
                s.Participants.Contains(memberId) ? "Je bent aangemeld" : $"Plek {s.Waitlist.IndexOf(memberId) + 1} op de wachtlijst",
                s.Title, Shared.Display.Moment(s.StartsAt), $"/bijeenkomsten/{s.Id}", s.StartsAt))
            .ToList();

    /// <summary>Open questions of colleagues in my themes, posted in the recent window; newest first.</summary>
    public static IReadOnlyList<ThemeQuestion> NewQuestions(IEnumerable<QuestionBoardItem> inMyThemes, IReadOnlyDictionary<Guid, string> names, DateTimeOffset since) =>
        inMyThemes
            .Where(q => q.PostedAt >= since)
            .OrderByDescending(q => q.PostedAt).Take(ListSize)
            .Select(q => new ThemeQuestion(q.Id, q.Title, Person.Of(q.OwnerId, names), q.Themes.Select(t => new ThemeView(t, Themes.Name(t))).ToList(),
                q.FollowUpCount, q.PostedAt, $"/vragen/{q.Id}"))
            .ToList();

    /// <summary>Open coalitions in my themes that I am not in and that still need partners; the closest to their threshold first.</summary>
    public static IReadOnlyList<CoalitionToJoin> CoalitionsToJoin(
        IEnumerable<QuestionBoardItem> inMyThemes, IEnumerable<CoalitionDetails> coalitions, Guid memberId)
    {
        var questions = inMyThemes.ToDictionary(q => q.Id);
        return coalitions
            .Where(c => c.Status == CoalitionStatus.Open && c.ThresholdReachedAt is null && c.Members.All(m => m.MemberId != memberId)
                        && questions.ContainsKey(c.QuestionId))
            .OrderBy(c => c.Threshold - c.Partners).ThenBy(c => c.ClosesAt ?? DateTimeOffset.MaxValue).Take(ListSize)
            .Select(c => new CoalitionToJoin(c.Id, c.QuestionId, questions[c.QuestionId].Title,
                questions[c.QuestionId].Themes.Select(t => new ThemeView(t, Themes.Name(t))).ToList(), c.Partners, c.Threshold, c.ClosesAt,
                $"/vragen/{c.QuestionId}#coalitie"))
            .ToList();
    }

    private static string Partners(int missing) => missing == 1 ? "1 partner" : $"{missing} partners";

    private static string ClosingIn(DateTimeOffset closes, DateTimeOffset now)
    {
        var days = (Shared.Display.Local(closes).Date - Shared.Display.Local(now).Date).Days;
        return days switch { <= 0 => "vandaag", 1 => "morgen", _ => $"over {days} dagen" };
    }

    private static string Shorten(string text)
    {
        if (text.Length <= 160) return text;
        var cut = text.LastIndexOf(' ', 159);
        return text[..(cut > 0 ? cut : 159)] + "…";
    }
}
