using HetInitiatief.Coalitions;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HetInitiatief.Questions;

/// <summary>The coalition section of the question page: form it, join it, change position, leave.</summary>
public sealed partial class QuestionPageModel
{
    [BindProperty] public int? Threshold { get; set; } = CoalitionRules.DefaultThreshold;
    [BindProperty] public DateOnly? ClosesAt { get; set; }
    [BindProperty] public string? Invitation { get; set; }
    [BindProperty] public string? Position { get; set; } = Positions.Partner;
    [BindProperty] public string? Contribution { get; set; }
    [BindProperty] public Guid? HandoverTo { get; set; }

    public CoalitionView? Coalition { get; private set; }

    public string? MyPosition => Coalition?.PositionOf(User.MemberId());

    /// <summary>The extend form shows when the extend decision's own rule allows this member to move the date now.</summary>
    public bool MayExtendClosingDate { get; private set; }

    /// <summary>Joining: an open coalition around an open question, for whoever is not in it yet.</summary>
    public bool MayJoin { get; private set; }

    /// <summary>Leaving shows while the coalition is open (the decision also lets one leave a closed one).</summary>
    public bool MayLeave { get; private set; }

    /// <summary>The change-position form: <see cref="ChangePositionEndpoint.MayChange"/>.</summary>
    public bool MayChangePosition { get; private set; }

    /// <summary>Taking on an initiative nobody holds: <see cref="HandoverEndpoints.MayTakeOn"/>.</summary>
    public bool MayTakeOn { get; private set; }

    /// <summary>Accepting the initiative offered to this member: <see cref="HandoverEndpoints.MayAccept"/>.</summary>
    public bool MayAcceptHandover { get; private set; }

    /// <summary>Offering the initiative: <see cref="HandoverEndpoints.MayOffer"/>, when there is a partner.</summary>
    public bool MayOfferHandover { get; private set; }

    /// <summary>Every coalition flag comes from the rule its decision uses, asked of the coalition's state.</summary>
    private async Task DecideWhatTheCoalitionOffersAsync(Marten.IQuerySession session, Question? question,
        CancellationToken ct)
    {
        // Looking back in time nothing can be done: no forms.
        if (IsTimeTravel || Coalition is not { } shown
            || await session.LoadAsync<Coalitions.Coalition>(shown.Id, ct) is not { } state)
            return;
        var me = User.MemberId();
        MayExtendClosingDate = ClosingDate.MayExtend(state, me, clock.GetUtcNow()) is null;
        if (question is null) return;
        var open = CoalitionRules.MustBeOpen(state) is null;
        MayJoin = open && QuestionRules.MustBeOpen(question) is null && !state.Members.ContainsKey(me);
        MayLeave = open && state.Members.ContainsKey(me);
        MayChangePosition = ChangePositionEndpoint.MayChange(state, me) is null;
        MayTakeOn = HandoverEndpoints.MayTakeOn(state, question, me) is null;
        MayAcceptHandover = HandoverEndpoints.MayAccept(state, question, me) is null;
        MayOfferHandover = HandoverEndpoints.MayOffer(state, me) is null
            && state.Members.ContainsValue(Positions.Partner);
    }

    public Task<IActionResult> OnPostFormCoalitionAsync(CancellationToken ct) =>
        RunAsync(now => FormCoalitionEndpoint.FormAsync(Id, new FormCoalition(Threshold, EndOfDay(ClosesAt), Invitation), User.MemberId(), store, now, ct),
            "coalitie", "Je coalitie is gestart. Nodig collega's uit die hetzelfde willen leren.", ct);

    public Task<IActionResult> OnPostJoinAsync(CancellationToken ct) =>
        RunAsync(now => JoinCoalitionEndpoint.JoinAsync(Coalitions.Coalition.IdFor(Id), new JoinCoalition(Position, Contribution), User.MemberId(), store, now, ct),
            "coalitie", "Je doet mee met de coalitie.", ct);

    public Task<IActionResult> OnPostChangePositionAsync(CancellationToken ct) =>
        RunAsync(now => ChangePositionEndpoint.ChangeAsync(Coalitions.Coalition.IdFor(Id), new ChangePosition(Position), User.MemberId(), store, now, ct),
            "coalitie", "Je betrokkenheid is gewijzigd.", ct);

    public Task<IActionResult> OnPostLeaveAsync(CancellationToken ct) =>
        RunAsync(now => LeaveCoalitionEndpoint.LeaveAsync(Coalitions.Coalition.IdFor(Id), User.MemberId(), store, now, ct),
            "coalitie", "Je hebt de coalitie verlaten.", ct);

    [BindProperty] public DateOnly? NewClosesAt { get; set; }

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) =>
        RunAsync(now => ClosingDate.ExtendAsync(Coalitions.Coalition.IdFor(Id), new ExtendClosingDate(EndOfDay(NewClosesAt)), User.MemberId(), store, now, ct),
            "coalitie", "De sluitingsdatum is verschoven.", ct);

    public Task<IActionResult> OnPostOfferHandoverAsync(CancellationToken ct) =>
        RunAsync(now => HandoverEndpoints.OfferAsync(Coalitions.Coalition.IdFor(Id), new OfferHandover(HandoverTo), User.MemberId(), store, now, ct),
            "coalitie", "Je vraag om het initiatief over te nemen is verstuurd.", ct);

    public Task<IActionResult> OnPostAcceptHandoverAsync(CancellationToken ct) =>
        RunAsync(now => HandoverEndpoints.AcceptAsync(Coalitions.Coalition.IdFor(Id), User.MemberId(), store, now, ct),
            "coalitie", "Je bent nu de initiatiefnemer en de eigenaar van de vraag.", ct);

    public Task<IActionResult> OnPostTakeOnAsync(CancellationToken ct) =>
        RunAsync(now => HandoverEndpoints.TakeOnAsync(Coalitions.Coalition.IdFor(Id), User.MemberId(), store, now, ct),
            "coalitie", "Je bent nu de initiatiefnemer en de eigenaar van de vraag.", ct);

    /// <summary>A closing date means: until the end of that day, Dutch time.</summary>
    private static DateTimeOffset? EndOfDay(DateOnly? date)
    {
        if (date is not { } day) return null;
        var local = day.ToDateTime(new TimeOnly(23, 59));
        return new DateTimeOffset(local, Display.Local(new DateTimeOffset(local, TimeSpan.Zero)).Offset);
    }
}
