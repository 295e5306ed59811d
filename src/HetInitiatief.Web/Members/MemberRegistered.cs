namespace HetInitiatief.Members;

/// <summary>A teacher joined the network. The password hash is not part of it: see <see cref="MemberLogin"/>.</summary>
/// <remarks><c>EarlyBirdSeat</c>: the founding seat (1 to the number of seats) the member got, if any.</remarks>
public sealed record MemberRegistered(
    Guid MemberId, string Name, string Email, string School, string Sector, DateTimeOffset RegisteredAt, int? EarlyBirdSeat = null);
