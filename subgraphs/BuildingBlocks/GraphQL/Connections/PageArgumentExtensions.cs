using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Connections;

/// <summary>The <c>first</c> and <c>after</c> arguments of every connection field, declared and read one way.</summary>
public static class PageArgumentExtensions
{
    public const string DefaultAfterDescription = "The endCursor of the previous page.";

    /// <summary>Adds <c>first: Int</c> and <c>after: String</c> with the standard descriptions.</summary>
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, string afterDescription = DefaultAfterDescription) => field
        .Argument<IntGraphType>("first", $"Page size, 1 to {PageRequest.MaxSize} (default {PageRequest.DefaultSize}).")
        .Argument<StringGraphType>("after", afterDescription);

    /// <summary>The page the caller asked for with <c>first</c> and <c>after</c> (validated by <see cref="PageRequest.From"/>).</summary>
    public static PageRequest Page(this IResolveFieldContext context) =>
        PageRequest.From(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"));
}
