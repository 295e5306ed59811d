namespace HetInitiatief.Members;

/// <summary>A teacher joined the network. The password hash is not part of it: see <see cref="MemberLogin"/>.</summary>
public sealed record MemberRegistered(
    Guid MemberId, string Name, string Email, string School, string Sector, DateTimeOffset RegisteredAt);
