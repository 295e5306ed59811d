using HetInitiatief.Coalitions;
using HetInitiatief.Questions;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Sessions;

public sealed class NewSessionModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan CoalitionPriority = TimeSpan.FromDays(3);

    [BindProperty(SupportsGet = true, Name = "coalitie")] public Guid? CoalitionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "voorstel")] public Guid? ProposalId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Type { get; set; } = "werkplaats";
    [BindProperty] public string? Format { get; set; } = "fysiek";
    [BindProperty] public DateOnly? Day { get; set; }
    [BindProperty] public TimeOnly? From { get; set; } = new(15, 30);
    [BindProperty] public TimeOnly? Until { get; set; } = new(17, 0);
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? MeetingLink { get; set; }
    [BindProperty] public int? Capacity { get; set; } = 20;
    [BindProperty] public int? Minimum { get; set; } = 6;
    [BindProperty] public DateOnly? DeadlineDay { get; set; }
    [BindProperty] public string? Theme { get; set; }

    public string? CoalitionTitle { get; private set; }

    public Guid? QuestionId { get; private set; }

    /// <summary>The dates the accepted proposal suggested, as its proposer wrote them: a hint above the date fields.</summary>
    public string? ProposedDates { get; private set; }

    /// <summary>
    /// Why this member cannot plan a session for this coalition (no accepted offer yet, or not its proposer or the
    /// initiator): the page says so instead of showing a form the decision would refuse.
    /// </summary>
    public Problem? NotForYou { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An accepted offer becomes the session: its plan fills the form.
        if (await LoadCoalitionAsync(ct) is { } proposal)
            (Title, Description, Type, Format) = (proposal.Title, proposal.Outcome, proposal.Type, proposal.Format);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var deadline = Local(DeadlineDay, new TimeOnly(23, 59));
        // A place is only asked for where people meet, a link only where they join online; what the form hid is not kept.
        var location = Format == "online" || string.IsNullOrWhiteSpace(Location) ? null : Location;
        var link = Format == "fysiek" || string.IsNullOrWhiteSpace(MeetingLink) ? null : MeetingLink;
        DateTimeOffset? priorityUntil = CoalitionId is null || deadline is null ? null : Min(now + CoalitionPriority, deadline.Value);
        var command = new ScheduleSession(Title, Description, Type, Format, Local(Day, From), Local(Day, Until), location, link,
            Capacity, Minimum, deadline, Theme, CoalitionId, priorityUntil, CoalitionId is null ? null : ProposalId);
        var outcome = await ScheduleSessionEndpoint.ScheduleAsync(command, User.MemberId(), store, now, ct);
        return await this.RedirectOrShowAsync(outcome.Problem,
            () => Redirect($"/bijeenkomsten/{outcome.Value!.SessionId}"), async () =>
            {
                await LoadCoalitionAsync(ct);
                return Page();
            },
            priorityUntil is { } until
                ? "De bijeenkomst staat in de agenda. De leden van de coalitie krijgen bericht en kunnen zich tot "
                  + $"{Display.Moment(until)} als eersten aanmelden."
                : "De bijeenkomst staat in de agenda. Collega's kunnen zich nu aanmelden.",
            refusal => new SessionForm(Day, From, Until, DeadlineDay,
                SessionForm.NewSessionFields).AddTo(ModelState, refusal));
    }

    /// <summary>The coalition's question, and the accepted offer the session comes from (by the same rule).</summary>
    private async Task<Offers.Proposal?> LoadCoalitionAsync(CancellationToken ct)
    {
        if (CoalitionId is not { } id) return null;
        await using var session = store.QuerySession();
        var coalition = await session.LoadAsync<CoalitionDetails>(id, ct);
        var accepted = coalition?.AcceptedProposalId is { } acceptedId
            ? await session.LoadAsync<Offers.Proposal>(acceptedId, ct)
            : null;
        NotForYou = ScheduleSessionEndpoint.MustComeFromAcceptedProposal(
            CoalitionId, ProposalId, coalition, accepted, User.MemberId());
        if (coalition is null) return null;
        var question = await session.LoadAsync<QuestionBoardItem>(coalition.QuestionId, ct);
        (CoalitionTitle, QuestionId) = (question?.Title, coalition.QuestionId);
        Theme ??= question?.Themes.FirstOrDefault();
        if (NotForYou is not null || accepted is null) return null;
        ProposalId = accepted.Id;
        ProposedDates = string.IsNullOrWhiteSpace(accepted.ProposedDates) ? null : accepted.ProposedDates.Trim();
        return accepted;
    }

    /// <summary>Dates and times in the form are Dutch local time.</summary>
    public static DateTimeOffset? Local(DateOnly? day, TimeOnly? time)
    {
        if (day is not { } d || time is not { } t) return null;
        var local = d.ToDateTime(t);
        return new DateTimeOffset(local, Display.Local(new DateTimeOffset(local, TimeSpan.Zero)).Offset);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
