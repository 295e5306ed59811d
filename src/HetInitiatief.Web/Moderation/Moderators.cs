using HetInitiatief.Members;
using Microsoft.Extensions.Options;

namespace HetInitiatief.Moderation;

/// <summary>Who moderates: members with the moderator role, and admins. Checked against the stored profile on every call.</summary>
public static class Moderators
{
    public const string Refusal = "Alleen moderatoren (en beheerders) mogen dit.";

    public static bool Are(MemberProfile? member) => member is not null && AdminAccess.Moderators.Any(member.Has);

    /// <summary>
    /// For the moderators' use cases, which need the moderator's profile; the same rule as
    /// <see cref="RolePolicies.Moderator"/>, for callers that do not pass through the policy.
    /// </summary>
    public static async Task<Outcome<MemberProfile>> RequireAsync(IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await session.LoadAsync<MemberProfile>(user.MemberId(), ct);
        if (member is null) return Problem.Unauthorized("Log opnieuw in.");
        return Are(member) ? member : Problem.Forbidden(Refusal);
    }
}

/// <summary>The radar's durations (settings <c>Moderation:Radar:*</c>), so a network can tune what "stale" means.</summary>
public sealed record RadarSettings(
    TimeSpan Unprobed, TimeSpan UnansweredFollowUp, TimeSpan ClosingWithin, TimeSpan NoOfferAfter,
    TimeSpan SupplyWindow, TimeSpan CoalitionIdle, TimeSpan StoryAfter, int ItemsPerKind = RadarOptions.DefaultItemsPerKind)
{
    public static readonly RadarSettings Default = new RadarOptions().ToSettings();

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedSettings<RadarOptions>(configuration, RadarOptions.Section, RadarOptions.Problems);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RadarOptions>>().Value.ToSettings());
    }
}

/// <summary>The radar's settings as configured, in hours and days; 0 means at once.</summary>
public sealed class RadarOptions
{
    public const string Section = "Moderation:Radar";

    public double UnprobedHours { get; set; } = 48;
    public double UnansweredFollowUpDays { get; set; } = 5;
    public double ClosingWithinDays { get; set; } = 7;
    public double NoOfferAfterDays { get; set; } = 14;
    public double SupplyWindowDays { get; set; } = 90;
    public double CoalitionIdleWeeks { get; set; } = 4;
    public double StoryAfterDays { get; set; } = 14;

    /// <summary>How often watching moderators are told to look again (<see cref="RadarClock"/>); a timer needs at least a second.</summary>
    public int RefreshSeconds { get; set; } = 60;

    public const int DefaultItemsPerKind = 100;

    /// <summary>
    /// The radar shows at most this many items of each kind, the longest waiting first (dismissed ones not counted), so
    /// reading it costs the same however much lies waiting.
    /// </summary>
    public int ItemsPerKind { get; set; } = DefaultItemsPerKind;

    public static IEnumerable<string?> Problems(RadarOptions o) =>
    [
        Settings.AtLeast($"{Section}:{nameof(UnprobedHours)}", o.UnprobedHours, 0),
        Settings.AtLeast($"{Section}:{nameof(UnansweredFollowUpDays)}", o.UnansweredFollowUpDays, 0),
        Settings.AtLeast($"{Section}:{nameof(ClosingWithinDays)}", o.ClosingWithinDays, 0),
        Settings.AtLeast($"{Section}:{nameof(NoOfferAfterDays)}", o.NoOfferAfterDays, 0),
        Settings.AtLeast($"{Section}:{nameof(SupplyWindowDays)}", o.SupplyWindowDays, 0),
        Settings.AtLeast($"{Section}:{nameof(CoalitionIdleWeeks)}", o.CoalitionIdleWeeks, 0),
        Settings.AtLeast($"{Section}:{nameof(StoryAfterDays)}", o.StoryAfterDays, 0),
        Settings.AtLeast($"{Section}:{nameof(RefreshSeconds)}", o.RefreshSeconds, 1),
        Settings.AtLeast($"{Section}:{nameof(ItemsPerKind)}", o.ItemsPerKind, 1),
    ];

    public RadarSettings ToSettings() => new(TimeSpan.FromHours(UnprobedHours), TimeSpan.FromDays(UnansweredFollowUpDays),
        TimeSpan.FromDays(ClosingWithinDays), TimeSpan.FromDays(NoOfferAfterDays), TimeSpan.FromDays(SupplyWindowDays),
        TimeSpan.FromDays(7 * CoalitionIdleWeeks), TimeSpan.FromDays(StoryAfterDays), ItemsPerKind);
}

/// <summary>Setting <c>Moderation:FlagsToHide</c>: how many members' flags hide content until a moderator looks.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    public int FlagsToHide { get; set; } = FlagEndpoint.DefaultFlagsToHide;

    /// <summary>Content cannot be hidden by no flags at all: it is only ever looked at when someone flags it.</summary>
    public static IEnumerable<string?> Problems(ModerationOptions o) => [Settings.AtLeast($"{Section}:{nameof(FlagsToHide)}", o.FlagsToHide, 1)];
}
