using GoShop.BuildingBlocks.Domain;

namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>
/// An expected failure reported inside a mutation payload: a stable UPPER_SNAKE <see cref="Code"/>, a message a
/// person can read, and the path of the input field at fault (e.g. <c>["input", "email"]</c>) when there is one.
/// </summary>
public sealed record UserError(string Code, string Message, IReadOnlyList<string>? Field = null)
{
    public static UserError ForInput(string code, string message, string? inputField) =>
        new(code, message, inputField is null ? null : ["input", inputField]);

    public static UserError From(DomainError error) => ForInput(error.Code, error.Message, error.Field);
}
