using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Search.Domain;
using GoShop.Search.Index;
using GraphQL.Types;

namespace GoShop.Search.GraphQL.Types;

public sealed class SearchSortType : EnumerationGraphType<SearchSort>
{
    public SearchSortType()
    {
        Name = "SearchSort";
        Description = "The order of search results. Every order breaks ties by product id, so cursors page through it without repeats or gaps.";
    }
}

public sealed class SuggestionKindType : EnumerationGraphType<SuggestionKind>
{
    public SuggestionKindType()
    {
        Name = "SuggestionKind";
        Description = "What a search suggestion completes to.";
    }
}

public sealed class PriceAlertStatusType : EnumerationGraphType<PriceAlertStatus>
{
    public PriceAlertStatusType()
    {
        Name = "PriceAlertStatus";
        Description = "ACTIVE until the product can be bought at the target price or less, then TRIGGERED (once).";
    }
}

/// <summary>The filters of <c>search</c>, as the client sends them (checked in <see cref="Queries.ProductSearchQueries"/>).</summary>
public sealed record SearchFilterInput
{
    public Guid? CategoryId { get; init; }

    public List<string>? Brands { get; init; }

    public decimal? MinPrice { get; init; }

    public decimal? MaxPrice { get; init; }

    public double? MinRating { get; init; }

    public Guid? ShopId { get; init; }

    public GeoPoint? Near { get; init; }

    public double? RadiusKm { get; init; }

    public bool? InStockOnly { get; init; }
}

public sealed class SearchFilterInputType : InputObjectGraphType<SearchFilterInput>
{
    public SearchFilterInputType()
    {
        Name = "SearchFilterInput";
        Description = "Narrows search results; every filter given must hold. Each facet counts the results with every filter applied but its own " +
            "(categoryId for categories, brands for brands, the price range for priceRanges, minRating for ratings, shopId for shops).";
        Field(x => x.CategoryId, type: typeof(IdGraphType)).Description("Only products of this category or any of its subcategories. An unknown id finds nothing.");
        Field(x => x.Brands, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>))
            .Description("Only products of one of these brands (any letter case, with or without diacritics), as the brands facet names them; at most 50.");
        Field(x => x.MinPrice, type: typeof(DecimalGraphType)).Description("Only products a buyer pays at least this for now (the sale price while a discount runs), in VND; 0 or more.");
        Field(x => x.MaxPrice, type: typeof(DecimalGraphType)).Description("Only products a buyer pays at most this for now, in VND; not below minPrice.");
        Field(x => x.MinRating, type: typeof(FloatGraphType)).Description("Only products rated at least this on average, 0 to 5 (unrated products count as 0).");
        Field(x => x.ShopId, type: typeof(IdGraphType)).Description("Only this shop's products.");
        Field(x => x.Near, type: typeof(GeoPointInputType)).Description("A point (the buyer's location): results get distanceKm, and the DISTANCE sort and radiusKm use it.");
        Field(x => x.RadiusKm, type: typeof(FloatGraphType)).Description("Only products of shops within this many kilometres of `near` (great-circle), more than 0 and at most 1000; needs `near`.");
        Field(x => x.InStockOnly, type: typeof(BooleanGraphType)).Description("True: only products that can be bought now (not OUT_OF_STOCK).");
    }
}

/// <summary>What a search answered, with the request it answered (cursors carry its sort).</summary>
public sealed record ProductSearchResult(SearchPage Page, SearchRequest Request, IReadOnlyList<ProductSearchEdge> Edges, IReadOnlyList<FacetValue> Categories);

public sealed record ProductSearchEdge(string Cursor, Guid ProductId, double? Score, double? DistanceKm);

public sealed record FacetValue(string Value, string Label, int Count);

