namespace HetInitiatief.Coalitions;

public static class CoalitionRules
{
    public const int MinThreshold = 3;
    public const int MaxThreshold = 40;
    public const int DefaultThreshold = 6;
    public const int InvitationMax = 1000;
    public const int ContributionMax = 500;

    public const string NotFound = "Deze coalitie bestaat niet.";

    public static Problem? MustBeOpen(Coalition coalition) =>
        coalition.IsClosed ? Problem.Conflict("Deze coalitie is gesloten; meedoen of wijzigen kan niet meer.")
        : coalition.IsCompleted ? Problem.Conflict("Dit initiatief is afgerond; meedoen of wijzigen kan niet meer.")
        : null;

}
