using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Search.GraphQL.Loaders;
using GoShop.Search.Index;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Search.GraphQL.Types;

/// <summary>catalog's <c>Product</c>, extended with what search knows of it: products like it and products bought with it.</summary>
public sealed class ProductType : ExtendedEntityType<ProductType>
{
    public const int MaxRelated = 50;

    public ProductType() : base("Product")
    {
        Field<ListGraphType<ProductType>, IEnumerable<EntityReference<ProductType>>>("similar")
            .Description("Products of the same kind, best match first: sharing words of the title, the category, the brand and the price band " +
                "(half to twice this price); never the product itself. Empty when search does not list the product. Anyone may ask. Null when search cannot be reached; an item is null when catalog cannot be reached.")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxRelated}; 10 when left out.")
            .Resolve(context =>
            {
                var first = Related.First(context.GetArgument<int?>("first"));
                return context.RequestServices!.GetRequiredService<ISearchIndex>().Similar(context.Source.Id, first).Select(EntityReference.To<ProductType>);
            });
        Field<ListGraphType<ProductType>, IDataLoaderResult<IEnumerable<EntityReference<ProductType>>>>("boughtTogether")
            .Description("Products bought in the same orders as this one, most orders together first (each order counts once). Only products " +
                "search lists; empty until orders say something. Anyone may ask. Null when search cannot be reached; an item is null when catalog cannot be reached.")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxRelated}; 10 when left out.")
            .Resolve(context =>
            {
                var first = Related.First(context.GetArgument<int?>("first"));
                return context.Loader<BoughtTogetherLoader>().Load(context.Source.Id)
                    .Then(ids => (ids ?? []).Take(first).Select(EntityReference.To<ProductType>));
            });
    }
}

/// <summary>shops' <c>Shop</c>: a key-only stub, resolved by shops.</summary>
public sealed class ShopType() : KeyOnlyEntityType<ShopType>("Shop");

/// <summary>catalog's <c>Category</c>: a key-only stub, resolved by catalog.</summary>
public sealed class CategoryType() : KeyOnlyEntityType<CategoryType>("Category");

internal static class Related
{
    public static int First(int? first) => first switch
    {
        null => 10,
        < 1 or > ProductType.MaxRelated => throw BuildingBlocks.GraphQL.Errors.GraphQLErrors.BadUserInput($"'first' must be between 1 and {ProductType.MaxRelated}."),
        _ => first.Value,
    };
}
