using HetInitiatief.Infrastructure;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HetInitiatief.Tests.Shared;

public sealed class PageProblemsTests
{
    [Fact]
    public void The_error_summary_lists_the_fields_in_the_order_the_refusal_named_them_after_the_general_errors()
    {
        var modelState = new ModelStateDictionary();
        // Model binding already made entries for the fields it bound, in an order of its own.
        foreach (var bound in new[] { "WhyMine", "Title", "Themes" }) modelState.SetModelValue(bound, null, null);
        modelState.AddModelError(string.Empty, "Dat lukte niet.");

        modelState.AddProblem(Problem.Invalid(new Dictionary<string, string[]>
        {
            ["title"] = ["Vul je leervraag in één zin in."],
            ["whyMine"] = ["Vul waarom dit jouw vraag is in."],
            ["themes"] = ["Kies minstens één thema.", "Onbekend thema: x."],
        }));

        modelState.ErrorsInFieldOrder().ShouldBe(
        [
            ("", "Dat lukte niet."),
            ("Title", "Vul je leervraag in één zin in."),
            ("WhyMine", "Vul waarom dit jouw vraag is in."),
            ("Themes", "Kies minstens één thema."),
            ("Themes", "Onbekend thema: x."),
        ]);
    }
}
