using HetInitiatief.Members;

namespace HetInitiatief.Kennisbank;

public sealed record InviteCoAuthor(Guid? MemberId);

/// <summary>The invitee's answer: <c>Accept</c> true to become an author, false to decline.</summary>
public sealed record AnswerCoAuthorship(bool? Accept);

/// <summary>
/// An author invites a colleague to write along; only once the colleague accepts do they become an author, so nobody
/// is named as maker of something they did not agree to.
/// </summary>
public static class CoAuthorEndpoints
{
    public static Decision DecideInvite(Product product, Guid? inviteeId, bool inviteeExists, Guid memberId,
        DateTimeOffset now)
    {
        if (ProductRules.MustBeAuthor(product, memberId, "co-auteurs uitnodigen") is { } notAuthor) return notAuthor;
        if (inviteeId is not { } invitee || invitee == Guid.Empty || !inviteeExists)
            return Problem.Invalid("memberId", "Kies een lid om uit te nodigen als co-auteur.");
        if (product.IsAuthor(invitee)) return Problem.Conflict("Dit lid is al auteur van dit product.", "memberId");
        return product.Invited.Contains(invitee)
            ? Decision.Accept()
            : Decision.Accept(new CoAuthorInvited(product.Id, invitee, memberId, now));
    }

    public static Decision DecideAnswer(Product product, bool accept, Guid memberId, DateTimeOffset now)
    {
        if (accept && product.IsAuthor(memberId)) return Decision.Accept();
        if (!product.Invited.Contains(memberId))
            return Problem.Forbidden("Je bent niet uitgenodigd als co-auteur van dit product.");
        return accept
            ? Decision.Accept(new CoAuthorAccepted(product.Id, memberId, now))
            : Decision.Accept(new CoAuthorDeclined(product.Id, memberId, now));
    }

    [EndpointSummary("Invite a member as co-author of a product you are an author of; they become an author once they "
        + "accept.")]
    [WolverinePost("/api/kennisbank/{id}/co-authors")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<ProductWritten>> Invite(
        Guid id, InviteCoAuthor command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
            CancellationToken ct) =>
        (await InviteAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/kennisbank/{id}");

    [EndpointSummary("Accept (accept: true) or decline (accept: false) your invitation to co-author a product.")]
    [WolverinePost("/api/kennisbank/{id}/co-authors/me")]
    [Refuses(400, 403, 404)]
    public static async Task<Answer<ProductWritten>> Answer(
        Guid id, AnswerCoAuthorship command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
            CancellationToken ct) =>
        (await AnswerAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<ProductWritten>> InviteAsync(
        Guid productId, InviteCoAuthor command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct)
    {
        var exists = false;
        if (command.MemberId is { } invitee)
        {
            await using var query = store.QuerySession();
            exists = await query.LoadAsync<MemberProfile>(invitee, ct) is not null;
        }
        return (await EventStreams.DecideAsync<Product>(store, productId, null,
                product => DecideInvite(product, command.MemberId, exists, memberId, now), ProductRules.NotFound, ct))
            .Map(written => new ProductWritten(productId, written.Version));
    }

    public static async Task<Outcome<ProductWritten>> AnswerAsync(
        Guid productId, AnswerCoAuthorship command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct)
    {
        if (command.Accept is not { } accept) return Problem.Invalid("accept",
            "Zeg of je de uitnodiging aanneemt (true) of afslaat (false).");
        return (await EventStreams.DecideAsync<Product>(store, productId, null,
                product => DecideAnswer(product, accept, memberId, now), ProductRules.NotFound, ct))
            .Map(written => new ProductWritten(productId, written.Version));
    }
}
