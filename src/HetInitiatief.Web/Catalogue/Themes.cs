namespace HetInitiatief.Catalogue;

/// <summary>
/// The themes learning questions are filed under. A fixed list, so that questions about the same
/// thing meet each other and a coalition can form around them.
/// </summary>
public static class Themes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["didactiek"] = "Didactiek en lesontwerp",
        ["taal-en-lezen"] = "Taal, lezen en woordenschat",
        ["rekenen"] = "Rekenen en wiskunde",
        ["differentiatie"] = "Differentiëren en passend onderwijs",
        ["formatief-evalueren"] = "Formatief evalueren en feedback",
        ["klassenmanagement"] = "Klassenmanagement en gedrag",
        ["digitale-geletterdheid"] = "Digitale geletterdheid en ICT",
        ["burgerschap"] = "Burgerschap en sociale vorming",
        ["wereldorientatie"] = "Wereldoriëntatie en onderzoekend leren",
        ["kunst-en-cultuur"] = "Kunst en cultuur",
        ["bewegingsonderwijs"] = "Bewegingsonderwijs en gezondheid",
        ["loopbaan"] = "Loopbaanoriëntatie en begeleiding",
        ["ouderbetrokkenheid"] = "Ouderbetrokkenheid",
        ["professionele-cultuur"] = "Samen leren en professionele cultuur",
        ["onderzoek"] = "Praktijkonderzoek",
    };

    public const int MaxPerQuestion = 5;

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    public static string Name(string code) => All.TryGetValue(code, out var name) ? name : code;
}
