using GraphQL;

namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>Factories for the top-level errors a resolver may raise on purpose.</summary>
public static class GraphQLErrors
{
    public static ExecutionError Unauthenticated(string? reason = null) =>
        new(reason ?? "You must be signed in to do this.") { Code = ErrorCodes.Unauthenticated };

    public static ExecutionError Forbidden(string? reason = null) =>
        new(reason ?? "You are not allowed to do this.") { Code = ErrorCodes.Forbidden };

    public static ExecutionError BadUserInput(string message) =>
        new(message) { Code = ErrorCodes.BadUserInput };
}
