using System.ComponentModel;

namespace GoShop.Search.Index;

/// <summary>
/// The search engine behind the storefront, as small as the subgraph needs it. Today one Lucene.NET index on local
/// disk per instance (<see cref="Lucene.LuceneSearchIndex"/>); an Elasticsearch/OpenSearch cluster can take its place by
/// implementing the same calls (docs/architecture.md, "Search"). Writes are upserts and removals by product id and
/// are visible to searches after <see cref="Refresh"/> (near-real-time: no commit needed).
/// </summary>
public interface ISearchIndex : IDisposable
{
    /// <summary>Products in the index now.</summary>
    int Count { get; }

    /// <summary>
    /// Where the index left the feed and the format it was written with, as of its last commit: a restart resumes the
    /// feed from there, or rebuilds when the format differs from the code's.
    /// </summary>
    IndexState State { get; }

    void Upsert(IReadOnlyCollection<IndexedProduct> products);

    void Remove(IReadOnlyCollection<Guid> productIds);

    /// <summary>Empties the index (before a rebuild).</summary>
    void Clear();

    /// <summary>Makes the writes so far visible to searches.</summary>
    void Refresh();

    /// <summary>
    /// Rewrites the index as compactly as it can be searched (after a rebuild): a search's cost grows with the pieces
    /// the index is written in, and a rebuild leaves many. Visible to searches on return.
    /// </summary>
    void Compact();

    /// <summary>Makes the writes so far durable, with the feed position they reach.</summary>
    void Commit(IndexState state);

    SearchPage Search(SearchRequest request);

    /// <summary>Completions of product titles and brands for what a buyer has typed so far.</summary>
    IReadOnlyList<IndexSuggestion> Suggest(string prefix, int first);

    /// <summary>Products like this one (its words, category, brand and price band), best first, without itself.</summary>
    IReadOnlyList<Guid> Similar(Guid productId, int first);

    /// <summary>
    /// The same product offered by other shops: the same brand and model, or the same folded title in the same category;
    /// in stock, cheapest first.
    /// </summary>
    IReadOnlyList<IndexedProduct> Offers(Guid productId, int first);

    /// <summary>The indexed product with this id, or null.</summary>
    IndexedProduct? Find(Guid productId);
}

/// <summary>
/// The format the index was written with, the database it was fed from (a recreated database is another source) and
/// the feed position (a PostgreSQL transaction id bound) it has read up to.
/// </summary>
public sealed record IndexState(int FormatVersion, string Source, long FeedPosition);

/// <summary>One product as the index holds it: the copy's fields, with its shop's location and the effective price now.</summary>
public sealed record IndexedProduct(
    Guid Id,
    Guid ShopId,
    string Title,
    string? Description,
    string? Brand,
    string? Model,
    Guid? CategoryId,
    IReadOnlyList<Guid> CategoryPath,
    IReadOnlyList<string> CategoryNames,
    decimal EffectivePrice,
    string Currency,
    bool InStock,
    decimal Rating,
    int RatingCount,
    int SoldCount,
    DateTimeOffset CreatedAt,
    double? Latitude,
    double? Longitude);

public enum SearchSort
{
    [Description("Best match for the text first (exact brand or model, then the words as a phrase, then scattered words); without text, best sellers first.")]
    Relevance,

    [Description("Cheapest first, by the price a buyer pays now (the sale price while a discount runs).")]
    PriceAsc,

    [Description("Most expensive first, by the price a buyer pays now.")]
    PriceDesc,

    [Description("Most recently listed first.")]
    Newest,

    [Description("Most units sold first.")]
    BestSelling,

    [Description("Best average rating first.")]
    Rating,

    [Description("Nearest shop first; needs filters.near. Products whose shop's location is unknown come last.")]
    Distance,
}

public sealed record GeoFilter(double Latitude, double Longitude, double? RadiusKm);

public sealed record SearchRequest
{
    public string? Text { get; init; }

    public IReadOnlyList<Guid> CategoryIds { get; init; } = [];

    public IReadOnlyList<string> Brands { get; init; } = [];

    public decimal? MinPrice { get; init; }

    public decimal? MaxPrice { get; init; }

    public double? MinRating { get; init; }

    public Guid? ShopId { get; init; }

    public GeoFilter? Near { get; init; }

    public bool InStockOnly { get; init; }

    public SearchSort Sort { get; init; }

    public int First { get; init; } = 20;

    /// <summary>The position after which the page starts (from a previous page's cursor).</summary>
    public SortPosition? After { get; init; }

    public bool WithFacets { get; init; } = true;
}

/// <summary>Where a hit stands in its order: the sort value, then the product id that breaks ties (both encoded in cursors).</summary>
public sealed record SortPosition(double Value, Guid Id);

public sealed record SearchHit(Guid ProductId, double Score, double? DistanceKm, SortPosition Position);

public sealed record FacetCount(string Value, int Count);

public sealed record PriceBucket(decimal? Min, decimal? Max, int Count);

/// <summary>A shop with matches near the search's point: how far it is and how many of its products match.</summary>
public sealed record ShopFacet(Guid ShopId, double DistanceKm, int Count);

/// <summary>
/// How the matches spread. Drill sideways: each facet counts the matches of the text and every filter but its own
/// (categories ignore the category filter, brands the brands, price ranges the price range, ratings the minimum
/// rating, shops the shop), so a buyer who picked one value still sees the others with their counts.
/// </summary>
public sealed record SearchFacetCounts(
    IReadOnlyList<FacetCount> Categories,
    IReadOnlyList<FacetCount> Brands,
    IReadOnlyList<PriceBucket> PriceRanges,
    IReadOnlyList<FacetCount> Ratings,
    IReadOnlyList<ShopFacet> Shops)
{
    public static SearchFacetCounts None { get; } = new([], [], [], [], []);
}

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int TotalCount, bool HasNextPage, SearchFacetCounts Facets);

public enum SuggestionKind
{
    [Description("A product's title; the suggestion names the product.")]
    Product,

    [Description("A brand name: search with it, or filter on it (filters.brands).")]
    Brand,

    [Description("A category name: filter on it (filters.categoryId).")]
    Category,
}

public sealed record IndexSuggestion(string Text, SuggestionKind Kind, Guid? ProductId, Guid? CategoryId);
