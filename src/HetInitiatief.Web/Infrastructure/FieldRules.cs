namespace HetInitiatief.Infrastructure;

/// <summary>Collects every field error of a command at once, so a form shows them all together.</summary>
public sealed class FieldRules
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public FieldRules Text(string field, string? value, string label, int max, int min = 1)
    {
        var length = value?.Trim().Length ?? 0;
        if (length == 0) return Add(field, $"Vul {label} in.");
        if (length < min) return Add(field, $"{Capitalise(label)} moet minstens {min} tekens hebben.");
        if (length > max) return Add(field, $"{Capitalise(label)} mag hoogstens {max} tekens hebben (nu {length}).");
        return this;
    }

    public FieldRules OptionalText(string field, string? value, string label, int max) =>
        string.IsNullOrWhiteSpace(value) ? this : Text(field, value, label, max);

    public FieldRules Check(bool ok, string field, string reason) => ok ? this : Add(field, reason);

    public Problem? Problem =>
        _errors.Count == 0 ? null : Problem.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    private FieldRules Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons)) _errors[field] = reasons = [];
        reasons.Add(reason);
        return this;
    }

    private static string Capitalise(string label) => char.ToUpperInvariant(label[0]) + label[1..];
}