public sealed class ProductSearchResultType : ObjectGraphType<ProductSearchResult>
{
    public ProductSearchResultType()
    {
        Name = "ProductSearchResult";
        Description = "A page of search results, how many there are in all, and facets to narrow them.";
        Field<NonNullGraphType<IntGraphType>, int>("totalCount").Description("How many products match the text and filters in all (every page together).")
            .Resolve(context => context.Source.Page.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductSearchEdgeType>>>, IReadOnlyList<ProductSearchEdge>>("edges")
            .Description("This page's products, in the order asked for.").Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoType>, PageInfo>("pageInfo").Description("Whether more results follow, and the cursor to ask for them.")
            .Resolve(context => new PageInfo(context.Source.Page.HasNextPage, context.Source.Request.After is not null,
                context.Source.Edges.Count > 0 ? context.Source.Edges[0].Cursor : null, context.Source.Edges.Count > 0 ? context.Source.Edges[^1].Cursor : null));
        Field<NonNullGraphType<SearchFacetsType>, ProductSearchResult>("facets")
            .Description("Counts of the matching products by category, brand, price range, rating and (with filters.near) nearby shop, over all pages; " +
                "each facet ignores its own filter.").Resolve(context => context.Source);
    }
}

public sealed class ProductSearchEdgeType : ObjectGraphType<ProductSearchEdge>
{
    public ProductSearchEdgeType()
    {
        Name = "ProductSearchEdge";
        Description = "One product of the results.";
        Field(x => x.Cursor).Description("Pass as `after` to get the results that follow this one.");
        Field<ProductType, EntityReference<ProductType>>("node").Description("The product (its fields come from catalog). Null when catalog cannot be reached.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field(x => x.Score, nullable: true).Description("How well the product matches the text (higher is better; comparable only within one search); null without text.");
        Field(x => x.DistanceKm, nullable: true).Description("Kilometres from filters.near to the product's shop, great-circle; null without `near` or when the shop's location is unknown.");
    }
}

public sealed class SearchFacetsType : ObjectGraphType<ProductSearchResult>
{
    public SearchFacetsType()
    {
        Name = "SearchFacets";
        Description = "How the matching products spread, to offer filters with their counts. Each facet counts the products matching the text and every " +
            "filter but its own, as storefronts do: with filters.brands [\"Apple\"], brands still lists Samsung with the count a buyer would get by " +
            "picking it instead, while categories, priceRanges, ratings and shops count Apple's products only.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>, IReadOnlyList<FacetValue>>("categories")
            .Description("Categories with how many matching products they hold, subcategories included (so a parent counts its children's products); " +
                "value is the category id (filters.categoryId), most products first, at most 20.")
            .Resolve(context => context.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>, IEnumerable<FacetValue>>("brands")
            .Description("Brands with how many matching products; value is the brand name (filters.brands), most products first, at most 20.")
            .Resolve(context => context.Source.Page.Facets.Brands.Select(b => new FacetValue(b.Value, b.Value, b.Count)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceRangeFacetType>>>, IReadOnlyList<PriceBucket>>("priceRanges")
            .Description("Price ranges (VND, the price paid now: under 100,000; 100,000 to 500,000; to 1,000,000; to 5,000,000; to 10,000,000; above) " +
                "with how many matching products, cheapest first; empty ranges are left out.")
            .Resolve(context => context.Source.Page.Facets.PriceRanges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>, IEnumerable<FacetValue>>("ratings")
            .Description("Rating floors: value \"4\" counts products rated 4 or more on average (filters.minRating: 4), then 3, 2 and 1; floors with none are left out.")
            .Resolve(context => context.Source.Page.Facets.Ratings.Select(r => new FacetValue(r.Value, $"{r.Value} stars and up", r.Count)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopFacetType>>>, IReadOnlyList<ShopFacet>>("shops")
            .Description($"With filters.near: the nearest shops that have matching products (filters.shopId), nearest first, at most {Index.Lucene.PageCollector.MaxShops}, " +
                "with their distance and how many of their products match; shops whose location is unknown are left out. Empty without near.")
            .Resolve(context => context.Source.Page.Facets.Shops);
    }
}

public sealed class ShopFacetType : ObjectGraphType<ShopFacet>
{
    public ShopFacetType()
    {
        Name = "ShopFacet";
        Description = "A shop near the search's point that has matching products.";
        Field<ShopType, EntityReference<ShopType>>("shop").Description("The shop (filters.shopId; its fields come from shops). Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(x => x.DistanceKm).Description("Kilometres from filters.near to the shop, great-circle.");
        Field(x => x.Count).Description("How many of the shop's products match the text and every filter but filters.shopId.");
    }
}

public sealed class FacetValueType : ObjectGraphType<FacetValue>
{
    public FacetValueType()
    {
        Name = "FacetValue";
        Description = "One value of a facet and how many matching products have it.";
        Field(x => x.Value).Description("What to filter on: a category id, a brand name or a rating floor.");
        Field(x => x.Label).Description("What to show the buyer (a category's name, a brand, \"4 stars and up\").");
        Field(x => x.Count).Description("How many matching products have this value.");
    }
}

public sealed class PriceRangeFacetType : ObjectGraphType<PriceBucket>
{
    public PriceRangeFacetType()
    {
        Name = "PriceRangeFacet";
        Description = "A price range (VND) and how many matching products a buyer pays that much for now.";
        Field(x => x.Min, type: typeof(DecimalGraphType)).Description("The lowest price of the range (included, as filters.minPrice); null: from 0.");
        Field(x => x.Max, type: typeof(DecimalGraphType)).Description("The price the range stops below; null: no upper end.");
        Field(x => x.Count).Description("How many matching products fall in the range.");
    }
}

public sealed class SearchSuggestionType : ObjectGraphType<IndexSuggestion>
{
    public SearchSuggestionType()
    {
        Name = "SearchSuggestion";
        Description = "A completion of what the buyer is typing.";
        Field(x => x.Text).Description("The completed text, as it should be shown (with its diacritics).");
        Field(x => x.Kind, type: typeof(NonNullGraphType<SuggestionKindType>)).Description("Whether it is a product's title, a brand or a category.");
        Field<ProductType, EntityReference<ProductType>?>("product").Description("The product whose title this is; null for a brand or a category.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<CategoryType, EntityReference<CategoryType>?>("category").Description("The category this names; null for a title or a brand.")
            .Resolve(context => EntityReference.To<CategoryType>(context.Source.CategoryId));
    }
}

public sealed class PriceAlertType : ObjectGraphType<PriceAlert>
{
    public PriceAlertType()
    {
        Name = "PriceAlert";
        Description = "A buyer's alert on a product's price: it fires once, when the product can be bought at the target price or less " +
            "(a price cut, a discount, or the product back in stock), and notifications tells the buyer.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The alert's id.");
        Field<ProductType, EntityReference<ProductType>>("product").Description("The product watched. Null when catalog cannot be reached.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<NonNullGraphType<MoneyType>, Money>("targetPrice").Description("The price at or below which the alert fires.")
            .Resolve(context => new Money(context.Source.TargetPrice, context.Source.Currency));
        Field(x => x.Status, type: typeof(NonNullGraphType<PriceAlertStatusType>)).Description("ACTIVE, or TRIGGERED once it fired.");
        Field(x => x.CreatedAt).Description("When the buyer set it.");
        Field(x => x.TriggeredAt, nullable: true).Description("When it fired; null while ACTIVE.");
    }
}
