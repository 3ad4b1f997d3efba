using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.BuildingBlocks.GraphQL.Connections;

/// <summary>The <c>first</c>/<c>after</c> arguments of a connection field, checked.</summary>
public sealed record PageRequest(int First, string? After)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static PageRequest From(int? first, string? after)
    {
        var size = first ?? DefaultSize;
        if (size is < 1 or > MaxSize)
            throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {MaxSize}.");
        return new PageRequest(size, string.IsNullOrEmpty(after) ? null : after);
    }
}
