using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Gateway.Tests.Federation.Library;

/// <summary>critics: reviews of a Book by its compound key (ISBN and edition); a review's book @provides its title.</summary>
public static class CriticsSubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("critics", sequence, (_, graphql) => graphql.AddSchema<CriticsSchema>().AddGraphTypes(typeof(CriticsSchema).Assembly));
}

public sealed class CriticsSchema : Schema
{
    public CriticsSchema(IServiceProvider services) : base(services)
    {
        Query = new CriticsQuery();
    }
}

public sealed class CriticsQuery : ObjectGraphType
{
    public CriticsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriticReviewType>>>>("latestReviews").Resolve(_ => LibraryData.Reviews.Take(2));
    }
}

public sealed class CriticReviewType : ObjectGraphType<CriticReview>
{
    public CriticReviewType()
    {
        Name = "Review";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.Body);
        Field<NonNullGraphType<CriticsBookType>>("book").Provides("title")
            .Resolve(c => new BookReference { Isbn = c.Source.Isbn, Edition = c.Source.Edition, Title = c.Source.BookTitle });
    }
}

public sealed class CriticsBookType : ObjectGraphType<BookReference>
{
    public CriticsBookType()
    {
        Name = "Book";
        this.Key("isbn edition");
        this.ResolveReference<BookReference, BookReference>((_, reference) => reference);
        Field<StringGraphType>("isbn").Resolve(c => c.Source.Isbn);
        Field<IntGraphType>("edition").Resolve(c => c.Source.Edition);
        // Known here only where a review provides it.
        Field<NonNullGraphType<StringGraphType>>("title").External().Resolve(c => c.Source.Title);
        Field<ListGraphType<NonNullGraphType<CriticReviewType>>>("reviews")
            .Resolve(c => LibraryData.Reviews.Where(r => r.Isbn == c.Source.Isbn && r.Edition == c.Source.Edition));
    }
}
