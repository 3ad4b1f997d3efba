using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Gateway.Tests.Federation.Library;

/// <summary>catalog: owns Book (by id, and by ISBN and edition) and Movie, both Media; <c>search</c> returns a union of them.</summary>
public static class CatalogSubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("catalog", sequence, (_, graphql) => graphql.AddSchema<CatalogSchema>().AddGraphTypes(typeof(CatalogSchema).Assembly));
}

public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services) : base(services)
    {
        Query = new CatalogQuery();
    }
}

public sealed class CatalogQuery : ObjectGraphType
{
    public CatalogQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogMediaInterface>>>>("media")
            .Resolve(_ => LibraryData.Books.Cast<object>().Concat(LibraryData.Movies));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchResultUnion>>>>("search")
            .Argument<NonNullGraphType<StringGraphType>>("term")
            .Resolve(c =>
            {
                var term = c.GetArgument<string>("term");
                return LibraryData.Movies.Where(m => m.Title.Contains(term, StringComparison.OrdinalIgnoreCase)).Cast<object>()
                    .Concat(LibraryData.Books.Where(b => b.Title.Contains(term, StringComparison.OrdinalIgnoreCase)));
            });
        Field<BookType>("book")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => LibraryData.Books.FirstOrDefault(b => b.Id == c.GetArgument<string>("id")));
    }
}

public sealed class CatalogMediaInterface : InterfaceGraphType
{
    public CatalogMediaInterface()
    {
        Name = "Media";
        // GraphQL.NET asks an abstract type to name the object type of a value: the one whose IsTypeOf takes it.
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true);
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
    }
}

public sealed class SearchResultUnion : UnionGraphType
{
    public SearchResultUnion()
    {
        Name = "SearchResult";
        // GraphQL.NET asks an abstract type to name the object type of a value: the one whose IsTypeOf takes it.
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true);
        Type<BookType>();
        Type<MovieType>();
    }
}

public sealed class BookType : ObjectGraphType<BookRecord>
{
    public BookType()
    {
        Name = "Book";
        this.Key("id");
        this.Key("isbn edition");
        this.ResolveReference<BookReference, BookRecord>((_, reference) =>
            LibraryData.Books.FirstOrDefault(b => reference.Id is { } id ? b.Id == id : b.Isbn == reference.Isbn && b.Edition == reference.Edition)!);
        Interface<CatalogMediaInterface>();
        IsTypeOf = o => o is BookRecord;
        Field(b => b.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(b => b.Title);
        Field(b => b.Pages);
        Field(b => b.Isbn, nullable: true);
        Field(b => b.Edition, nullable: true);
    }
}

public sealed class MovieType : ObjectGraphType<MovieRecord>
{
    public MovieType()
    {
        Name = "Movie";
        this.Key("id");
        this.ResolveReference<BookReference, MovieRecord>((_, reference) => LibraryData.Movies.FirstOrDefault(m => m.Id == reference.Id)!);
        Interface<CatalogMediaInterface>();
        IsTypeOf = o => o is MovieRecord;
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(m => m.Title);
        Field(m => m.Minutes);
    }
}
