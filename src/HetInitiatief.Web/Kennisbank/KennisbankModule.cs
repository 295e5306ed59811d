using HetInitiatief.Live;
using JasperFx.Events.Projections;

namespace HetInitiatief.Kennisbank;

/// <summary>The kennisbank: products teachers made, their read model and search index, files, pushes and
/// news.</summary>
public static class KennisbankModule
{
    public static WebApplicationBuilder AddKennisbank(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, KennisbankConfiguration>();
        builder.Services.AddPushes<ProductPush>();
        builder.Services.AddNews(CoAuthorNews.From);
        // One file per request, so a body a little over the file limit is all an upload needs.
        builder.Services.AddSingleton(new RequestBodies.Upload(
            path => path.StartsWithSegments("/api/kennisbank") || path.StartsWithSegments("/kennisbank"),
            Attachments.MaxFileBytes + 1024 * 1024, Attachments.TooLarge));
        return builder;
    }
}

public sealed class KennisbankConfiguration : IConfigureMarten
{
    /// <summary>PostgreSQL's Dutch text search, as the questions use: "lessenreeks" and "lessen" meet.</summary>
    public const string TextSearchConfig = Questions.QuestionsConfiguration.TextSearchConfig;

    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Single-stream and inline: the product page reads it straight after a write.
        options.Projections.Snapshot<ProductDetails>(SnapshotLifecycle.Inline);
        options.Schema.For<ProductDetails>()
            .Index(x => x.LastChangedAt)
            .Index(x => x.QuestionId)
            .Index(x => x.CoalitionId)
            .FullTextIndex(TextSearchConfig, x => x.SearchText);
        options.Schema.For<StoredFile>().Index(x => x.OwnerId);
    }
}
