using GoShop.Search.Index;
using GoShop.Search.Tests.Support;

namespace GoShop.Search.Tests;

/// <summary>
/// Facets with facet filters picked (drill sideways): each facet's counts equal a plain count over the same products of
/// every filter but its own, and the shops near a point with their distance.
/// </summary>
public sealed class DrillSidewaysTests : IDisposable
{
    private static readonly GeoFilter HoanKiem = new(21.03, 105.85, null);

    private readonly TemporaryIndex _index = new();
    private readonly IReadOnlyList<IndexedProduct> _products = DemoLikeProducts.All;

    public DrillSidewaysTests()
    {
        _index.Index.Upsert(_products);
        _index.Index.Refresh();
    }

    private ISearchIndex Index => _index.Index;

    public void Dispose() => _index.Dispose();

    public static TheoryData<string?, string> Requests => new()
    {
        { null, "brand" },
        { null, "category+rating" },
        { null, "price+brands" },
        { null, "all four" },
        { "dien thoai", "brand" },
        { "bluetooth", "category+rating" },
        { "bluetooth", "price+brands" },
        { null, "shop near" },
        { "nam", "shop near+price" },
    };

    private static SearchRequest Filters(string name) => name switch
    {
        "brand" => new SearchRequest { Brands = ["Apple"] },
        "category+rating" => new SearchRequest { CategoryIds = [DemoLikeProducts.Audio], MinRating = 2 },
        "price+brands" => new SearchRequest { MinPrice = 1_000_000, MaxPrice = 6_000_000, Brands = ["samsung", "JBL", "Sony"] },
        "all four" => new SearchRequest { CategoryIds = [DemoLikeProducts.Electronics], Brands = ["Sony", "Apple"], MinPrice = 1_000_000, MinRating = 1 },
        "shop near" => new SearchRequest { ShopId = DemoLikeProducts.ShopHanoi, Near = HoanKiem },
        "shop near+price" => new SearchRequest { ShopId = DemoLikeProducts.ShopSaigon, Near = HoanKiem, MaxPrice = 1_000_000 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Each_facet_counts_every_filter_but_its_own(string? text, string filters)
    {
        var request = Filters(filters) with { Text = text, First = 100 };
        // The products the text matches, with no filter at all.
        var matching = Index.Search(new SearchRequest { Text = text, First = 100 }).Hits.Select(h => _products.Single(p => p.Id == h.ProductId)).ToList();
        Assert.True(matching.Count < 100);

        var page = Index.Search(request);

        var results = matching.Where(p => Passes(request, p, but: null)).ToList();
        Assert.NotEmpty(results);
        Assert.Equal(results.Count, page.TotalCount);
        Assert.True(results.Select(p => p.Id).ToHashSet().SetEquals(page.Hits.Select(h => h.ProductId)));

        var forCategories = matching.Where(p => Passes(request, p, but: "category")).ToList();
        var categories = forCategories.SelectMany(p => p.CategoryPath).GroupBy(c => c.ToString("N")).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Math.Min(20, categories.Count), page.Facets.Categories.Count);
        Assert.All(page.Facets.Categories, c => Assert.Equal(categories[c.Value], c.Count));

        var forBrands = matching.Where(p => Passes(request, p, but: "brand")).ToList();
        var brands = forBrands.Where(p => p.Brand is not null).GroupBy(p => p.Brand!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Math.Min(20, brands.Count), page.Facets.Brands.Count);
        Assert.All(page.Facets.Brands, b => Assert.Equal(brands[b.Value], b.Count));

        var forPrices = matching.Where(p => Passes(request, p, but: "price")).ToList();
        Assert.Equal(forPrices.Count, page.Facets.PriceRanges.Sum(r => r.Count));
        Assert.All(page.Facets.PriceRanges, r =>
            Assert.Equal(forPrices.Count(p => p.EffectivePrice >= (r.Min ?? 0) && (r.Max is null || p.EffectivePrice < r.Max)), r.Count));

        var forRatings = matching.Where(p => Passes(request, p, but: "rating")).ToList();
        Assert.All(page.Facets.Ratings, r => Assert.Equal(forRatings.Count(p => p.Rating >= int.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture)), r.Count));
        Assert.Equal(forRatings.Count(p => p.Rating >= 1), page.Facets.Ratings.SingleOrDefault(r => r.Value == "1")?.Count ?? 0);

        if (request.Near is { } near)
        {
            var forShops = matching.Where(p => Passes(request, p, but: "shop")).GroupBy(p => p.ShopId).ToList();
            Assert.Equal(forShops.Count, page.Facets.Shops.Count);
            foreach (var shop in page.Facets.Shops)
            {
                var products = forShops.Single(g => g.Key == shop.ShopId);
                Assert.Equal(products.Count(), shop.Count);
                Assert.Equal(Geo.DistanceKm(near.Latitude, near.Longitude, products.First().Latitude!.Value, products.First().Longitude!.Value), shop.DistanceKm, 3);
            }
            Assert.Equal(page.Facets.Shops.OrderBy(s => s.DistanceKm).Select(s => s.ShopId), page.Facets.Shops.Select(s => s.ShopId));
        }
        else
        {
            Assert.Empty(page.Facets.Shops);
        }
    }

