using GraphQL;
using GraphQL.DI;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Gateway.Tests.Federation.Subgraphs;

/// <summary>reviews: adds Product.reviews; a review points at the shop that sold the product (Shop by key).</summary>
public static class ReviewsSubgraph
{
    public static Task<TestSubgraph> StartAsync(MarketData data, RequestSequence sequence) =>
        TestSubgraph.StartAsync("reviews", sequence, (services, graphql) =>
        {
            services.AddSingleton(data);
            graphql.AddSchema<ReviewsSchema>().AddGraphTypes(typeof(ReviewsSchema).Assembly);
        });
}

public sealed class ReviewsSchema : Schema
{
    public ReviewsSchema(IServiceProvider services) : base(services)
    {
        Query = new ReviewsQuery();
        // No field of reviews returns a Product: it is reached only through _entities.
        RegisterType(typeof(ReviewedProductType));
    }
}

public sealed class ReviewsQuery : ObjectGraphType
{
    public ReviewsQuery()
    {
        Name = "Query";
        // Federation needs a query type; the reviews of a product are reached through Product.reviews.
        Field<IntGraphType>("reviewCount").Resolve(c => Data(c).Reviews.Count);
    }

    internal static MarketData Data(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<MarketData>();
}

public sealed class ReviewedProductType : ObjectGraphType<EntityKey>
{
    public ReviewedProductType()
    {
        Name = "Product";
        this.Key("id");
        this.ResolveReference<EntityKey, EntityKey>((_, key) => key);
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<ListGraphType<NonNullGraphType<ReviewType>>>("reviews")
            .Argument<IntGraphType>("minStars")
            .Resolve(c => ReviewsQuery.Data(c).Reviews.Where(r => r.ProductId == c.Source.Id && r.Stars >= (c.GetArgument<int?>("minStars") ?? 1)));
    }
}

public sealed class ReviewType : ObjectGraphType<ReviewRecord>
{
    public ReviewType()
    {
        Name = "Review";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.Body);
        Field(r => r.Stars);
        Field<NonNullGraphType<ReviewShopType>>("seller").Resolve(c => new EntityKey { Id = c.Source.SellerId });
    }
}

public sealed class ReviewShopType : ObjectGraphType<EntityKey>
{
    public ReviewShopType()
    {
        Name = "Shop";
        this.Key("id", resolvable: false);
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
