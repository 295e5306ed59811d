using System.Security.Claims;
using HetInitiatief.Infrastructure;
using HetInitiatief.Members;
using Marten;

namespace HetInitiatief.Moderation;

/// <summary>Who moderates: members with the moderator role, and admins. Checked against the stored profile on every call.</summary>
public static class Moderators
{
    public const string Refusal = "Alleen moderatoren (en beheerders) mogen dit.";

    public static bool Are(MemberProfile? member) => member is not null && AdminAccess.Moderators.Any(member.Has);

    public static Task<Outcome<MemberProfile>> RequireAsync(IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        AdminAccess.RequireAnyAsync(session, user, AdminAccess.Moderators, Refusal, ct);
}

/// <summary>The radar's durations (settings <c>Moderation:Radar:*</c>), so a network can tune what "stale" means.</summary>
public sealed record RadarSettings(
    TimeSpan Unprobed, TimeSpan UnansweredFollowUp, TimeSpan ClosingWithin, TimeSpan NoOfferAfter, TimeSpan SupplyWindow)
{
    public static readonly RadarSettings Default = new(TimeSpan.FromHours(48), TimeSpan.FromDays(5), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(90));

    public static RadarSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Moderation:Radar");
        double Read(string key, double fallback) => double.TryParse(section[key], System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        return new(
            TimeSpan.FromHours(Read("UnprobedHours", 48)),
            TimeSpan.FromDays(Read("UnansweredFollowUpDays", 5)),
            TimeSpan.FromDays(Read("ClosingWithinDays", 7)),
            TimeSpan.FromDays(Read("NoOfferAfterDays", 14)),
            TimeSpan.FromDays(Read("SupplyWindowDays", 90)));
    }
}
