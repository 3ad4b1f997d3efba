using GoShop.Search.Index;
using GoShop.Search.Tests.Support;

namespace GoShop.Search.Tests;

/// <summary>
/// Result pages, browsing's facet counts and suggestions are kept for the index reader they were computed on: served again they equal
/// plain counts, and after a change (a new reader) they are those of the changed products, never the kept ones.
/// </summary>
public sealed class CachedAnswersTests : IDisposable
{
    private readonly TemporaryIndex _index = new();
    private readonly List<IndexedProduct> _products = [.. DemoLikeProducts.All];

    public CachedAnswersTests()
    {
        _index.Index.Upsert(_products);
        _index.Index.Refresh();
    }

    private ISearchIndex Index => _index.Index;

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Browse_facets_asked_again_equal_plain_counts_and_follow_every_change_of_the_index()
    {
        var request = new SearchRequest { CategoryIds = [DemoLikeProducts.Electronics], Brands = ["apple"], MaxPrice = 20_000_000, First = 3 };
        EqualsPlainCounts(request);
        EqualsPlainCounts(request);
        EqualsPlainCounts(request with { Sort = SearchSort.PriceAsc, First = 1 });
        EqualsPlainCounts(request with { Brands = ["Apple", "APPLE"] });

        // An Apple phone becomes a Samsung, an Apple laptop moves to fashion and gets dearer, an Apple speaker arrives, a Sony is removed.
        var phone = _products.First(p => p is { Brand: "Apple" } && p.CategoryId == DemoLikeProducts.Phones);
        var laptop = _products.First(p => p is { Brand: "Apple" } && p.CategoryId == DemoLikeProducts.Laptops);
        var sony = _products.First(p => p is { Brand: "Sony" });
        var speaker = _products.First(p => p.CategoryId == DemoLikeProducts.Audio) with { Id = Guid.CreateVersion7(), Brand = "Apple", Title = "Loa Bluetooth Apple HomePod mini" };
        Replace(phone, phone with { Brand = "Samsung" });
        Replace(laptop, laptop with { CategoryId = DemoLikeProducts.Fashion, CategoryPath = [DemoLikeProducts.Fashion], EffectivePrice = 25_000_000 });
        _products.Remove(sony);
        _products.Add(speaker);
        Index.Upsert([_products.Single(p => p.Id == phone.Id), _products.Single(p => p.Id == laptop.Id), speaker]);
        Index.Remove([sony.Id]);
        Index.Refresh();

        EqualsPlainCounts(request);
        EqualsPlainCounts(request);
        EqualsPlainCounts(request with { Brands = ["Sony"] });
    }

    [Fact]
    public void A_text_search_asked_again_is_served_whole_until_the_index_changes()
    {
        var s24 = DemoLikeProducts.Titled("Điện thoại Samsung Galaxy S24");
        var request = new SearchRequest { Text = "dien thoai samsung", First = 5 };
        var first = Index.Search(request);
        Assert.Contains(first.Hits, h => h.ProductId == s24);

        Assert.Same(first, Index.Search(request));
        // Another text, sort or filter is another answer.
        Assert.NotSame(first, Index.Search(request with { Text = "dien thoai samsung|" }));
        Assert.NotSame(first, Index.Search(request with { Sort = SearchSort.PriceAsc }));
        Assert.DoesNotContain(Index.Search(request with { Brands = ["Apple"] }).Hits, h => h.ProductId == s24);

        Index.Remove([s24]);
        Index.Refresh();

        var after = Index.Search(request);
        Assert.DoesNotContain(after.Hits, h => h.ProductId == s24);
        Assert.Equal(first.TotalCount - 1, after.TotalCount);
        static int Samsungs(SearchPage page) => page.Facets.Brands.SingleOrDefault(b => b.Value == "Samsung")?.Count ?? 0;
        Assert.Equal(Samsungs(first) - 1, Samsungs(after));
    }

    [Fact]
    public void Suggestions_asked_again_follow_a_change_of_the_index()
    {
        var s24 = DemoLikeProducts.Titled("Điện thoại Samsung Galaxy S24");
        Assert.Contains(Index.Suggest("dien th", 8), s => s.ProductId == s24);
        Assert.Contains(Index.Suggest("dien th", 8), s => s.ProductId == s24);

        Index.Remove([s24]);
        Index.Refresh();

        Assert.DoesNotContain(Index.Suggest("dien th", 8), s => s.ProductId == s24);
        Assert.DoesNotContain(Index.Suggest("Điện th", 8), s => s.ProductId == s24);
    }

    private void Replace(IndexedProduct old, IndexedProduct changed) => _products[_products.IndexOf(old)] = changed;

    private void EqualsPlainCounts(SearchRequest request)
    {
        var page = Index.Search(request);

        var results = _products.Where(p => DrillSidewaysTests.Passes(request, p, but: null)).ToList();
        Assert.Equal(results.Count, page.TotalCount);
        Assert.Equal(Math.Min(request.First, results.Count), page.Hits.Count);
        Assert.All(page.Hits, h => Assert.Contains(results, p => p.Id == h.ProductId));

        var categories = _products.Where(p => DrillSidewaysTests.Passes(request, p, but: "category")).SelectMany(p => p.CategoryPath)
            .GroupBy(c => c.ToString("N")).Select(g => new FacetCount(g.Key, g.Count()));
        Assert.Equal(Ordered(categories), page.Facets.Categories);
        var brands = _products.Where(p => p.Brand is not null && DrillSidewaysTests.Passes(request, p, but: "brand")).GroupBy(p => p.Brand!)
            .Select(g => new FacetCount(g.Key, g.Count()));
        Assert.Equal(Ordered(brands), page.Facets.Brands);
        var forPrices = _products.Where(p => DrillSidewaysTests.Passes(request, p, but: "price")).ToList();
        Assert.Equal(forPrices.Count, page.Facets.PriceRanges.Sum(r => r.Count));
        Assert.All(page.Facets.PriceRanges, r =>
            Assert.Equal(forPrices.Count(p => p.EffectivePrice >= (r.Min ?? 0) && (r.Max is null || p.EffectivePrice < r.Max)), r.Count));
        var forRatings = results;
        Assert.All(page.Facets.Ratings, r => Assert.Equal(forRatings.Count(p => p.Rating >= int.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture)), r.Count));
    }

    private static List<FacetCount> Ordered(IEnumerable<FacetCount> counts) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(20).ToList();
}
