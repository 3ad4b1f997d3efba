using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Gateway.Tests.Federation.Shipping;

/// <summary>A product as shipping receives it: its key, and the price and weight its estimates @require.</summary>
public sealed class ShippingProductReference
{
    public string? Id { get; set; }

    public int? Weight { get; set; }

    public int? Price { get; set; }
}

public sealed record ShippingCategory(string Id, string Zone);

/// <summary>
/// shipping: estimates a product's shipping in two currencies, each @requiring the price in its own (so the two
/// need two representations), and has a shipping zone on a category type without a key (reached only through
/// the product).
/// </summary>
public static class ShippingSubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("shipping", sequence, (_, graphql) => graphql.AddSchema<ShippingSchema>().AddGraphTypes(typeof(ShippingSchema).Assembly));
}

public sealed class ShippingSchema : Schema
{
    public ShippingSchema(IServiceProvider services) : base(services)
    {
        Query = new ShippingQuery();
        // No field of shipping returns a Product: it is reached only through _entities.
        RegisterType(typeof(ShippingProductType));
    }
}

public sealed class ShippingQuery : ObjectGraphType
{
    public ShippingQuery()
    {
        Name = "Query";
        // Federation needs a query type; shipping's products are reached through _entities.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("zones").Resolve(_ => ShippingData.Zones.Values.ToList());
    }
}

public sealed class ShippingProductType : ObjectGraphType<ShippingProductReference>
{
    public ShippingProductType()
    {
        Name = "Product";
        this.Key("id");
        this.ResolveReference<ShippingProductReference, ShippingProductReference>((_, reference) => reference);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("weight").External().Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<IntGraphType>>("price").Argument<NonNullGraphType<StringGraphType>>("currency").External().Resolve(c => c.Source.Price);
        Field<NonNullGraphType<IntGraphType>>("estimate").Requires("price(currency: \"USD\") weight").Resolve(c => Estimate(c.Source));
        Field<NonNullGraphType<IntGraphType>>("estimateEUR").Requires("price(currency: \"EUR\") weight").Resolve(c => Estimate(c.Source));
        Field<NonNullGraphType<ShippingCategoryType>>("category").Resolve(c =>
        {
            var categoryId = ShippingData.CategoryOfProduct[c.Source.Id!];
            return new ShippingCategory(categoryId, ShippingData.Zones[categoryId]);
        });
    }

    // Without the price and weight in the representation there is nothing to compute from: the gateway must send them.
    private static int Estimate(ShippingProductReference product) =>
        product.Price is { } price && product.Weight is { } weight ? price * weight : throw new InvalidOperationException("price and weight were not sent");
}

public sealed class ShippingCategoryType : ObjectGraphType<ShippingCategory>
{
    public ShippingCategoryType()
    {
        Name = "Category";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("zone").Resolve(c => c.Source.Zone);
    }
}
