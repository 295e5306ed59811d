using HetInitiatief.Coalitions;

namespace HetInitiatief.Kennisbank;

/// <summary>What grew from a question and its coalition, for the question page
/// (<c>_WhatThisCoalitionMade.cshtml</c>).</summary>
public sealed record WhatWasMade(Guid QuestionId, bool HasCoalition, IReadOnlyList<ProductCard> Products);

public static class WhatThisCoalitionMade
{
    /// <summary>Products linked to the question itself or to any coalition formed around it, newest first.</summary>
    public static async Task<WhatWasMade> ReadAsync(IQuerySession session, Guid questionId, bool member,
        CancellationToken ct)
    {
        var coalitions = await session.Query<CoalitionDetails>().Where(c => c.QuestionId == questionId).Select(c =>
            c.Id).ToListAsync(ct);
        var products = (await SearchProducts.ProductsOfQuestionAsync(session, questionId, member, ct)).ToList();
        foreach (var coalition in coalitions)
            products.AddRange(await SearchProducts.ProductsOfCoalitionAsync(session, coalition, member, ct));
        return new WhatWasMade(questionId, coalitions.Count > 0,
            [.. products.DistinctBy(p => p.Id).OrderByDescending(p => p.LastChangedAt)]);
    }
}
