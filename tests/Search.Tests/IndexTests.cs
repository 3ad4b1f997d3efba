using GoShop.Search.Index;
using GoShop.Search.Tests.Support;

namespace GoShop.Search.Tests;

/// <summary>The index's facets, filters, orders and cursors, checked against plain counts over the same products.</summary>
public sealed class IndexTests : IDisposable
{
    private readonly TemporaryIndex _index = new();
    private readonly IReadOnlyList<IndexedProduct> _products = DemoLikeProducts.All;

    public IndexTests()
    {
        _index.Index.Upsert(_products);
        _index.Index.Refresh();
    }

    private ISearchIndex Index => _index.Index;

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("dien thoai")]
    [InlineData("bluetooth")]
    [InlineData("nam")]
    public void Facet_counts_equal_a_plain_count_of_the_same_products(string? text)
    {
        var all = Index.Search(new SearchRequest { Text = text, First = 100 });
        var matching = all.Hits.Select(h => _products.Single(p => p.Id == h.ProductId)).ToList();
        Assert.Equal(all.TotalCount, matching.Count);

        foreach (var category in all.Facets.Categories)
        {
            var id = Guid.ParseExact(category.Value, "N");
            Assert.Equal(matching.Count(p => p.CategoryPath.Contains(id)), category.Count);
            Assert.Equal(category.Count, Index.Search(new SearchRequest { Text = text, CategoryIds = [id], First = 1 }).TotalCount);
        }
        foreach (var brand in all.Facets.Brands)
        {
            Assert.Equal(matching.Count(p => p.Brand == brand.Value), brand.Count);
            Assert.Equal(brand.Count, Index.Search(new SearchRequest { Text = text, Brands = [brand.Value], First = 1 }).TotalCount);
        }
        foreach (var range in all.Facets.PriceRanges)
        {
            Assert.Equal(matching.Count(p => p.EffectivePrice >= (range.Min ?? 0) && (range.Max is null || p.EffectivePrice < range.Max)), range.Count);
        }
        foreach (var rating in all.Facets.Ratings)
        {
            var floor = int.Parse(rating.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(matching.Count(p => p.Rating >= floor), rating.Count);
            Assert.Equal(rating.Count, Index.Search(new SearchRequest { Text = text, MinRating = floor, First = 1 }).TotalCount);
        }
        Assert.Equal(matching.Count, all.Facets.PriceRanges.Sum(r => r.Count));
        Assert.NotEmpty(all.Facets.Brands);
    }

    [Fact]
    public void Filters_narrow_to_exactly_the_products_that_satisfy_them()
    {
        var request = new SearchRequest
        {
            CategoryIds = [DemoLikeProducts.Electronics],
            MinPrice = 1_000_000,
            MaxPrice = 6_000_000,
            InStockOnly = true,
            ShopId = DemoLikeProducts.ShopSaigon,
            First = 100,
        };

        var page = Index.Search(request);

        var expected = _products.Where(p => p.CategoryPath.Contains(DemoLikeProducts.Electronics) && p.EffectivePrice is >= 1_000_000 and <= 6_000_000
            && p.InStock && p.ShopId == DemoLikeProducts.ShopSaigon).Select(p => p.Id).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.True(expected.SetEquals(page.Hits.Select(h => h.ProductId)));
        Assert.Equal(expected.Count, page.TotalCount);
    }

    [Fact]
    public void Near_with_a_radius_keeps_the_shops_within_it_and_sorts_by_distance()
    {
        var hoanKiem = new GeoFilter(21.03, 105.85, 20);

        var near = Index.Search(new SearchRequest { Near = hoanKiem, Sort = SearchSort.Distance, First = 100 });
        var everywhere = Index.Search(new SearchRequest { Near = hoanKiem with { RadiusKm = null }, Sort = SearchSort.Distance, First = 100 });

        Assert.Equal(_products.Count(p => p.ShopId == DemoLikeProducts.ShopHanoi), near.TotalCount);
        Assert.All(near.Hits, h => Assert.True(h.DistanceKm < 1));
        Assert.Equal(_products.Count, everywhere.TotalCount);
        Assert.True(everywhere.Hits[^1].DistanceKm > 1000);
        Assert.Equal(everywhere.Hits.OrderBy(h => h.DistanceKm).Select(h => h.ProductId), everywhere.Hits.Select(h => h.ProductId));
    }

    [Theory]
    [InlineData(SearchSort.PriceAsc)]
    [InlineData(SearchSort.PriceDesc)]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.BestSelling)]
    [InlineData(SearchSort.Rating)]
    public void Every_order_is_the_one_asked_for(SearchSort sort)
    {
        var hits = Index.Search(new SearchRequest { Sort = sort, First = 100 }).Hits.Select(h => _products.Single(p => p.Id == h.ProductId)).ToList();

        IEnumerable<IndexedProduct> expected = sort switch
        {
            SearchSort.PriceAsc => hits.OrderBy(p => p.EffectivePrice),
            SearchSort.PriceDesc => hits.OrderByDescending(p => p.EffectivePrice),
            SearchSort.Newest => hits.OrderByDescending(p => p.CreatedAt),
            SearchSort.BestSelling => hits.OrderByDescending(p => p.SoldCount),
            _ => hits.OrderByDescending(p => p.Rating),
        };
        Assert.Equal(_products.Count, hits.Count);
        Assert.Equal(expected.Select(Key(sort)), hits.Select(Key(sort)));
    }

    [Theory]
    [InlineData("dien thoai samsung")]
    [InlineData("tai nghe bluetooth sony")]
    [InlineData("ao thun cotton nam")]
    [InlineData("wh1000xm5")]
    [InlineData("samsng galaxy")]
    public void Other_orders_than_relevance_find_the_same_products(string text)
    {
        var relevant = Index.Search(new SearchRequest { Text = text, First = 100 });

        Assert.NotEqual(0, relevant.TotalCount);
        foreach (var sort in new[] { SearchSort.PriceAsc, SearchSort.Newest, SearchSort.BestSelling, SearchSort.Rating })
        {
            var sorted = Index.Search(new SearchRequest { Text = text, Sort = sort, First = 100 });
            Assert.Equal(relevant.TotalCount, sorted.TotalCount);
            Assert.True(relevant.Hits.Select(h => h.ProductId).ToHashSet().SetEquals(sorted.Hits.Select(h => h.ProductId)));
            Assert.Equal(relevant.Facets.Brands, sorted.Facets.Brands);
        }
    }

    [Theory]
    [InlineData(SearchSort.PriceAsc, null)]
    [InlineData(SearchSort.BestSelling, null)]
    [InlineData(SearchSort.Relevance, "bluetooth")]
    public void Paging_with_cursors_never_repeats_or_skips_while_the_index_changes(SearchSort sort, string? text)
    {
        var seen = new List<Guid>();
        var present = _products.Select(p => p.Id).ToHashSet();
        SortPosition? after = null;
        var round = 0;
        while (true)
        {
            var page = Index.Search(new SearchRequest { Text = text, Sort = sort, First = 4, After = after });
            seen.AddRange(page.Hits.Select(h => h.ProductId));
            if (!page.HasNextPage)
                break;
            after = page.Hits[^1].Position;
            // Between pages: new products arrive (cheapest, best selling and matching the text), one listed earlier is rewritten unchanged.
            var added = _products[round % _products.Count] with
            {
                Id = Guid.CreateVersion7(), EffectivePrice = 1, SoldCount = 1000, Title = "Loa bluetooth mới " + round,
            };
            Index.Upsert([added, _products[(round * 7) % _products.Count]]);
            Index.Refresh();
            round++;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var expected = text is null ? present : Index.Search(new SearchRequest { Text = text, First = 100 }).Hits.Select(h => h.ProductId).Where(present.Contains).ToHashSet();
        Assert.Subset(seen.ToHashSet(), expected);
    }

    [Fact]
    public void Suggestions_complete_brands_and_titles_with_or_without_diacritics()
    {
        var folded = Index.Suggest("dien th", 8);
        var accented = Index.Suggest("Điện th", 8);
        var brand = Index.Suggest("sams", 8);

        Assert.Contains(folded, s => s is { Kind: SuggestionKind.Product, Text: "Điện thoại Samsung Galaxy S24" });
        Assert.Equal(folded.Select(s => s.Text), accented.Select(s => s.Text));
        Assert.Equal(("Samsung", SuggestionKind.Brand), (brand[0].Text, brand[0].Kind));
        Assert.Contains(Index.Suggest("phuc lo", 8), s => s is { Kind: SuggestionKind.Brand, Text: "Phúc Long" });
        Assert.Empty(Index.Suggest("  ", 8));
    }

    [Fact]
    public void Similar_products_share_the_kind_and_never_include_the_product()
    {
        var s24 = DemoLikeProducts.Titled("Điện thoại Samsung Galaxy S24");

        var similar = Index.Similar(s24, 5);

        Assert.DoesNotContain(s24, similar);
        Assert.Equal(DemoLikeProducts.Titled("Điện thoại Samsung Galaxy A55"), similar[0]);
        Assert.All(similar, id => Assert.Equal(DemoLikeProducts.Phones, _products.Single(p => p.Id == id).CategoryId));
    }

    [Fact]
    public void The_index_keeps_its_products_and_feed_position_across_a_restart()
    {
        _index.Index.Commit(new IndexState(GoShop.Search.Index.Lucene.LuceneSearchIndex.FormatVersion, "db:1", 42));

        _index.Reopen();

        Assert.Equal(new IndexState(GoShop.Search.Index.Lucene.LuceneSearchIndex.FormatVersion, "db:1", 42), Index.State);
        Assert.Equal(_products.Count, Index.Count);
    }

    [Fact]
    public void Removing_a_product_takes_it_out_of_results_and_facets()
    {
        var s24 = DemoLikeProducts.Titled("Điện thoại Samsung Galaxy S24");

        Index.Remove([s24]);
        Index.Refresh();

        var page = Index.Search(new SearchRequest { Text = "samsung", First = 10 });
        Assert.DoesNotContain(page.Hits, h => h.ProductId == s24);
        Assert.Equal(1, page.Facets.Brands.Single(b => b.Value == "Samsung").Count);
    }

    private static Func<IndexedProduct, object> Key(SearchSort sort) => sort switch
    {
        SearchSort.PriceAsc or SearchSort.PriceDesc => p => p.EffectivePrice,
        SearchSort.Newest => p => p.CreatedAt,
        SearchSort.BestSelling => p => p.SoldCount,
        _ => p => p.Rating,
    };
}
