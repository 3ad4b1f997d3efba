using System.Globalization;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Search.Domain;
using GoShop.Search.GraphQL.Types;
using GoShop.Search.Index;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Search.GraphQL.Queries;

/// <summary>search and searchSuggestions: public, answered from this instance's index.</summary>
public static class ProductSearchQueries
{
    public const int MaxSuggestions = 20;
    public const int MaxBrands = 50;
    public const double MaxRadiusKm = 1000;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ProductSearchResultType>, ProductSearchResult>("search")
            .Description("Products for sale matching a text, with filters, a sort and facets. The text is matched as words, with or without " +
                "Vietnamese diacritics (\"dien thoai\" finds \"Điện thoại\"), one typo per word of 4+ letters forgiven, and the last word " +
                "completed as a prefix; brand and model match exactly; punctuation is never query syntax. No text: browse everything " +
                "(best sellers first under RELEVANCE). Only ACTIVE and OUT_OF_STOCK products of active shops; a change in catalog shows " +
                "within about a second. Anyone may ask; a bad argument (first outside 1 to 100, a negative or reversed price range, a text " +
                $"over {SearchLimits.MaxQueryLength} characters, DISTANCE without near, a cursor of another sort) is a BAD_USER_INPUT error.")
            .Argument<StringGraphType>("query", $"The words to look for, at most {SearchLimits.MaxQueryLength} characters; empty or left out to browse.")
            .Argument<SearchFilterInputType>("filters", "What the results must be; none when left out.")
            .Argument<SearchSortType>("sort", "The order of the results; RELEVANCE when left out.")
            .Argument<IntGraphType>("first", $"How many results per page, 1 to {PageRequest.MaxSize}; {PageRequest.DefaultSize} when left out.")
            .Argument<StringGraphType>("after", "The cursor of the last result of the previous page (pageInfo.endCursor), with the same text, filters and sort.")
            .Resolve(context =>
            {
                var request = Request(context.GetArgument<string?>("query"), context.GetArgument<SearchFilterInput?>("filters"),
                    context.GetArgument("sort", SearchSort.Relevance), context.GetArgument<int?>("first"), context.GetArgument<string?>("after"));
                var services = context.RequestServices!;
                var page = services.GetRequiredService<ISearchIndex>().Search(request);
                var names = services.GetRequiredService<CategoryNames>();
                var text = !string.IsNullOrEmpty(TextFolding.Fold(request.Text));
                return new ProductSearchResult(page, request,
                    page.Hits.Select(h => new ProductSearchEdge(EncodeCursor(request.Sort, h.Position), h.ProductId, text ? h.Score : null, h.DistanceKm)).ToList(),
                    page.Facets.Categories.Select(c => new FacetValue(c.Value, Guid.TryParseExact(c.Value, "N", out var id) ? names.NameOf(id) ?? c.Value : c.Value, c.Count)
                        with { Value = Guid.TryParseExact(c.Value, "N", out var value) ? value.ToString() : c.Value }).ToList());
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchSuggestionType>>>, IReadOnlyList<IndexSuggestion>>("searchSuggestions")
            .Description("Completions of what the buyer is typing, with or without diacritics: brands and categories whose name starts with it, then " +
                "product titles whose words start with it (the last word as a prefix), best sellers first. Anyone may ask; an empty prefix answers " +
                "an empty list.")
            .Argument<NonNullGraphType<StringGraphType>>("prefix", $"What has been typed so far, at most {SearchLimits.MaxQueryLength} characters.")
            .Argument<IntGraphType>("first", $"How many suggestions, 1 to {MaxSuggestions}; 8 when left out.")
            .Resolve(context =>
            {
                var prefix = context.GetArgument<string>("prefix");
                if (prefix.Length > SearchLimits.MaxQueryLength)
                    throw GraphQLErrors.BadUserInput($"The prefix must be at most {SearchLimits.MaxQueryLength} characters.");
                var first = context.GetArgument<int?>("first") ?? 8;
                if (first is < 1 or > MaxSuggestions)
                    throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {MaxSuggestions}.");
                return context.RequestServices!.GetRequiredService<ISearchIndex>().Suggest(prefix, first);
            });
    }

    /// <summary>Checks the arguments of <c>search</c> and turns them into the index's request.</summary>
    public static SearchRequest Request(string? text, SearchFilterInput? filters, SearchSort sort, int? first, string? after)
    {
        var page = PageRequest.From(first, after);
        if (text is { Length: > SearchLimits.MaxQueryLength })
            throw GraphQLErrors.BadUserInput($"The search text must be at most {SearchLimits.MaxQueryLength} characters.");
        filters ??= new SearchFilterInput();
        if (filters.MinPrice < 0 || filters.MaxPrice < 0)
            throw GraphQLErrors.BadUserInput("Prices in filters must be 0 or more.");
        if (filters.MinPrice > filters.MaxPrice)
            throw GraphQLErrors.BadUserInput("filters.minPrice must not be above filters.maxPrice.");
        if (filters.MinRating is { } rating && (double.IsNaN(rating) || rating < 0 || rating > 5))
            throw GraphQLErrors.BadUserInput("filters.minRating must be between 0 and 5.");
        if (filters.RadiusKm is { } radius && (filters.Near is null || double.IsNaN(radius) || radius <= 0 || radius > MaxRadiusKm))
            throw GraphQLErrors.BadUserInput($"filters.radiusKm needs filters.near and must be more than 0 and at most {MaxRadiusKm}.");
        if (sort == SearchSort.Distance && filters.Near is null)
            throw GraphQLErrors.BadUserInput("The DISTANCE sort needs filters.near.");
        if (filters.Brands is { Count: > MaxBrands })
            throw GraphQLErrors.BadUserInput($"At most {MaxBrands} brands in filters.brands.");
        return new SearchRequest
        {
            Text = text,
            CategoryIds = filters.CategoryId is { } category ? [category] : [],
            Brands = filters.Brands ?? [],
            MinPrice = filters.MinPrice,
            MaxPrice = filters.MaxPrice,
            MinRating = filters.MinRating,
            ShopId = filters.ShopId,
            Near = filters.Near is { } near ? new GeoFilter(near.Lat, near.Lng, filters.RadiusKm) : null,
            InStockOnly = filters.InStockOnly ?? false,
            Sort = sort,
            First = page.First,
            After = page.After is { } cursor ? DecodeCursor(sort, cursor) : null,
        };
    }

    public static string EncodeCursor(SearchSort sort, SortPosition position) =>
        Cursor.Encode(sort.ToString(), position.Value.ToString("R", CultureInfo.InvariantCulture), position.Id.ToString("N"));

    private static SortPosition DecodeCursor(SearchSort sort, string cursor)
    {
        var parts = Cursor.Decode(cursor, 3);
        if (parts[0] != sort.ToString())
            throw GraphQLErrors.BadUserInput("The cursor belongs to a search in another order; start again without `after`.");
        if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !Guid.TryParseExact(parts[2], "N", out var id))
            throw GraphQLErrors.BadUserInput("The cursor is not one this API issued.");
        return new SortPosition(value, id);
    }
}
