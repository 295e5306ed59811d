using HetInitiatief.Coalitions;
using HetInitiatief.Notifications;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Members;

/// <summary>
/// "Blank what I wrote as well": on request, a departing member's own texts — questions, follow-ups,
/// answers, goals, stories, contributions, feedback, offers, the initiative's texts and kennisbank products — are masked in the
/// event store, wherever they were written, and the read models of those streams are rebuilt from the masked events.
/// </summary>
public static class Contributions
{
    public const string Blanked = "(verwijderd op verzoek van een oud-lid)";

    public static void AddMaskingRules(StoreOptions options)
    {
        options.Events.AddMaskingRuleForProtectedInformation<QuestionPosted>(e => e with { Title = Blanked, Context = Blanked, WhyMine = "", AlreadyKnown = "" });
        options.Events.AddMaskingRuleForProtectedInformation<QuestionReformulated>(e => e with { Title = Blanked, Context = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<FollowUpAsked>(e => e with { Text = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<FollowUpAnswered>(e => e with { Answer = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<GoalSet>(e => e with { Goal = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<SuccessStoryPublished>(e => e with { Story = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<CoalitionFormed>(e => e with { Invitation = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<MemberJoinedCoalition>(e => e with { Contribution = "" });
        options.Events.AddMaskingRuleForProtectedInformation<FeedbackGiven>(e => e with { ChangeInPractice = Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<ProposalMade>(e => e with { Title = Blanked, Outcome = Blanked, ProposedDates = "" });
        options.Events.AddMaskingRuleForProtectedInformation<ProposalRevised>(e => e with { Title = Blanked, Outcome = Blanked, ProposedDates = "" });
        options.Events.AddMaskingRuleForProtectedInformation<ProposalReacted>(e => e with { Comment = null });
        options.Events.AddMaskingRuleForProtectedInformation<ProposalChangesRequested>(e => e with { Note = Blanked });
        Kennisbank.ProductContributions.AddMaskingRules(options);
        Initiative.InitiativeContributions.AddMaskingRules(options);
    }

    /// <summary>Who wrote the text an event carries; only those of the departing member are masked.</summary>
    public static Guid? AuthorOf(object data) => data switch
    {
        QuestionPosted e => e.PostedBy,
        QuestionReformulated e => e.ReformulatedBy,
        FollowUpAsked e => e.AskedBy,
        FollowUpAnswered e => e.AnsweredBy,
        GoalSet e => e.SetBy,
        SuccessStoryPublished e => e.PublishedBy,
        CoalitionFormed e => e.FormedBy,
        MemberJoinedCoalition e => e.MemberId,
        FeedbackGiven e => e.MemberId,
        ProposalMade e => e.ProposedBy,
        ProposalRevised e => e.RevisedBy,
        ProposalReacted e => e.MemberId,
        ProposalChangesRequested e => e.RequestedBy,
        _ => Kennisbank.ProductContributions.AuthorOf(data) ?? Initiative.InitiativeContributions.AuthorOf(data),
    };

    public static async Task BlankAsync(IDocumentStore store, Guid memberId, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var events = query.Events;
        var questions = (await events.QueryRawEventDataOnly<QuestionPosted>().Where(e => e.PostedBy == memberId).Select(e => e.QuestionId).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<FollowUpAsked>().Where(e => e.AskedBy == memberId).Select(e => e.QuestionId).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<FollowUpAnswered>().Where(e => e.AnsweredBy == memberId).Select(e => e.QuestionId).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<QuestionReformulated>().Where(e => e.ReformulatedBy == memberId).Select(e => e.QuestionId).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<SuccessStoryPublished>().Where(e => e.PublishedBy == memberId).Select(e => e.QuestionId).ToListAsync(ct))
            .Distinct().ToList();
        var titles = (await query.LoadManyAsync<QuestionDetails>(ct, questions)).Where(q => q.OwnerId == memberId).SelectMany(q => q.Versions.Select(v => v.Title)).Distinct().ToList();
        var coalitions = (await events.QueryRawEventDataOnly<MemberJoinedCoalition>().Where(e => e.MemberId == memberId).Select(e => e.CoalitionId).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<CoalitionFormed>().Where(e => e.FormedBy == memberId).Select(e => e.CoalitionId).ToListAsync(ct))
            .Distinct().ToList();
        var sessions = await events.QueryRawEventDataOnly<FeedbackGiven>().Where(e => e.MemberId == memberId).Select(e => e.SessionId).Distinct().ToListAsync(ct);
        var proposals = (await events.QueryRawEventDataOnly<ProposalMade>().Where(e => e.ProposedBy == memberId).Select(e => e.ProposalId).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<ProposalReacted>().Where(e => e.MemberId == memberId).Select(e => e.ProposalId).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<ProposalChangesRequested>().Where(e => e.RequestedBy == memberId).Select(e => e.ProposalId).ToListAsync(ct))
            .Distinct().ToList();

        // Read before the masking blanks them: the conversation's notifications quote follow-ups, answers and goals.
        var quoted = (await events.QueryRawEventDataOnly<FollowUpAsked>().Where(e => e.AskedBy == memberId).Select(e => e.Text).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<FollowUpAnswered>().Where(e => e.AnsweredBy == memberId).Select(e => e.Answer).ToListAsync(ct))
            .Concat(await events.QueryRawEventDataOnly<GoalSet>().Where(e => e.SetBy == memberId).Select(e => e.Goal).ToListAsync(ct))
            .Select(text => Notifications.QuestionNotifications.Shorten(text)).Distinct().ToList();

        var products = await Kennisbank.ProductContributions.WrittenByAsync(query, memberId, ct);

        var streams = questions.Concat(coalitions).Concat(sessions).Concat(proposals).Concat(products.Products).ToList();
        if (streams.Count == 0) return;
        await store.Advanced.ApplyEventDataMasking(masking =>
        {
            foreach (var stream in streams) masking.IncludeStream(stream, e => AuthorOf(e.Data) == memberId);
        }, ct);

        foreach (var id in questions)
        {
            await store.Advanced.RebuildSingleStreamAsync<QuestionDetails>(id, ct);
            await store.Advanced.RebuildSingleStreamAsync<QuestionBoardItem>(id, ct);
        }
        foreach (var id in coalitions)
        {
            await store.Advanced.RebuildSingleStreamAsync<CoalitionDetails>(id, ct);
            await store.Advanced.RebuildSingleStreamAsync<Initiative.InitiativeTimeline>(id, ct);
        }
        foreach (var id in sessions) await store.Advanced.RebuildSingleStreamAsync<Session>(id, ct);
        foreach (var id in proposals) await store.Advanced.RebuildSingleStreamAsync<Proposal>(id, ct);
        await Kennisbank.ProductContributions.AfterMaskingAsync(store, memberId, products, ct);

        // Notifications quote question titles; the titles the member wrote go with the rest.
        await ReplaceInNotificationsAsync(store, titles, "een verwijderde vraag", ct);
        await ReplaceInNotificationsAsync(store, quoted, "[verwijderd]", ct);
    }

    /// <summary>Notifications are text written once; what must be forgotten is replaced in them too.</summary>
    public static async Task ReplaceInNotificationsAsync(IDocumentStore store, IReadOnlyList<string> words, string replacement, CancellationToken ct)
    {
        if (words.Count == 0) return;
        await using var session = store.LightweightSession();
        foreach (var word in words.Where(w => w.Length > 0))
        {
            var quoting = await session.Query<Notification>().Where(n => n.Text.Contains(word)).ToListAsync(ct);
            foreach (var notification in quoting) session.Store(notification with { Text = notification.Text.Replace(word, replacement) });
        }
        await session.SaveChangesAsync(ct);
    }
}
