using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Identity;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.GraphQL.Types;
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
        query.Field<NonNullGraphType<ListGraphType<ProductType>>, IEnumerable<EntityReference<ProductType>>>("trendingProducts")
            .Description("The products buyers are turning to now, hottest first. " + TrendRule + " Only ACTIVE products. Anyone may ask. An item is null when catalog cannot be reached.")
            .Argument<IdGraphType>("categoryId", "Only products of this category or its subcategories.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 20 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 20);
                var ids = await context.RequestServices!.GetRequiredService<Trending>().ProductsAsync(context.GetArgument<Guid?>("categoryId"), first, context.CancellationToken);
                return ids.Select(EntityReference.To<ProductType>);
            });

        query.Field<NonNullGraphType<ListGraphType<ShopType>>, IEnumerable<EntityReference<ShopType>>>("trendingShops")
            .Description("The shops whose products buyers are turning to now, hottest first (the sum over the shop's products). " + TrendRule + " Anyone may ask. An item is null when shops cannot be reached.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 10 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 10);
                var ids = await context.RequestServices!.GetRequiredService<Trending>().ShopsAsync(first, context.CancellationToken);
                return ids.Select(EntityReference.To<ShopType>);
            });

        query.Field<NonNullGraphType<ListGraphType<CategoryType>>, IEnumerable<EntityReference<CategoryType>>>("trendingCategories")
            .Description("The categories (a product's own, most specific category) buyers are turning to now, hottest first. " + TrendRule + " Anyone may ask. An item is null when catalog cannot be reached.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 10 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 10);
                var ids = await context.RequestServices!.GetRequiredService<Trending>().CategoriesAsync(first, context.CancellationToken);
                return ids.Select(EntityReference.To<CategoryType>);
            });

        query.Field<NonNullGraphType<ListGraphType<ProductType>>, IEnumerable<EntityReference<ProductType>>>("recommendedProducts")
            .Description("Products for the signed-in buyer: like the ones they viewed last (words, category, brand, price band) and bought with them " +
                "by others, never one they viewed; topped up with trendingProducts, which is all a newcomer or a visitor gets. Anyone may ask. An item is null when catalog cannot be reached.")
            .Argument<IntGraphType>("first", $"How many, 1 to {BehaviourQueries.MaxItems}; 20 when left out.")
            .ResolveAsync(async context =>
            {
                var first = BehaviourQueries.Count(context.GetArgument<int?>("first"), 20);
                var services = context.RequestServices!;
                var ids = await services.GetRequiredService<Recommendations>().ForAsync(services.GetRequiredService<ICurrentUser>().Id, first, context.CancellationToken);
                return ids.Select(EntityReference.To<ProductType>);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceOfferType>>>, IEnumerable<PriceOffer>>("priceComparison")
            .Description("The same product offered by other shops, cheapest first: the same brand and model, or the same title (letter case, " +
                "diacritics and punctuation aside) in the same category; only offers in stock, at most 20. Anyone may ask; an unknown product " +
                "answers an empty list.")
            .Argument<NonNullGraphType<IdGraphType>>("productId", "The product to compare.")
            .Argument<GeoPointInputType>("near", "Where the buyer is: each offer gets its distance. Left out, a signed-in buyer's default " +
                "address (when it has a point on the map) is used; otherwise distances are null.")
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var offers = services.GetRequiredService<ISearchIndex>().Offers(context.GetArgument<Guid>("productId"), 20);
                var near = context.GetArgument<GeoPoint?>("near");
                if (near is null && offers.Count > 0 && services.GetRequiredService<ICurrentUser>().Id is { } buyer)
                    near = await DefaultAddressPointAsync(services, buyer, context.CancellationToken);
                return offers.Select(p => new PriceOffer(p, near is { } point && p is { Latitude: { } lat, Longitude: { } lng }
                    ? Math.Round(Geo.DistanceKm(point.Lat, point.Lng, lat, lng), 3) : null));
            });

        query.Field<NonNullGraphType<ListGraphType<ProductType>>, IEnumerable<EntityReference<ProductType>>>("similarProducts")
            .Description("The same as Product.similar, for a product id: products of the same kind, best match first. Anyone may ask. An item is null when catalog cannot be reached.")
            .Argument<NonNullGraphType<IdGraphType>>("productId", "The product to match.")
            .Argument<IntGraphType>("first", $"How many, 1 to {ProductType.MaxRelated}; 10 when left out.")
            .Resolve(context =>
            {
                var first = Related.First(context.GetArgument<int?>("first"));
                return context.RequestServices!.GetRequiredService<ISearchIndex>().Similar(context.GetArgument<Guid>("productId"), first)
                    .Select(EntityReference.To<ProductType>);
            });
    }

    /// <summary>
    /// A buyer's default address's point, from identity; null when they have none, it has no point, or identity does not
    /// answer in time (the offers then have no distance rather than the comparison failing).
    /// </summary>
    private static async Task<GeoPoint?> DefaultAddressPointAsync(IServiceProvider services, Guid buyer, CancellationToken cancellationToken)
    {
        try
        {
            var address = await services.GetRequiredService<AddressDirectory>().DefaultAsync(buyer, cancellationToken);
            return address is { Latitude: { } lat, Longitude: { } lng } ? new GeoPoint(lat, lng) : null;
        }
        catch (Exception ex) when (InternalApi.IsUnreachable(ex, cancellationToken))
        {
            services.GetRequiredService<ILogger<PriceOffer>>().LogWarning(ex, "Identity did not answer with the default address of {UserId}", buyer);
            return null;
        }
    }
}

/// <summary>One shop's offer of a product, in a price comparison.</summary>
public sealed record PriceOffer(IndexedProduct Product, double? DistanceKm);

public sealed class PriceOfferType : ObjectGraphType<PriceOffer>
{
    public PriceOfferType()
    {
        Name = "PriceOffer";
        Description = "Another shop's offer of the same product.";
        Field<ProductType, EntityReference<ProductType>>("product").Description("The other shop's product. Null when catalog cannot be reached.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.Product.Id));
        Field<ShopType, EntityReference<ShopType>>("shop").Description("The shop offering it (its name and rating come from shops). Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.Product.ShopId));
        Field<NonNullGraphType<MoneyType>, Money>("effectivePrice").Description("What a buyer pays there now (the sale price while a discount runs).")
            .Resolve(context => new Money(context.Source.Product.EffectivePrice, context.Source.Product.Currency));
        Field(x => x.DistanceKm, nullable: true).Description("Kilometres from `near` to the shop, great-circle; null without `near` or when the shop's location is unknown.");
    }
}
