namespace HetInitiatief.Members;

/// <summary>A member follows a theme: new questions in it reach them (see docs/notifications.md).</summary>
public sealed record MemberFollowedTheme(Guid MemberId, string Theme, DateTimeOffset FollowedAt);

public sealed record MemberUnfollowedTheme(Guid MemberId, string Theme, DateTimeOffset UnfollowedAt);
