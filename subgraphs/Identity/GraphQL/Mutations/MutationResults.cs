using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.Identity.GraphQL.Mutations;

/// <summary>Input checks of these mutations.</summary>
internal static class MutationResults
{
    public static InputCheck Password(this InputCheck check, string? password, string field, string? email = null, string? fullName = null)
    {
        var problems = Domain.PasswordPolicy.Problems(password, email, fullName);
        if (problems.Count > 0)
            check.Add("WEAK_PASSWORD", string.Join(" ", problems), field);
        return check;
    }

    /// <summary>A wait in whole minutes, rounded up, for messages ("Try again in 3 minutes.").</summary>
    public static string Minutes(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
