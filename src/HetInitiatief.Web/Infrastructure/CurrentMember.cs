namespace HetInitiatief.Infrastructure;

public static class CurrentMember
{
    public static Guid MemberId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.MemberId() != Guid.Empty;
}
