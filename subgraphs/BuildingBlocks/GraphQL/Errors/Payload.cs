namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>
/// Base of every mutation payload: the changed objects (on the derived record) and the expected failures.
/// A payload with userErrors changed nothing.
/// </summary>
public abstract record Payload
{
    public IReadOnlyList<UserError> UserErrors { get; init; } = [];
}
