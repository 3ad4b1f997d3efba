namespace GoShop.Search.Tests.Support;

public static class Operations
{
    public const string Search = """
        query($query: String, $filters: SearchFilterInput, $sort: SearchSort, $first: Int, $after: String) {
          search(query: $query, filters: $filters, sort: $sort, first: $first, after: $after) {
            totalCount
            edges { cursor score distanceKm node { id } }
            pageInfo { hasNextPage endCursor }
            facets { categories { value label count } brands { value label count } priceRanges { min max count } ratings { value label count } shops { shop { id } distanceKm count } }
          }
        }
        """;

    public const string Suggestions = """
        query($prefix: String!, $first: Int) { searchSuggestions(prefix: $prefix, first: $first) { text kind product { id } category { id } } }
        """;

    public const string TrackView = """
        mutation($input: TrackProductViewInput!) { trackProductView(input: $input) { userErrors { code field message } } }
        """;

    public const string TrackSearch = """
        mutation($input: TrackSearchInput!) { trackSearch(input: $input) { searchId userErrors { code field message } } }
        """;

    public const string TrackClick = """
        mutation($input: TrackClickInput!) { trackClick(input: $input) { userErrors { code field message } } }
        """;

    public const string ClearRecentSearches = """
        mutation($input: ClearRecentSearchesInput!) { clearRecentSearches(input: $input) { deletedCount userErrors { code } } }
        """;

    public const string RecentlyViewed = "query($first: Int) { recentlyViewed(first: $first) { id } }";

    public const string RecentSearches = "{ recentSearches { query searchedAt } }";

    public const string PopularSearches = "{ popularSearches { query count } }";

    public const string CreateAlert = """
        mutation($input: CreatePriceAlertInput!) {
          createPriceAlert(input: $input) { priceAlert { id status targetPrice { amount currency } product { id } triggeredAt } userErrors { code field message } }
        }
        """;

    public const string DeleteAlert = """
        mutation($input: DeletePriceAlertInput!) { deletePriceAlert(input: $input) { deletedAlertId userErrors { code field } } }
        """;

    public const string Alerts = "{ priceAlerts { id status triggeredAt product { id } } }";

    public const string Trending = """
        query($categoryId: ID) { trendingProducts(categoryId: $categoryId) { id } trendingShops { id } trendingCategories { id } }
        """;

    public const string Recommended = "{ recommendedProducts(first: 5) { id } }";

    public const string ResolveEntities = """
        query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { id similar(first: 3) { id } boughtTogether { id } } } }
        """;
}
