namespace HetInitiatief.Catalogue;

/// <summary>The sectors of Dutch education a member works in and a question belongs to.</summary>
public static class Sectors
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["po"] = "Primair onderwijs (po)",
        ["vo"] = "Voortgezet onderwijs (vo)",
        ["mbo"] = "Middelbaar beroepsonderwijs (mbo)",
        ["hbo"] = "Hoger beroepsonderwijs (hbo)",
    };

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    public static string Name(string code) => All.TryGetValue(code, out var name) ? name : code;

    public const string Unknown = "Kies een sector: po, vo, mbo of hbo.";
}
