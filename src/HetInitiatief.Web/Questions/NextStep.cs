using HetInitiatief.Coalitions;
using HetInitiatief.Offers;

namespace HetInitiatief.Questions;

/// <summary>What the question page's "Wat nu?" box asks of this viewer, and where that step is done.</summary>
public sealed record NextStep(string Kind, string Title, string Text, string Href, string Action);

/// <summary>The session that came out of a coalition, as far as the next step needs it.</summary>
public sealed record CoalitionSession(Guid Id, DateTimeOffset StartsAt, bool CalledOff, bool SignedUp)
{
    /// <summary>The group has met (or is meeting): from here on there is something to look back on.</summary>
    public bool HeldBy(DateTimeOffset now) => !CalledOff && StartsAt <= now;
}

/// <summary>
/// The core loop as a rule: for one viewer and one state of a question, its coalition and the offers to it,
/// the single step that moves the question forward. It reads the same states and rules the decisions use
/// (open questions, the partner threshold, one accepted offer), so the box never offers what would be refused.
/// </summary>
public static class NextSteps
{
    public const string Answer = "answer";
    public const string InviteFollowUps = "invite-follow-ups";
    public const string Sharpen = "sharpen";
    public const string StartCoalition = "start-coalition";
    public const string Recruit = "recruit";
    public const string Propose = "propose";
    public const string FindSupplier = "find-supplier";
    public const string ChooseProposal = "choose-proposal";
    public const string React = "react";
    public const string PlanSession = "plan-session";
    public const string SessionPlanned = "session-planned";
    public const string SignUp = "sign-up";
    public const string Afterwards = "afterwards";
    public const string AskFollowUp = "ask-follow-up";
    public const string Join = "join";
    public const string Initiative = "initiative";

    /// <param name="canSupply">The viewer may make an offer on the question's themes (a provider, or a member who offers them).</param>
    public static NextStep? For(
        QuestionView question, CoalitionView? coalition, IReadOnlyList<ProposalView> proposals, CoalitionSession? session,
        Guid viewer, bool canSupply, DateTimeOffset now, HetInitiatief.Initiative.TimelineView? timeline = null)
    {
        if (question.Status != QuestionStatus.Open || question.MergedInto is not null || question.AsOf is not null) return null;
        // A colleague waiting for an answer comes first, whatever else the owner has on.
        if (question.Owner.Id == viewer && ToAnswer(question) is { } answer) return answer;
        if (coalition is { Status: CoalitionStatus.Open } open && open.ThresholdReached && open.Includes(viewer))
            return timeline is { Trials.Count: > 0 }
                ? Cycle(timeline)
                : ForGroup(question, open, proposals, session, viewer, canSupply, now, timeline);
        if (coalition is { Status: CoalitionStatus.Open } recruiting && recruiting.Includes(viewer))
            return Recruiting(recruiting);
        return question.Owner.Id == viewer ? ForOwner(question, coalition, session, now) : ForColleague(question, coalition);
    }

    /// <summary>Before the group is large enough, the owner clarifies the question and gathers the group.</summary>
    private static NextStep? ToAnswer(QuestionView question)
    {
        var unanswered = question.FollowUps.Where(f => f.Answer is null).ToList();
        return unanswered.Count == 0 ? null : new(Answer,
            unanswered.Count == 1 ? $"Beantwoord de vervolgvraag van {unanswered[0].AskedBy.Name}" : $"Beantwoord {unanswered.Count} vervolgvragen",
            "Collega's vragen door om de vraag achter je vraag te vinden. Je antwoord helpt hen én jezelf.",
            $"#vervolgvraag-{unanswered[0].Id}", "Naar de vervolgvraag");
    }

    private static NextStep? ForOwner(QuestionView question, CoalitionView? coalition, CoalitionSession? session, DateTimeOffset now)
    {
        if (coalition is { Status: CoalitionStatus.Completed })
            return question.Stories.Count == 0
                ? new(Afterwards, "Het initiatief is afgerond: vier het succes",
                    "Wat kunnen jullie nu dat eerst niet lukte? Een succesverhaal helpt de volgende leraar.", "#na-afloop",
                    "Deel een succesverhaal")
                : null;
        if (coalition is { Status: CoalitionStatus.Closed }) return AfterSession(question, session, now);
        if (coalition is not null) return null;
        var usedAnswers = question.Versions.SelectMany(v => v.AnswersBefore).ToHashSet();
        if (question.FollowUps.Any(f => !usedAnswers.Contains(f.Id)))
        {
            return new(Sharpen, "Maak je vraag scherper",
                "Je hebt vervolgvragen beantwoord. Wat is nu de vraag achter je vraag? Elke versie blijft bewaard.",
                "#scherper", "Herformuleer je vraag");
        }
        if (question.FollowUps.Count == 0)
        {
            return new(InviteFollowUps, "Nodig collega's uit om door te vragen",
                "Deel de link met collega's: hun vervolgvragen helpen je de vraag achter je vraag te vinden.",
                "#delen", "Kopieer de link");
        }
        return new(StartCoalition, "Start een coalitie",
            "Je vraag is helder. Zoek collega's die hetzelfde willen leren: is de groep groot genoeg, dan komt er een bijeenkomst.",
            "#coalitie", "Start een coalitie");
    }

