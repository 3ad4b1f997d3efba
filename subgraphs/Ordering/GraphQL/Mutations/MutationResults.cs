using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.Ordering.GraphQL.Mutations;

/// <summary>Shorthands for failed payloads.</summary>
internal static class MutationResults
{
    public static TPayload Fail<TPayload>(DomainError error) where TPayload : Payload, new() =>
        new() { UserErrors = [UserError.From(error)] };

    public static TPayload Fail<TPayload>(IEnumerable<DomainError> errors) where TPayload : Payload, new() =>
        new() { UserErrors = errors.Select(UserError.From).ToList() };

    public static TPayload Fail<TPayload>(InputCheck check) where TPayload : Payload, new() =>
        new() { UserErrors = check.Errors };
}
