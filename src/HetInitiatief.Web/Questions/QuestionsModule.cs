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

        options.Schema.For<QuestionBoardItem>()
            .Index(x => x.LastActivityAt)
            .FullTextIndex(TextSearchConfig, x => x.SearchText);
        options.Schema.For<QuestionDetails>().GinIndexJsonData().Index(x => x.LastStoryAt);
        options.Schema.For<QuestionFollow>().Index(x => x.QuestionId).Index(x => x.MemberId);
    }
}
