using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.Reviews.Domain;
using GoShop.Reviews.GraphQL.Loaders;
using GoShop.Reviews.GraphQL.Types;
using GoShop.Reviews.Writing;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL.Subscriptions;

/// <summary>reviewAdded(productId), over the topic <see cref="ReviewTopics.Added"/> names.</summary>
public static class ReviewSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ReviewType>>("reviewAdded")
            .Description("A product's reviews as they are published (at once, or when a moderator approves a held one), for an open product " +
                "page. Anyone may subscribe, signed in or not.")
            .Argument<NonNullGraphType<IdGraphType>>("productId", "The product whose page is open.")
            .ResolveAsync(async context =>
            {
                var added = (ReviewAddedMessage)context.Source!;
                return (object?)await context.Loader<ReviewByIdLoader>().Load(added.ReviewId).GetResultAsync(context.CancellationToken);
            })
            .ResolveStreamAsync(async context => await context.Service<ITopicBus>().ObserveAsync<ReviewAddedMessage>(
                ReviewTopics.Added(context.GetArgument<Guid>("productId")), context.CancellationToken));
    }
}
