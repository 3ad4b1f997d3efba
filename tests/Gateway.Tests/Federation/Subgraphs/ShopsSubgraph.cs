using GraphQL;
using GraphQL.DI;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Gateway.Tests.Federation.Subgraphs;

/// <summary>shops: owns Shop (name, contact, minimum order); an unknown shop resolves to null, its contact is private to s1's neighbours.</summary>
public static class ShopsSubgraph
{
    public static Task<TestSubgraph> StartAsync(MarketData data, RequestSequence sequence) =>
        TestSubgraph.StartAsync("shops", sequence, (services, graphql) =>
        {
            services.AddSingleton(data);
            graphql.AddSchema<ShopsSchema>().AddGraphTypes(typeof(ShopsSchema).Assembly);
        });
}

public sealed class ShopsSchema : Schema
{
    public ShopsSchema(IServiceProvider services) : base(services)
    {
        Query = new ShopsQuery();
        Mutation = new ShopsMutation();
    }
}

public sealed class ShopsQuery : ObjectGraphType
{
    public ShopsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopType>>>>("shops")
            .Resolve(c => Data(c).Shops.Values.OrderBy(s => s.Id, StringComparer.Ordinal));
        Field<ShopType>("shop")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Data(c).Shops.GetValueOrDefault(c.GetArgument<string>("id")));
    }

    internal static MarketData Data(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<MarketData>();
}

public sealed class ShopsMutation : ObjectGraphType
{
    public ShopsMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<ShopType>>("renameShop")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Resolve(c =>
            {
                var shops = ShopsQuery.Data(c).Shops;
                var id = c.GetArgument<string>("id");
                return shops[id] = shops[id] with { Name = c.GetArgument<string>("name") };
            });
    }
}

public sealed class ShopType : ObjectGraphType<ShopRecord>
{
    public ShopType()
    {
        Name = "Shop";
        this.Key("id");
        // A shop this subgraph does not know is null in _entities, without an error, as a real subgraph answers.
        this.ResolveReference<EntityKey, ShopRecord>((c, key) => ShopsQuery.Data(c).Shops.GetValueOrDefault(key.Id)!);
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.Name);
        Field<StringGraphType>("contact").Resolve(c => c.Source.Contact
            ?? throw new ExecutionError("Only the shop's customers see its contact.") { Code = "FORBIDDEN" });
        Field<NonNullGraphType<ShopMoneyType>>("minimumOrder").Resolve(c => new Money(c.Source.MinimumOrder, "VND"));
    }
}

public sealed class ShopMoneyType : ObjectGraphType<Money>
{
    public ShopMoneyType()
    {
        Name = "Money";
        this.Shareable();
        Field(m => m.Amount);
        Field(m => m.Currency);
    }
}
