using GoShop.Reviews.Domain;
using GoShop.Reviews.GraphQL.Mutations;
using GoShop.Reviews.GraphQL.Queries;
using GoShop.Reviews.GraphQL.Subscriptions;
using GoShop.Reviews.GraphQL.Types;
using GoShop.Reviews.Reading;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL;

public sealed class ReviewsSchema : Schema
{
    public ReviewsSchema(IServiceProvider services, ReviewsQuery query, ReviewsMutation mutation, ReviewsSubscription subscription)
        : base(services)
    {
        Description = "GoShop reviews: product, shop and delivery reviews by verified buyers, seller replies, helpful votes, moderation, " +
            "sentiment, and the rating summaries of products, shops and shippers.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        this.RegisterTypeMapping<ReviewStatus, ReviewStatusType>();
        this.RegisterTypeMapping<Sentiment, SentimentType>();
        this.RegisterTypeMapping<ReviewSubject, ReviewSubjectType>();
        this.RegisterTypeMapping<ReviewSort, ReviewSortType>();
    }
}

public sealed class ReviewsQuery : ObjectGraphType
{
    public ReviewsQuery()
    {
        Name = "Query";
        ReviewQueries.AddTo(this);
    }
}

public sealed class ReviewsMutation : ObjectGraphType
{
    public ReviewsMutation()
    {
        Name = "Mutation";
        ReviewMutations.AddTo(this);
    }
}

public sealed class ReviewsSubscription : ObjectGraphType
{
    public ReviewsSubscription()
    {
        Name = "Subscription";
        ReviewSubscriptions.AddTo(this);
    }
}
