using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Moderation;

/// <summary>The pure rules of merging by agreement.</summary>
public sealed class MergeProposalDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly (Guid Owner, Guid OtherOwner, Guid Moderator) Who = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    private static QuestionPosted Posted(Guid by) =>
        new(Guid.NewGuid(), by, "Hoe leer ik woorden?", "Context", "Waarom", "Weet", ["taal-en-lezen"], "po", Now);

    private static (Question Duplicate, QuestionBoardItem Target) Proposed(Guid? targetOwner = null)
    {
        var target = QuestionBoardItem.Create(Posted(targetOwner ?? Who.OtherOwner));
        var posted = Posted(Who.Owner);
        var duplicate = Question.Create(posted)
            .Apply(new MergeProposed(posted.QuestionId, target.Id, Who.Moderator, "Dubbel", Now));
        return (duplicate, target);
    }

    [Fact]
    public void A_proposal_needs_another_open_question_and_none_pending()
    {
        var (duplicate, target) = Proposed();
        var moderator = MemberProfile.Create(new MemberRegistered(Who.Moderator, "Mo", "mo@school.example", "School", "po", Now));

        MergeProposalEndpoints.DecidePropose(duplicate, target, new ProposeMerge(target.Id, "Dubbel"), moderator, Now)
            .Refusal!.Status.ShouldBe(409);
        MergeProposalEndpoints.DecidePropose(duplicate, null, new ProposeMerge(Guid.NewGuid(), "Dubbel"), moderator, Now)
            .Refusal!.Status.ShouldBe(404);
        var fresh = Question.Create(Posted(Who.Owner));
        MergeProposalEndpoints.DecidePropose(fresh, target, new ProposeMerge(fresh.Id, "Dubbel"), moderator, Now)
            .Refusal!.Errors.Keys.ShouldBe(["intoQuestionId"]);
        MergeProposalEndpoints.DecidePropose(fresh, target, new ProposeMerge(target.Id, "Dubbel"), moderator, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MergeProposed>();
    }

    [Fact]
    public void The_merge_happens_at_the_agreement_of_the_last_owner_and_closes_the_open_coalition_with_it()
    {
        var (duplicate, target) = Proposed();
        var coalition = Coalition.Create(new CoalitionFormed(Coalition.IdFor(duplicate.Id), duplicate.Id, Who.Owner, 3,
            null, "Samen", Now));

        var first = MergeProposalEndpoints.DecideAgree(duplicate, coalition, target, Who.Owner, Now);
        first.Events.ShouldHaveSingleItem().ShouldBeOfType<MergeAgreed>();
        var afterFirst = duplicate.Apply((MergeAgreed)first.Events[0]);
        MergeProposalEndpoints.DecideAgree(afterFirst, coalition, target, Who.Owner, Now).Events.ShouldBeEmpty();

        var last = MergeProposalEndpoints.DecideAgree(afterFirst, coalition, target, Who.OtherOwner, Now);
        last.Second.Select(e => e.GetType()).ShouldBe([typeof(MergeAgreed), typeof(QuestionMergedInto)]);
        ((QuestionMergedInto)last.Second[1]).ByAgreement.ShouldBeTrue();
        last.First.ShouldHaveSingleItem().ShouldBeOfType<CoalitionClosed>().Reason.ShouldBe(CoalitionClosed.QuestionMerged);
    }

    [Fact]
    public void One_owner_of_both_questions_decides_alone_and_nobody_else_decides_at_all()
    {
        var (duplicate, target) = Proposed(targetOwner: Who.Owner);

        MergeProposalEndpoints.DecideAgree(duplicate, null, target, Who.Owner, Now).Second
            .OfType<QuestionMergedInto>().ShouldHaveSingleItem();
        MergeProposalEndpoints.DecideAgree(duplicate, null, target, Guid.NewGuid(), Now).Refusal!.Status.ShouldBe(403);
        MergeProposalEndpoints.DecideDecline(duplicate, target.OwnerId, Guid.NewGuid(), Now).Refusal!.Status.ShouldBe(403);
        MergeProposalEndpoints.DecideAgree(duplicate, null, target with { Status = QuestionStatus.Withdrawn }, Who.Owner, Now)
            .Refusal!.Status.ShouldBe(409);
    }
}
