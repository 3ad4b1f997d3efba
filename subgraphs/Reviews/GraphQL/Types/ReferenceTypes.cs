using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Reviews.Domain;
using GoShop.Reviews.GraphQL.Loaders;
using GoShop.Reviews.Reading;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL.Types;

/// <summary>catalog's <c>Product</c>, extended with its reviews and rating summary.</summary>
public sealed class ProductType : ExtendedEntityType<ProductType>
{
    public ProductType() : base("Product")
    {
        this.AddReviewFields(ReviewSubject.Product, "product");
    }
}

/// <summary>shops' <c>Shop</c>, extended with its reviews (shop reviews, one per order) and rating summary.</summary>
public sealed class ShopType : ExtendedEntityType<ShopType>
{
    public ShopType() : base("Shop")
    {
        this.AddReviewFields(ReviewSubject.Shop, "shop");
    }
}

/// <summary>shipping's <c>Shipper</c>, extended with its delivery reviews and rating summary.</summary>
public sealed class ShipperType : ExtendedEntityType<ShipperType>
{
    public ShipperType() : base("Shipper")
    {
        this.AddReviewFields(ReviewSubject.Shipper, "shipper");
    }
}

/// <summary>identity's <c>User</c>: a key-only stub (a review's author).</summary>
public sealed class UserType() : KeyOnlyEntityType<UserType>("User");

/// <summary>media's <c>Media</c>: a key-only stub (a review's photos and video).</summary>
public sealed class MediaType() : KeyOnlyEntityType<MediaType>("Media");

/// <summary>ordering's <c>Order</c>: a key-only stub (what a buyer may still review comes from one).</summary>
public sealed class OrderType() : KeyOnlyEntityType<OrderType>("Order");

internal static class ReviewFieldExtensions
{
    /// <summary>ratingSummary and reviews(...) of a rated entity.</summary>
    public static void AddReviewFields<TSelf>(this ExtendedEntityType<TSelf> type, ReviewSubject subject, string noun)
        where TSelf : ExtendedEntityType<TSelf>
    {
        type.Field<RatingSummaryType, IDataLoaderResult<RatingSummary>>("ratingSummary")
            .Description($"The {noun}'s published ratings: average, count, how many of each star, how many with photos or a video. All zero " +
                "before its first published review; updated in the same transaction as every review change. Null when reviews cannot be reached.")
            .Resolve(context => context.Loader<RatingSummaryLoader>().Load((subject, context.Source.Id))
                .Then(found => found ?? RatingSummary.Empty(subject, context.Source.Id)));
        type.Field<ConnectionType<ReviewType, Review>, Connection<Review>>("reviews")
            .Description($"The {noun}'s published reviews (held, rejected and deleted ones are never listed here), filtered and sorted as asked. Null when reviews cannot be reached.")
            .PageArguments()
            .ReviewListArguments()
            .ResolveAsync(async context => await context.Service<ReviewLists>().OfSubjectAsync(subject, context.Source.Id, context.ReviewFilter(),
                context.GetArgument("sort", ReviewSort.Newest), context.Page(), context.CancellationToken));
    }

    public static FieldBuilder<TSource, TReturn> ReviewListArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<ListGraphType<NonNullGraphType<IntGraphType>>>("stars", "Only reviews with one of these ratings (1 to 5); all when left out.")
        .Argument<BooleanGraphType>("withMediaOnly", "Only reviews showing photos or a video.")
        .Argument<BooleanGraphType>("verifiedOnly", "Only reviews from verified purchases (every product review is one; shop and delivery reviews are not).")
        .Argument<SentimentType>("sentiment", "Only reviews of this tone, e.g. a seller reading the NEGATIVE ones first.")
        .Argument<ReviewSortType>("sort", "The order; NEWEST when left out.");

    public static ReviewFilter ReviewFilter(this IResolveFieldContext context) => new(
        context.GetArgument<List<int>?>("stars"),
        context.GetArgument("withMediaOnly", false),
        context.GetArgument("verifiedOnly", false),
        context.GetArgument<Sentiment?>("sentiment"));
}
