using GoShop.Shops.GraphQL.Mutations;
using GoShop.Shops.GraphQL.Queries;
using GraphQL.Types;

namespace GoShop.Shops.GraphQL;

public sealed class ShopsSchema : Schema
{
    public ShopsSchema(IServiceProvider services, ShopsQuery query, ShopsMutation mutation)
        : base(services)
    {
        Description = "GoShop shops: shops and where they are, promotions, coupons and campaigns.";
        Query = query;
        Mutation = mutation;
    }
}

public sealed class ShopsQuery : ObjectGraphType
{
    public ShopsQuery()
    {
        Name = "Query";
        ShopQueries.AddTo(this);
    }
}

public sealed class ShopsMutation : ObjectGraphType
{
    public ShopsMutation()
    {
        Name = "Mutation";
        ShopMutations.AddTo(this);
        PromotionMutations.AddTo(this);
        CampaignMutations.AddTo(this);
    }
}
