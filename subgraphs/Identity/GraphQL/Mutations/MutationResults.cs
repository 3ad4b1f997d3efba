using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Identity.Domain;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

/// <summary>Input checks of these mutations, and the one refusal of their use cases that is not a userError.</summary>
internal static class MutationResults
{
    public static InputCheck Password(this InputCheck check, string? password, string field, string? email = null, string? fullName = null)
    {
        var problems = Domain.PasswordPolicy.Problems(password, email, fullName);
        if (problems.Count > 0)
            check.Add("WEAK_PASSWORD", string.Join(" ", problems), field);
        return check;
    }

    /// <summary>
    /// A use case's refusal as the payload's userError, except an account deleted since its token was issued: that is
    /// UNAUTHENTICATED, as for a request without a token.
    /// </summary>
    public static TPayload Refused<TPayload>(DomainError error) where TPayload : Payload, new() =>
        error == IdentityErrors.AccountGone ? throw GraphQLErrors.Unauthenticated(error.Message) : Fail<TPayload>(error);
}
