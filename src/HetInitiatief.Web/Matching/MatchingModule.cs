using HetInitiatief.Live;

namespace HetInitiatief.Matching;

/// <summary>The makelfunctie: each posted question is matched to members who offer its theme, off the request.</summary>
public static class MatchingModule
{
    public static WebApplicationBuilder AddMatching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, MatchingConfiguration>();
        builder.Services.AddNews(QuestionToMatch.From);
        return builder;
    }
}