    [Fact]
    public void Picking_another_value_of_a_facet_finds_as_many_products_as_it_counted()
    {
        var apple = Index.Search(new SearchRequest { Brands = ["Apple"], MinPrice = 1_000_000 });

        Assert.True(apple.Facets.Brands.Count > 1);
        foreach (var brand in apple.Facets.Brands)
            Assert.Equal(brand.Count, Index.Search(new SearchRequest { Brands = [brand.Value], MinPrice = 1_000_000, First = 1 }).TotalCount);
        foreach (var category in apple.Facets.Categories)
        {
            var id = Guid.ParseExact(category.Value, "N");
            Assert.Equal(category.Count, Index.Search(new SearchRequest { Brands = ["Apple"], CategoryIds = [id], MinPrice = 1_000_000, First = 1 }).TotalCount);
        }
    }

    [Fact]
    public void The_shops_near_a_point_are_the_nearest_with_matches_and_need_the_point()
    {
        var page = Index.Search(new SearchRequest { Text = "bluetooth", Near = HoanKiem });

        Assert.Equal([DemoLikeProducts.ShopHanoi, DemoLikeProducts.ShopSaigon], page.Facets.Shops.Select(s => s.ShopId));
        Assert.True(page.Facets.Shops[0].DistanceKm < 1);
        Assert.InRange(page.Facets.Shops[1].DistanceKm, 1000, 1300);
        Assert.Equal(page.TotalCount, page.Facets.Shops.Sum(s => s.Count));
        Assert.Empty(Index.Search(new SearchRequest { Text = "bluetooth" }).Facets.Shops);
        Assert.Empty(Index.Search(new SearchRequest { Text = "bluetooth", Near = HoanKiem, WithFacets = false }).Facets.Shops);
    }

    internal static bool Passes(SearchRequest request, IndexedProduct product, string? but) =>
        (but == "category" || request.CategoryIds.Count == 0 || request.CategoryIds.Any(product.CategoryPath.Contains))
        && (but == "brand" || request.Brands.Count == 0 || request.Brands.Any(b => TextFolding.Key(b) == TextFolding.Key(product.Brand ?? "")))
        && (but == "price" || (product.EffectivePrice >= (request.MinPrice ?? 0) && product.EffectivePrice <= (request.MaxPrice ?? decimal.MaxValue)))
        && (but == "rating" || request.MinRating is null || product.Rating >= (decimal)request.MinRating.Value)
        && (but == "shop" || request.ShopId is null || product.ShopId == request.ShopId);
}