    private static NextStep ForColleague(QuestionView question, CoalitionView? coalition) =>
        coalition is { Status: CoalitionStatus.Open }
            ? new(Join, "Doe mee met de coalitie",
                $"{question.Owner.Name} zoekt collega's die hetzelfde willen leren. Zeg hoe je meedoet.", "#coalitie", "Doe mee")
            : new(AskFollowUp, $"Vraag door bij {question.Owner.Name}",
                "Vraag door vóór je een oplossing bedenkt: waarom is dit een vraag, wat weet de inbrenger al?",
                "#vervolgvraag-formulier", "Stel een vervolgvraag");

    private static NextStep Recruiting(CoalitionView coalition)
    {
        var missing = coalition.Threshold - coalition.Partners;
        return new(Recruit, missing == 1 ? "Nog 1 partner nodig" : $"Nog {missing} partners nodig",
            "Deel de link met collega's die hetzelfde willen leren: bij genoeg partners kan er een bijeenkomst komen.",
            "#delen", "Kopieer de link");
    }

    /// <summary>Once the group is large enough, it shapes an offer together and goes.</summary>
    private static NextStep? ForGroup(
        QuestionView question, CoalitionView coalition, IReadOnlyList<ProposalView> proposals, CoalitionSession? session,
        Guid viewer, bool canSupply, DateTimeOffset now, HetInitiatief.Initiative.TimelineView? timeline)
    {
        var initiator = coalition.PositionOf(viewer) == Positions.Initiator;
        var accepted = proposals.FirstOrDefault(p => p.Status == ProposalStatus.Accepted);
        if (accepted is null)
        {
            if (proposals.Count == 0)
            {
                // Only a provider or a member who offers the theme may propose (#durftevragen); the rest find one.
                return canSupply
                    ? new(Propose, "De groep is groot genoeg: doe een voorstel",
                        "Je biedt dit thema aan. Stel een bijeenkomst voor: de groep reageert en de initiatiefnemer kiest.",
                        "#voorstel-doen", "Naar het voorstelformulier")
                    : new(FindSupplier, "De groep is groot genoeg: wie biedt iets aan?",
                        "Ken je een collega die dit thema aanbiedt, of een aanbieder? Stuur hen de link. Bied je het zelf aan? Zet het op je profiel.",
                        "#delen", "Kopieer de link");
            }
            return initiator
                ? new(ChooseProposal, "Kies een voorstel namens de groep",
                    "Bekijk de reacties van de groep en neem het voorstel aan dat past, of vraag aanpassingen.", "#aanbod", "Naar de voorstellen")
                : new(React, "Reageer op de voorstellen",
                    "Laat weten of een voorstel bij je past: de initiatiefnemer kiest met de groep.", "#aanbod", "Naar de voorstellen");
        }
        if (session is null || session.CalledOff)
        {
            return initiator || accepted.ProposedBy.Id == viewer
                ? new(PlanSession, "Plan de bijeenkomst",
                    $"Het voorstel \"{accepted.Title}\" is aangenomen. Zet de bijeenkomst in de agenda; de groep gaat voor bij het aanmelden.",
                    $"/bijeenkomsten/nieuw?coalitie={coalition.Id}&voorstel={accepted.Id}", "Zet de bijeenkomst in de agenda")
                : new(SessionPlanned, "Het voorstel is aangenomen",
                    $"\"{accepted.Title}\" wordt ingepland. Je hoort het zodra je je kunt aanmelden.", "#aanbod", "Bekijk het voorstel");
        }
        if (!session.HeldBy(now))
        {
            return session.SignedUp
                ? new(SessionPlanned, "Je bent aangemeld voor de bijeenkomst", "Tot dan! In je agenda vind je tijd en plaats.",
                    $"/bijeenkomsten/{session.Id}", "Naar de bijeenkomst")
                : new(SignUp, "Meld je aan voor de bijeenkomst", "De bijeenkomst staat in de agenda; de groep gaat voor.",
                    $"/bijeenkomsten/{session.Id}", "Naar de bijeenkomst");
        }
        return (question.Owner.Id == viewer ? AfterSession(question, session, now) : null)
            ?? (timeline is null ? null : Cycle(timeline));
    }

    /// <summary>After the session the group's work goes on: the initiative's own next step (approach, trial, review).</summary>
    private static NextStep Cycle(HetInitiatief.Initiative.TimelineView timeline) =>
        new(Initiative, $"Het initiatief: {timeline.PhaseName.ToLowerInvariant()}", timeline.NextStep, "#initiatief",
            "Naar het initiatief");

    private static NextStep? AfterSession(QuestionView question, CoalitionSession? session, DateTimeOffset now)
    {
        if (session is null || !session.HeldBy(now)) return null;
        if (question.GoalReached is null)
        {
            return new(Afterwards, question.Goal is null ? "Na afloop: is gelukt wat jullie wilden leren?" : "Na afloop: is het doel bereikt?",
                "Kijk terug met de groep en leg vast of jullie nieuwe praktijk er is.", "#na-afloop", "Leg het vast");
        }
        return question.Stories.Count == 0
            ? new(Afterwards, "Deel wat het opleverde",
                "Wat kunnen jullie nu dat eerst niet lukte? Een succesverhaal helpt de volgende leraar.", "#na-afloop", "Deel een succesverhaal")
            : null;
    }

    /// <summary>"Na afloop" belongs on the page once there is something to look back on: a goal, or a session held.</summary>
    public static bool ShowsAfterwards(QuestionView question, CoalitionSession? session, DateTimeOffset now) =>
        question.Goal is not null || question.Stories.Count > 0 || session?.HeldBy(now) == true;
}
