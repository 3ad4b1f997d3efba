using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Gateway.Tests.Federation.Library;

/// <summary>inventory: its shelf is a union of Book (known by id only) and its own Podcast (a Media catalog does not know); a book's shipping cost @requires its pages.</summary>
public static class InventorySubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("inventory", sequence, (_, graphql) => graphql.AddSchema<InventorySchema>().AddGraphTypes(typeof(InventorySchema).Assembly));
}

public sealed class InventorySchema : Schema
{
    public InventorySchema(IServiceProvider services) : base(services)
    {
        Query = new InventoryQuery();
    }
}

public sealed class InventoryQuery : ObjectGraphType
{
    public InventoryQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShelfUnion>>>>("shelf").Resolve(_ => LibraryData.Shelf);
    }
}

public sealed class InventoryMediaInterface : InterfaceGraphType
{
    public InventoryMediaInterface()
    {
        Name = "Media";
        // GraphQL.NET asks an abstract type to name the object type of a value: the one whose IsTypeOf takes it.
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true);
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
    }
}

public sealed class ShelfUnion : UnionGraphType
{
    public ShelfUnion()
    {
        Name = "Shelf";
        // GraphQL.NET asks an abstract type to name the object type of a value: the one whose IsTypeOf takes it.
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true);
        Type<InventoryBookType>();
        Type<PodcastType>();
    }
}

public sealed class InventoryBookType : ObjectGraphType<BookReference>
{
    public InventoryBookType()
    {
        Name = "Book";
        this.Key("id");
        this.ResolveReference<BookReference, BookReference>((_, reference) => reference);
        IsTypeOf = o => o is BookReference;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("pages").External().Resolve(c => c.Source.Pages);
        // Without the pages in the representation there is nothing to compute from: the gateway must send them.
        Field<NonNullGraphType<IntGraphType>>("shippingCost").Requires("pages")
            .Resolve(c => c.Source.Pages is { } pages ? LibraryData.ShippingCost(pages) : throw new InvalidOperationException("pages were not sent"));
    }
}

public sealed class PodcastType : ObjectGraphType<PodcastRecord>
{
    public PodcastType()
    {
        Name = "Podcast";
        this.Key("id");
        this.ResolveReference<BookReference, PodcastRecord>((_, reference) => LibraryData.Podcasts.FirstOrDefault(p => p.Id == reference.Id)!);
        Interface<InventoryMediaInterface>();
        IsTypeOf = o => o is PodcastRecord;
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Title);
        Field(p => p.Host);
    }
}
