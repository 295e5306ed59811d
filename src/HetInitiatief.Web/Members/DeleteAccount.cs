using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using Microsoft.AspNetCore.Authentication;

namespace HetInitiatief.Members;

/// <param name="BlankContributions">Also blank what I wrote in questions, follow-ups, coalitions, sessions, offers and the kennisbank.</param>
public sealed record DeleteAccount(bool? Confirm, bool BlankContributions = false);

/// <summary>
/// AVG/GDPR: a member deletes their account. Their personal data is masked in their own events and
/// removed from every document; what others took part in (questions, follow-ups, coalitions) stays,
/// shown as by "oud-lid", because names are looked up at read time and the profile is gone — or, when
/// the member asks, with their texts blanked as well (<see cref="Contributions"/>).
/// </summary>
public static class DeleteAccountEndpoint
{
    [EndpointSummary("Delete my account: my personal data is masked in my events and removed from every read model; what others took part in stays, as by 'oud-lid'.")]
    [AllowUnconfirmed]
    [WolverinePost("/api/me/delete")]
    [Refuses(400)]
    public static async Task<Done> Delete(
        DeleteAccount command, ClaimsPrincipal user, HttpContext context, IDocumentStore store, Mail.Mailer mailer,
        SessionStamps stamps, CancellationToken ct)
    {
        if (command.Confirm != true) return Problem.Invalid("confirm", "Bevestig dat je je account wilt verwijderen.");
        await DeleteAsync(user.MemberId(), command.BlankContributions, store, mailer, stamps, ct);
        await context.SignOutAsync(Authentication.Cookie);
        return Done.Instance;
    }

    public static async Task DeleteAsync(
        Guid memberId, bool blankContributions, IDocumentStore store, Mail.Mailer mailer, SessionStamps stamps, CancellationToken ct)
    {
        if (blankContributions) await Contributions.BlankAsync(store, memberId, ct);
        await store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(memberId), ct);
        await Invites.InviteData.ForgetAsync(memberId, store, ct);

        await using var session = store.LightweightSession();
        var profile = await session.LoadAsync<MemberProfile>(memberId, ct);
        if (profile is not null)
        {
            session.Delete<MemberLogin>(MemberLogin.Normalise(profile.Email));
            session.Delete<SignInAttempts>(MemberLogin.Normalise(profile.Email));
            // Others' notifications name who did what ("Lotte doet mee…"); the name goes, the news stays.
            await Contributions.ReplaceInNotificationsAsync(store, [profile.Name], MemberProfile.FormerMember, ct);
            // Mail kept for the admins' listing and the outbox folder carries the address and the name; neither may outlive them.
            await mailer.ForgetAsync(session, profile.Email, profile.Name, ct);
        }
        session.Delete<MemberProfile>(memberId);
        session.Delete<CalendarFeed>(memberId);
        session.DeleteWhere<QuestionFollow>(f => f.MemberId == memberId);
        session.DeleteWhere<Notification>(n => n.MemberId == memberId);
        session.DeleteWhere<PasswordResetToken>(t => t.MemberId == memberId);
        session.DeleteWhere<EmailConfirmationToken>(t => t.MemberId == memberId);
        session.Delete<NotificationPreferences>(memberId);
        session.DeleteWhere<DigestItem>(i => i.MemberId == memberId);
        // Every cookie and token of the account ends with it, on other devices too.
        var stamp = SessionStamps.Renew(session, memberId);
        await session.SaveChangesAsync(ct);
        stamps.Renewed(memberId, stamp);
        if (profile is not null) await mailer.ForgetFilesAsync(profile.Email, ct);
    }
}
