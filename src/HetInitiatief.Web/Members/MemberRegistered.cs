namespace HetInitiatief.Members;

/// <summary>A teacher joined the network. The password hash is not part of it: see <see cref="MemberLogin"/>.</summary>
/// <remarks>
/// <c>EarlyBirdSeat</c>: the founding seat a member got on registering, before seats waited for a confirmed address
/// (<see cref="MemberEmailConfirmed"/>); kept so those events still read as they were written.
/// </remarks>
public sealed record MemberRegistered(
    Guid MemberId, string Name, string Email, string School, string Sector, DateTimeOffset RegisteredAt, int? EarlyBirdSeat = null);
