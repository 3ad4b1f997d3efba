using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.Search.Discovery;
using GoShop.Search.GraphQL.Types;
using GoShop.Search.Index;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Search.GraphQL.Queries;

/// <summary>trendingProducts, trendingShops, trendingCategories, recommendedProducts and similarProducts: anyone may ask.</summary>
public static class DiscoveryQueries
{
    private const string TrendRule = "Views, adds to cart and orders count (an order most), each fading by half every 24 hours, so yesterday's hit fades.";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>, IEnumerable<EntityReference<ProductType>>>("trendingProducts")
            .Description("The products buyers are turning to now, hottest first. " + TrendRule + " Only ACTIVE products. Anyone may ask.")
            .Argument<IdGraphType>("categoryId", "Only products of this category or its subcategories.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 20 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 20);
                var ids = await context.RequestServices!.GetRequiredService<Trending>().ProductsAsync(context.GetArgument<Guid?>("categoryId"), first, context.CancellationToken);
                return ids.Select(EntityReference.To<ProductType>);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopType>>>, IEnumerable<EntityReference<ShopType>>>("trendingShops")
            .Description("The shops whose products buyers are turning to now, hottest first (the sum over the shop's products). " + TrendRule + " Anyone may ask.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 10 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 10);
                var ids = await context.RequestServices!.GetRequiredService<Trending>().ShopsAsync(first, context.CancellationToken);
                return ids.Select(EntityReference.To<ShopType>);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>, IEnumerable<EntityReference<CategoryType>>>("trendingCategories")
            .Description("The categories (a product's own, most specific category) buyers are turning to now, hottest first. " + TrendRule + " Anyone may ask.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 10 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 10);
                var ids = await context.RequestServices!.GetRequiredService<Trending>().CategoriesAsync(first, context.CancellationToken);
                return ids.Select(EntityReference.To<CategoryType>);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>, IEnumerable<EntityReference<ProductType>>>("recommendedProducts")
            .Description("Products for the signed-in buyer: like the ones they viewed last (words, category, brand, price band) and bought with them " +
                "by others, never one they viewed; topped up with trendingProducts, which is all a newcomer or a visitor gets. Anyone may ask.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 20 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 20);
                var services = context.RequestServices!;
                var ids = await services.GetRequiredService<Recommendations>().ForAsync(services.GetRequiredService<ICurrentUser>().Id, first, context.CancellationToken);
                return ids.Select(EntityReference.To<ProductType>);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>, IEnumerable<EntityReference<ProductType>>>("similarProducts")
            .Description("The same as Product.similar, for a product id: products of the same kind, best match first. Anyone may ask.")
            .Argument<NonNullGraphType<IdGraphType>>("productId", "The product to match.")
            .Argument<IntGraphType>("first", $"How many, 1 to {ProductType.MaxRelated}; 10 when left out.")
            .Resolve(context =>
            {
                var first = Related.First(context.GetArgument<int?>("first"));
                return context.RequestServices!.GetRequiredService<ISearchIndex>().Similar(context.GetArgument<Guid>("productId"), first)
                    .Select(EntityReference.To<ProductType>);
            });
    }
}
