using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Gateway.Tests.Federation.Shipping;

public sealed record StoreProduct(string Id, string Title, int Weight, int BasePrice, string CategoryId);

public sealed record StoreCategory(string Id, string Name);

public abstract record StoreItem(string Name);

public sealed record GadgetRecord(string Name) : StoreItem(Name);

/// <summary>An item of a type hidden from clients (@inaccessible in the supergraph): store still returns it.</summary>
public sealed record PrototypeRecord(string Name) : StoreItem(Name);

/// <summary>What store and shipping know; each subgraph reads only its own part.</summary>
public static class ShippingData
{
    public static IReadOnlyList<StoreProduct> Products { get; } = [new("p1", "Kettle", 2, 10, "c1"), new("p2", "Lamp", 3, 20, "c2")];

    public static IReadOnlyList<StoreCategory> Categories { get; } = [new("c1", "Kitchen"), new("c2", "Lighting")];

    /// <summary>shipping's category per product id (the same as store's).</summary>
    public static IReadOnlyDictionary<string, string> CategoryOfProduct { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["p1"] = "c1", ["p2"] = "c2" };

    /// <summary>shipping's zone per category id.</summary>
    public static IReadOnlyDictionary<string, string> Zones { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["c1"] = "A", ["c2"] = "B" };

    public static IReadOnlyList<StoreItem> Items { get; } = [new GadgetRecord("Toaster"), new PrototypeRecord("Hoverboard")];

    /// <summary>A price in a currency: store's only rate is EUR at twice USD.</summary>
    public static int Price(StoreProduct product, string currency) => currency switch
    {
        "USD" => product.BasePrice,
        "EUR" => product.BasePrice * 2,
        _ => throw new InvalidOperationException("Unknown currency " + currency),
    };
}

/// <summary>store: products with their prices (per currency), weights and categories; items of an interface, one of a hidden type.</summary>
public static class StoreSubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("store", sequence, (_, graphql) => graphql.AddSchema<StoreSchema>().AddGraphTypes(typeof(StoreSchema).Assembly));
}

public sealed class StoreSchema : Schema
{
    public StoreSchema(IServiceProvider services) : base(services)
    {
        Query = new StoreQuery();
        // Items are returned as the interface: its implementations are named here.
        RegisterType(typeof(GadgetType));
        RegisterType(typeof(PrototypeType));
    }
}

public sealed class StoreQuery : ObjectGraphType
{
    public StoreQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreProductType>>>>("products").Resolve(_ => ShippingData.Products);
        Field<NonNullGraphType<ListGraphType<ItemInterface>>>("items").Resolve(_ => ShippingData.Items);
    }
}

public sealed class StoreProductReference
{
    public string? Id { get; set; }
}

public sealed class StoreProductType : ObjectGraphType<StoreProduct>
{
    public StoreProductType()
    {
        Name = "Product";
        this.Key("id");
        this.ResolveReference<StoreProductReference, StoreProduct>((_, reference) => ShippingData.Products.FirstOrDefault(p => p.Id == reference.Id)!);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("weight").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<IntGraphType>>("price")
            .Argument<NonNullGraphType<StringGraphType>>("currency")
            .Resolve(c => ShippingData.Price(c.Source, c.GetArgument<string>("currency")));
        Field<NonNullGraphType<StoreCategoryType>>("category").Resolve(c => ShippingData.Categories.First(x => x.Id == c.Source.CategoryId));
    }
}

public sealed class StoreCategoryType : ObjectGraphType<StoreCategory>
{
    public StoreCategoryType()
    {
        Name = "Category";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
    }
}

public sealed class ItemInterface : InterfaceGraphType
{
    public ItemInterface()
    {
        Name = "Item";
        // GraphQL.NET asks an abstract type to name the object type of a value: the one whose IsTypeOf takes it.
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true);
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}

public sealed class GadgetType : ObjectGraphType<GadgetRecord>
{
    public GadgetType()
    {
        Name = "Gadget";
        Interface<ItemInterface>();
        IsTypeOf = o => o is GadgetRecord;
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
    }
}

public sealed class PrototypeType : ObjectGraphType<PrototypeRecord>
{
    public PrototypeType()
    {
        Name = "Prototype";
        Interface<ItemInterface>();
        IsTypeOf = o => o is PrototypeRecord;
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
    }
}
