using HetInitiatief.Kennisbank;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>The pure decisions: given a product's events, when a command, then events or a refusal.</summary>
public sealed class ProductDecisionTests
{
    private static readonly Guid ProductId = Guid.NewGuid();
    private static readonly Guid Creator = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();
    private static readonly Guid Stranger = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static readonly ProductPublished Published = new(
        ProductId, Creator, "les", "Woordweb", "Vier lessen.", ["taal-en-lezen"], "po", ProductRules.Members, null,
            null, null, Now.AddDays(-1));

    private static readonly ReviseProduct Revision =
        new("les", "Woordweb, tweede versie", "Vijf lessen.", ["taal-en-lezen"], "po", ProductRules.Public, 1);

    private static Product Given(params object[] events)
    {
        var product = Product.Create(Published);
        foreach (var e in events)
        {
            product = e switch
            {
                ProductRevised r => product.Apply(r),
                CoAuthorInvited i => product.Apply(i),
                CoAuthorAccepted a => product.Apply(a),
                CoAuthorDeclined d => product.Apply(d),
                ProductUsed u => product.Apply(u),
                _ => throw new ArgumentException(e.GetType().Name),
            };
        }
        return product;
    }

    private static CoAuthorInvited Invited(Guid member) => new(ProductId, member, Creator, Now.AddHours(-2));

    [Fact]
    public void The_creator_writes_a_new_version()
    {
        var decision = ReviseProductEndpoint.Decide(Given(), Revision, Creator, Now);

        decision.Refusal.ShouldBeNull();
        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ProductRevised>().Revision.ShouldBe(2);
    }

    [Fact]
    public void A_member_who_is_not_an_author_may_not_revise_invite_or_attach()
    {
        var product = Given();

        ReviseProductEndpoint.Decide(product, Revision, Stranger, Now).Refusal!.Status.ShouldBe(403);
        CoAuthorEndpoints.DecideInvite(product, Colleague, true, Stranger, Now).Refusal!.Status.ShouldBe(403);
        AttachFileEndpoint.MayAttach(product, Stranger)!.Status.ShouldBe(403);
    }

    [Fact]
    public void An_invited_colleague_is_no_author_until_they_accept()
    {
        var invited = Given(Invited(Colleague));

        ReviseProductEndpoint.Decide(invited, Revision, Colleague, Now).Refusal!.Status.ShouldBe(403);

        var accepted = CoAuthorEndpoints.DecideAnswer(invited, accept: true, Colleague, Now);
        accepted.Events.ShouldBe([new CoAuthorAccepted(ProductId, Colleague, Now)]);
        var coAuthored = Given(Invited(Colleague), new CoAuthorAccepted(ProductId, Colleague, Now));
        ReviseProductEndpoint.Decide(coAuthored, Revision, Colleague, Now).Refusal.ShouldBeNull();
        CoAuthorEndpoints.DecideInvite(coAuthored, Stranger, true, Colleague, Now).Events.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_declined_invitation_leaves_the_colleague_out()
    {
        var declined = CoAuthorEndpoints.DecideAnswer(Given(Invited(Colleague)), accept: false, Colleague, Now);
        declined.Events.ShouldBe([new CoAuthorDeclined(ProductId, Colleague, Now)]);

        var product = Given(Invited(Colleague), new CoAuthorDeclined(ProductId, Colleague, Now));
        product.IsAuthor(Colleague).ShouldBeFalse();
        CoAuthorEndpoints.DecideAnswer(product, accept: true, Colleague, Now).Refusal!.Status.ShouldBe(403);
    }

    [Fact]
    public void Only_an_invited_member_answers_an_invitation()
    {
        CoAuthorEndpoints.DecideAnswer(Given(), accept: true, Stranger, Now).Refusal!.Status.ShouldBe(403);
    }

    [Fact]
    public void Inviting_twice_changes_nothing_and_an_author_cannot_be_invited()
    {
        CoAuthorEndpoints.DecideInvite(Given(Invited(Colleague)), Colleague, true, Creator, Now).Events.ShouldBeEmpty();
        CoAuthorEndpoints.DecideInvite(Given(), Creator, true, Creator, Now).Refusal!.Status.ShouldBe(409);
        var unknown = CoAuthorEndpoints.DecideInvite(Given(), Guid.NewGuid(), false, Creator, Now);
        unknown.Refusal!.Errors.Keys.ShouldBe(["memberId"]);
    }

    [Fact]
    public void A_revision_names_every_field_at_fault()
    {
        var decision = ReviseProductEndpoint.Decide(Given(), new ReviseProduct("film", "", null, ["onbekend"], "x",
            "iedereen", null), Creator, Now);

        decision.Refusal!.Errors.Keys.ShouldBe(["kind", "title", "body", "themes", "sector", "visibility",
            "expectedVersion"], ignoreOrder: true);
    }

    [Fact]
    public void A_use_counts_once_per_member_and_not_for_the_makers()
    {
        UseProductEndpoint.Decide(Given(), new UseProduct("In groep 5"), Colleague, Now).Events.ShouldHaveSingleItem();
        UseProductEndpoint.Decide(Given(), new UseProduct("Zelf gebruikt"), Creator, Now).Refusal!.Status.ShouldBe(403);
        UseProductEndpoint.Decide(Given(new ProductUsed(ProductId, Colleague, "", Now)), new UseProduct(null),
            Colleague, Now)
            .Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData("pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, false)]
    [InlineData("zip", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, true)]
    [InlineData("text", new byte[] { 0x61, 0x00, 0x62 }, false)]
    [InlineData("png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, true)]
    public void A_file_must_start_like_its_type(string signature, byte[] bytes, bool ok) =>
        Attachments.StartsLike(bytes, signature).ShouldBe(ok);
}
