using HetInitiatief.Live;
using JasperFx.Events.Projections;

namespace HetInitiatief.Questions;

/// <summary>Learning questions: their read models and search index, and their live push.</summary>
public static class QuestionsModule
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, QuestionsConfiguration>();
        builder.Services.AddPushes<QuestionPush>();
        return builder;
    }
}

public sealed class QuestionsConfiguration : IConfigureMarten
{
    /// <summary>PostgreSQL's Dutch text search: stems "woordenschatlessen" and "woordenschat" alike, drops stop words.</summary>
    public const string TextSearchConfig = "dutch";

    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Single-stream projections only, inline: the pages read them straight after a write.
        options.Projections.Snapshot<QuestionDetails>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<QuestionBoardItem>(SnapshotLifecycle.Inline);

        // The status index is there for its statistics as much as for lookups: without them PostgreSQL guesses that
        // 0.5 % of the cards are open (nearly all are) and sorts the whole board instead of walking LastActivityAt.
        // Status, themes, sector and posting moment are also columns of their own (no index but the status's): the
        // radar's heat map counts every open card by them, and reading four fields out of 20,000 compressed JSON
        // documents took 276 ms where the columns take ≈ 30 ms (docs/performance.md).
        options.Schema.For<QuestionBoardItem>()
            .Index(x => x.LastActivityAt)
            .Duplicate(x => x.Status)
            .FullTextIndex(TextSearchConfig, x => x.SearchText);
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(QuestionBoardItem)) return;
            // Marten writes a list of strings as an array, so the column must be one (its default, jsonb, refuses it).
            mapping.DuplicateField(nameof(QuestionBoardItem.Themes), pgType: "text[]");
            mapping.DuplicateField(nameof(QuestionBoardItem.Sector));
            mapping.DuplicateField(nameof(QuestionBoardItem.PostedAt));
        });
        // Only questions with a story: the home page's strip walks it newest first without passing every other question.
        options.Schema.For<QuestionDetails>().GinIndexJsonData()
            .Index(x => x.LastStoryAt, index => index.Predicate = "(data ->> 'LastStoryAt') is not null")
            // A member's own questions and the follow-ups they asked (werkplek): at 20,000 questions each was a full
            // scan of 290 and 195 ms; with these an index lookup under a millisecond (docs/performance.md).
            .Index(x => x.OwnerId)
            .GinIndexJsonDataMember(x => x.FollowUps);
        options.Schema.For<QuestionFollow>().Index(x => x.QuestionId).Index(x => x.MemberId);
    }
}
