using GoShop.BuildingBlocks.Domain;

namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>
/// Shorthands for a payload that changed nothing and says why (<c>using static</c> in a subgraph's mutations):
/// <c>return Fail&lt;PlaceOrderPayload&gt;(OrderErrors.NotFound);</c>
/// </summary>
public static class MutationResults
{
    public static TPayload Fail<TPayload>(DomainError error) where TPayload : Payload, new() =>
        new() { UserErrors = [UserError.From(error)] };

    public static TPayload Fail<TPayload>(IEnumerable<DomainError> errors) where TPayload : Payload, new() =>
        new() { UserErrors = errors.Select(UserError.From).ToList() };

    public static TPayload Fail<TPayload>(InputCheck check) where TPayload : Payload, new() =>
        new() { UserErrors = check.Errors };

    public static TPayload Fail<TPayload>(string code, string message, string? field = null) where TPayload : Payload, new() =>
        new() { UserErrors = [UserError.ForInput(code, message, field)] };
}
