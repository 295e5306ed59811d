using Microsoft.AspNetCore.Mvc;

namespace HetInitiatief.Errors;

/// <summary>
/// A form value that does not fit its field (letters in a number, say) is refused by model binding before any
/// decision sees it; without this its message would be the framework's English one.
/// </summary>
public static class DutchModelBinding
{
    public static void Apply(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"\"{value}\" is hier geen geldige waarde.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" is hier geen geldige waarde.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Deze waarde is hier niet geldig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde is hier niet geldig.");
        messages.SetValueIsInvalidAccessor(value => $"\"{value}\" is hier geen geldige waarde.");
        messages.SetValueMustBeANumberAccessor(_ => "Vul een getal in.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Vul dit veld in.");
        messages.SetMissingKeyOrValueAccessor(() => "Vul dit veld in.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier was leeg.");
        messages.SetValueMustNotBeNullAccessor(_ => "Vul dit veld in.");
    }
}
