using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Reviews.Domain;
using GoShop.Reviews.GraphQL.Loaders;
using GoShop.Reviews.GraphQL.Types;
using GoShop.Reviews.Reading;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL.Queries;

/// <summary>review(id), myReviews, reviewsToWrite and reviewsPendingModeration.</summary>
public static class ReviewQueries
{
    public const int MaxReviewable = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ReviewType, IDataLoaderResult<Review?>>("review")
            .Description("A review by id: any published one; a held or rejected one for its author and admins only (null for anyone else).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The review's id.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<ReviewByIdLoader>().Load(context.GetArgument<Guid>("id"))
                    .Then(review => review is not null && ReviewVisibility.CanSee(viewer, review) ? review : null);
            });

        query.Field<NonNullGraphType<ConnectionType<ReviewType, Review>>, Connection<Review>>("myReviews")
            .Description("The signed-in user's reviews, newest first, in every status but DELETED (held and rejected ones included, with their " +
                "moderationNote).")
            .Authorize()
            .PageArguments()
            .ResolveAsync(async context => await context.Service<ReviewLists>().OfAuthorAsync(context.Service<ICurrentUser>().RequireId(),
                context.Page(), context.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewableItemType>>>, IReadOnlyList<ReviewableItem>>("reviewsToWrite")
            .Description("What the signed-in buyer may still review: the products, shops and deliveries of orders delivered in the last 30 days " +
                "not reviewed yet, the soonest to close first.")
            .Authorize()
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxReviewable} (default 20).")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument("first", 20);
                if (first is < 1 or > MaxReviewable)
                    throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {MaxReviewable}.");
                return await context.Service<ReviewsToWrite>().ForAsync(context.Service<ICurrentUser>().RequireId(), first, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionType<ReviewType, Review>>, Connection<Review>>("reviewsPendingModeration")
            .Description("Admins: the moderation queue, oldest first: HELD reviews (moderationNote says why) and published ones users reported. " +
                "approveReview or rejectReview settles each.")
            .AuthorizeWithRoles(Roles.Admin)
            .PageArguments()
            .ResolveAsync(async context => await context.Service<ReviewLists>().PendingModerationAsync(context.Page(), context.CancellationToken));
    }
}
