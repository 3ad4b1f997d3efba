using GraphQL;
using GraphQL.DI;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Gateway.Tests.Federation.Subgraphs;

/// <summary>products: owns Product (title, price, shop), lists and renames products; knows Shop only by key.</summary>
public static class ProductsSubgraph
{
    public static Task<TestSubgraph> StartAsync(MarketData data, RequestSequence sequence) =>
        TestSubgraph.StartAsync("products", sequence, (services, graphql) =>
        {
            services.AddSingleton(data);
            graphql.AddSchema<ProductsSchema>().AddGraphTypes(typeof(ProductsSchema).Assembly);
        });
}

public sealed class ProductsSchema : Schema
{
    public ProductsSchema(IServiceProvider services) : base(services)
    {
        Query = new ProductsQuery();
        Mutation = new ProductsMutation();
    }
}

public sealed class ProductsQuery : ObjectGraphType
{
    public ProductsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("products")
            .Resolve(c => Data(c).Listed.Select(id => Data(c).Products[id]));
        Field<ProductType>("product")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Data(c).Products.GetValueOrDefault(c.GetArgument<string>("id")));
    }

    internal static MarketData Data(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<MarketData>();
}

public sealed class ProductsMutation : ObjectGraphType
{
    public ProductsMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<ProductType>>("renameProduct")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("title")
            .Resolve(c =>
            {
                var products = ProductsQuery.Data(c).Products;
                var id = c.GetArgument<string>("id");
                return products[id] = products[id] with { Title = c.GetArgument<string>("title") };
            });
    }
}

public sealed class ProductType : ObjectGraphType<ProductRecord>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("id");
        this.ResolveReference<EntityKey, ProductRecord>((c, key) => ProductsQuery.Data(c).Products[key.Id]);
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Title);
        Field<NonNullGraphType<ProductMoneyType>>("price").Resolve(c => new Money(c.Source.Price, "VND"));
        Field<NonNullGraphType<ProductShopType>>("shop").Resolve(c => new EntityKey { Id = c.Source.ShopId });
        // Other products of the same shop: a field that nests without end, for the depth limit.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("related")
            .Resolve(c => ProductsQuery.Data(c).Products.Values.Where(p => p.ShopId == c.Source.ShopId && p.Id != c.Source.Id).OrderBy(p => p.Id, StringComparer.Ordinal));
    }
}

public sealed class ProductShopType : ObjectGraphType<EntityKey>
{
    public ProductShopType()
    {
        Name = "Shop";
        this.Key("id", resolvable: false);
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

public sealed class ProductMoneyType : ObjectGraphType<Money>
{
    public ProductMoneyType()
    {
        Name = "Money";
        this.Shareable();
        Field(m => m.Amount);
        Field(m => m.Currency);
    }
}
