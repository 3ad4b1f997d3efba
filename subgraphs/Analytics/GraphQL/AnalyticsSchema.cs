using GoShop.Analytics.GraphQL.Mutations;
using GoShop.Analytics.GraphQL.Queries;
using GoShop.Analytics.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL;

public sealed class AnalyticsSchema : Schema
{
    public AnalyticsSchema(IServiceProvider services, AnalyticsQuery query, AnalyticsMutation mutation)
        : base(services)
    {
        Description = "GoShop analytics: shops', products' and the platform's figures, counted from the other domains' events.";
        Query = query;
        Mutation = mutation;
        // Reached only through entity references (Shop.analytics, Product.analytics), never from a root field.
        this.RegisterType<ShopType>();
        this.RegisterType<ProductType>();
    }
}

public sealed class AnalyticsQuery : ObjectGraphType
{
    public AnalyticsQuery()
    {
        Name = "Query";
        PlatformQueries.AddTo(this);
    }
}

public sealed class AnalyticsMutation : ObjectGraphType
{
    public AnalyticsMutation()
    {
        Name = "Mutation";
        RollupMutations.AddTo(this);
        ExportMutations.AddTo(this);
    }
}
