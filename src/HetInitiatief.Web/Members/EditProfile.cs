using HetInitiatief.Catalogue;

namespace HetInitiatief.Members;

/// <summary>"Wie je bent, doet ertoe": who a member is beyond name and school, and who may see which part.</summary>
public sealed record MemberProfileUpdated(
    Guid MemberId, string School, string Sector, IReadOnlyList<string> Subjects, IReadOnlyList<string> LearningPreferences,
    string? About, IReadOnlyDictionary<string, string> Visibility, DateTimeOffset UpdatedAt);

/// <summary>An early bird chose whether the landing page lists them among the founding members.</summary>
public sealed record EarlyBirdListingChosen(Guid MemberId, bool Listed, DateTimeOffset ChosenAt);

public sealed record UpdateProfile(
    string? School, string? Sector, IReadOnlyList<string>? Subjects, IReadOnlyList<string>? LearningPreferences,
    string? About, IReadOnlyDictionary<string, string>? Visibility);

public sealed record ChooseEarlyBirdListing(bool? Listed);

public static class ProfileOptions
{
    /// <summary>Ways of learning teachers named in the source texts.</summary>
    public static readonly IReadOnlyDictionary<string, string> LearningPreferences = new Dictionary<string, string>
    {
        ["codesign"] = "Samen ontwerpen",
        ["observe"] = "Observeren in de klas",
        ["read"] = "Lezen",
        ["experiment"] = "Experimenteren",
        ["peerConsultation"] = "In gesprek met collega's (intervisie)",
        ["research"] = "Praktijkonderzoek doen",
    };

    /// <summary>The parts of a profile a member can show to everyone, to their own school, or to nobody.</summary>
    public static readonly IReadOnlyDictionary<string, string> Parts = new Dictionary<string, string>
    {
        ["school"] = "School",
        ["subjects"] = "Vakken",
        ["learning"] = "Hoe ik graag leer",
        ["about"] = "Over mij",
        ["offering"] = "Wat ik aanbied",
        ["activity"] = "Wat ik vroeg, bood, organiseerde en meedeed",
    };

    public const string Members = "members";
    public const string MySchool = "school";
    public const string OnlyMe = "me";

    public static readonly IReadOnlyDictionary<string, string> Audiences = new Dictionary<string, string>
    {
        [Members] = "Alle leden", [MySchool] = "Leden van mijn school", [OnlyMe] = "Alleen ik",
    };
}

public static class EditProfileEndpoints
{
    public static Decision Decide(MemberProfile member, UpdateProfile command, DateTimeOffset now)
    {
        var subjects = (command.Subjects ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var preferences = (command.LearningPreferences ?? []).Distinct().ToList();
        var visibility = command.Visibility ?? new Dictionary<string, string>();
        var invalid = new FieldRules()
            .Text("school", command.School, "je school", 150)
            .Check(Sectors.IsKnown(command.Sector), "sector", Sectors.Unknown)
            .Check(subjects.Count <= 10, "subjects", "Noem hoogstens 10 vakken.")
            .Check(subjects.All(s => s.Length <= 60), "subjects", "Een vak mag hoogstens 60 tekens hebben.")
            .Check(preferences.All(ProfileOptions.LearningPreferences.ContainsKey), "learningPreferences", "Kies uit de genoemde manieren van leren.")
            .OptionalText("about", command.About, "iets over jezelf", 1000)
            .Check(visibility.All(v => ProfileOptions.Parts.ContainsKey(v.Key) && ProfileOptions.Audiences.ContainsKey(v.Value)), "visibility",
                "Kies per onderdeel: alle leden, leden van mijn school of alleen ik.")
            .Problem;
        if (invalid is not null) return invalid;
        var shown = ProfileOptions.Parts.Keys.ToDictionary(p => p, p => visibility.GetValueOrDefault(p, ProfileOptions.Members));
        return Decision.Accept(new MemberProfileUpdated(member.Id, command.School!.Trim(), command.Sector!, subjects, preferences,
            string.IsNullOrWhiteSpace(command.About) ? null : command.About.Trim(), shown, now));
    }

    public static Decision DecideListing(MemberProfile member, bool? listed, DateTimeOffset now) =>
        listed is null ? Problem.Invalid("listed", "Kies of je op de startpagina wilt staan.")
        : member.EarlyBirdSeat is null ? Problem.Conflict("Alleen early birds staan op de startpagina.")
        : member.ListedAsEarlyBird == listed ? Decision.Accept()
        : Decision.Accept(new EarlyBirdListingChosen(member.Id, listed.Value, now));

    [EndpointSummary("Update my profile: school, sector, subjects, how I like to learn, about me, and who may see each part.")]
    [AllowUnconfirmed]
    [WolverinePut("/api/me/profile")]
    [Refuses(400)]
    public static async Task<Answer<MemberProfile>> Update(
        UpdateProfile command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await UpdateAsync(user.MemberId(), command, store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("As an early bird, choose whether the public landing page lists me among the founding members.")]
    [AllowUnconfirmed]
    [WolverinePut("/api/me/early-bird-listing")]
    [Refuses(400, 409)]
    public static async Task<Answer<MemberProfile>> Listing(
        ChooseEarlyBirdListing command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ChooseListingAsync(user.MemberId(), command.Listed, store, clock.GetUtcNow(), ct)).Answer();

    public static Task<Outcome<MemberProfile>> UpdateAsync(
        Guid memberId, UpdateProfile command, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(memberId, m => Decide(m, command, now), store, ct);

    public static Task<Outcome<MemberProfile>> ChooseListingAsync(
        Guid memberId, bool? listed, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(memberId, m => DecideListing(m, listed, now), store, ct);

    /// <summary>A change to the member's own stream, answered with the profile as it is afterwards.</summary>
    public static async Task<Outcome<MemberProfile>> WriteAsync(
        Guid memberId, Func<MemberProfile, Decision> decide, IDocumentStore store, CancellationToken ct)
    {
        var outcome = await EventStreams.DecideAsync<MemberProfile>(store, memberId, null, decide, "Dit account bestaat niet meer.", ct);
        if (outcome.Problem is { } problem) return problem;
        await using var query = store.QuerySession();
        return (await query.LoadAsync<MemberProfile>(memberId, ct))!;
    }
}
