using System.Text.Json;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shops;
using GoShop.Search.Index;
using GoShop.Search.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Tests;

/// <summary>search through GraphQL, fed by catalog's and shops' events through RabbitMQ.</summary>
public sealed class SearchApiTests(SearchApp app) : IClassFixture<SearchApp>
{
    [Fact]
    public async Task A_listed_product_is_found_with_and_without_diacritics()
    {
        var shop = await app.ShopAsync();
        var phone = await app.ListAsync(shop, "Điện thoại Vsmart Joy 4 " + Unique(), 2_990_000, "Vsmart", "Joy 4");

        foreach (var query in new[] { "điện thoại vsmart joy", "dien thoai vsmart joy", "DIEN THOAI VSMART", "vsmrt joy 4" })
        {
            var result = (await app.Anonymous().SendAsync(Operations.Search, new { query, filters = new { shopId = shop.ShopId } })).EnsureNoErrors().Get("search");
            Assert.Equal(phone.ProductId.ToString(), result.Get("edges.0.node.id").GetString());
            Assert.Equal(1, result.Get("totalCount").GetInt32());
            Assert.True(result.Get("edges.0.score").GetDouble() > 0);
        }
    }

    [Fact]
    public async Task A_price_change_shows_in_results_and_filters_at_once()
    {
        var shop = await app.ShopAsync();
        var fan = await app.ListAsync(shop, "Quạt đứng " + Unique(), 900_000);

        await app.PublishAsync(new PriceChanged(fan.ProductId, null, shop.ShopId, "LIST_PRICE", 900_000, 450_000, 450_000, "VND", app.Clock.GetUtcNow()));

        await Eventually.HoldsAsync(async () =>
        {
            var result = (await app.Anonymous().SendAsync(Operations.Search, new { filters = new { shopId = shop.ShopId, maxPrice = 500_000 } })).EnsureNoErrors();
            return result.Get("search.totalCount").GetInt32() == 1;
        }, "the new price to be searchable", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_redelivered_order_counts_its_sales_once()
    {
        var shop = await app.ShopAsync();
        var pan = await app.ListAsync(shop, "Chảo gang " + Unique(), 300_000);
        var order = TestOrders.Snapshot(Guid.NewGuid(), shop.ShopId, (pan.ProductId, null, 3));
        var messageId = Guid.NewGuid();

        await app.PublishAsync(new OrderPlaced(order, app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);
        await app.PublishAsync(new OrderPlaced(order, app.Clock.GetUtcNow()), messageId);
        var again = Guid.NewGuid();
        await app.PublishAsync(new ShopUpdated(shop, app.Clock.GetUtcNow()), again);
        await app.WaitForInboxAsync(again);

        Assert.Equal(3, await app.InDatabaseAsync(db => db.Products.Where(p => p.Id == pan.ProductId).Select(p => p.SoldCount).SingleAsync()));
        await Eventually.HoldsAsync(() => Task.FromResult(app.Service<ISearchIndex>().Find(pan.ProductId)?.SoldCount == 3), "the sold count to be indexed");
    }

    [Fact]
    public async Task A_suspended_shop_hides_its_products_and_a_deleted_product_leaves()
    {
        var shop = await app.ShopAsync();
        var kept = await app.ListAsync(shop, "Bình giữ nhiệt " + Unique(), 250_000);
        var other = await app.ShopAsync();
        var deleted = await app.ListAsync(other, "Bình nước " + Unique(), 150_000);

        await app.PublishAsync(new ShopUpdated(shop with { Status = "SUSPENDED" }, app.Clock.GetUtcNow().AddSeconds(1)));
        await app.PublishAsync(new ProductDeleted(deleted.ProductId, other.ShopId, app.Clock.GetUtcNow()));

        await Eventually.HoldsAsync(() => Task.FromResult(app.Service<ISearchIndex>().Find(kept.ProductId) is null
            && app.Service<ISearchIndex>().Find(deleted.ProductId) is null), "both to leave the index");
        await app.PublishAsync(new ShopUpdated(shop, app.Clock.GetUtcNow().AddSeconds(2)));
        await Eventually.HoldsAsync(() => Task.FromResult(app.Service<ISearchIndex>().Find(kept.ProductId) is not null), "the shop's products to come back");
    }

    [Fact]
    public async Task Pages_follow_each_other_through_cursors_without_repeats()
    {
        var shop = await app.ShopAsync();
        for (var i = 0; i < 5; i++)
            await app.ListAsync(shop, $"Ly sứ {i} " + Unique(), 100_000 + i * 1000);

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await app.Anonymous().SendAsync(Operations.Search, new { filters = new { shopId = shop.ShopId }, sort = "PRICE_ASC", first = 2, after }))
                .EnsureNoErrors().Get("search");
            seen.AddRange(page.Get("edges").EnumerateArray().Select(e => e.Get("node.id").GetString()!));
            after = page.Get("pageInfo.hasNextPage").GetBoolean() ? page.Get("pageInfo.endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);
    }

    [Theory]
    [InlineData("""{ "first": 101 }""")]
    [InlineData("""{ "first": 0 }""")]
    [InlineData("""{ "filters": { "minPrice": -1 } }""")]
    [InlineData("""{ "filters": { "minPrice": 500, "maxPrice": 100 } }""")]
    [InlineData("""{ "filters": { "minRating": 6 } }""")]
    [InlineData("""{ "filters": { "radiusKm": 5 } }""")]
    [InlineData("""{ "sort": "DISTANCE" }""")]
    [InlineData("""{ "after": "not-a-cursor" }""")]
    public async Task A_bad_argument_is_a_clear_bad_user_input_error(string variables)
    {
        var response = await app.Anonymous().SendAsync(Operations.Search, JsonSerializer.Deserialize<JsonElement>(variables));

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes.Distinct());
    }

    [Fact]
    public async Task A_thousand_character_query_is_refused_clearly_and_a_cursor_of_another_order_too()
    {
        var longQuery = await app.Anonymous().SendAsync(Operations.Search, new { query = new string('a', 1000) });
        var shop = await app.ShopAsync();
        await app.ListAsync(shop, "Gối ôm " + Unique(), 99_000);
        await app.ListAsync(shop, "Gối tựa " + Unique(), 89_000);
        var first = (await app.Anonymous().SendAsync(Operations.Search, new { filters = new { shopId = shop.ShopId }, sort = "PRICE_ASC", first = 1 })).EnsureNoErrors();
        var mixed = await app.Anonymous().SendAsync(Operations.Search,
            new { filters = new { shopId = shop.ShopId }, sort = "NEWEST", after = first.Get("search.pageInfo.endCursor").GetString() });

        Assert.Equal(["BAD_USER_INPUT"], longQuery.ErrorCodes);
        Assert.Contains("at most 200 characters", longQuery.Errors[0].GetProperty("message").GetString());
        Assert.Equal(["BAD_USER_INPUT"], mixed.ErrorCodes);
    }

    [Fact]
    public async Task An_empty_query_browses_and_an_unknown_category_finds_nothing()
    {
        var shop = await app.ShopAsync();
        await app.ListAsync(shop, "Thớt gỗ " + Unique(), 120_000);

        var browse = (await app.Anonymous().SendAsync(Operations.Search, new { query = "", filters = new { shopId = shop.ShopId } })).EnsureNoErrors();
        var unknown = (await app.Anonymous().SendAsync(Operations.Search, new { filters = new { categoryId = Guid.NewGuid() } })).EnsureNoErrors();

        Assert.Equal(1, browse.Get("search.totalCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, browse.Get("search.edges.0.score").ValueKind);
        Assert.Equal(0, unknown.Get("search.totalCount").GetInt32());
        Assert.Empty(unknown.Get("search.facets.brands").EnumerateArray());
    }

    [Fact]
    public async Task Facets_count_the_matches_by_brand_price_and_category()
    {
        var shop = await app.ShopAsync();
        var category = Guid.NewGuid();
        await app.ListAsync(shop, "Máy xay sinh tố A " + Unique(), 600_000, "Philips", categoryId: category);
        await app.ListAsync(shop, "Máy xay sinh tố B " + Unique(), 1_200_000, "Philips", categoryId: category);
        await app.ListAsync(shop, "Máy xay sinh tố C " + Unique(), 80_000, "Sunhouse", categoryId: category);

        var facets = (await app.Anonymous().SendAsync(Operations.Search, new { query = "may xay sinh to", filters = new { shopId = shop.ShopId } }))
            .EnsureNoErrors().Get("search.facets");

        Assert.Equal([("Philips", 2), ("Sunhouse", 1)], facets.Get("brands").EnumerateArray().Select(b => (b.Get("value").GetString(), b.Get("count").GetInt32())));
        Assert.Equal([(category.ToString(), 3)], facets.Get("categories").EnumerateArray().Select(c => (c.Get("value").GetString(), c.Get("count").GetInt32())));
        Assert.Equal([1, 1, 1], facets.Get("priceRanges").EnumerateArray().Select(r => r.Get("count").GetInt32()));
        var filtered = (await app.Anonymous().SendAsync(Operations.Search,
            new { query = "may xay sinh to", filters = new { shopId = shop.ShopId, brands = new[] { "philips" } } })).EnsureNoErrors();
        Assert.Equal(2, filtered.Get("search.totalCount").GetInt32());
    }

    [Fact]
    public async Task Suggestions_complete_titles_and_brands_as_the_buyer_types()
    {
        var shop = await app.ShopAsync();
        var marker = Unique();
        await app.ListAsync(shop, $"Nồi chiên không dầu {marker}", 1_500_000, "Lock&Lock");

        var suggestions = (await app.Anonymous().SendAsync(Operations.Suggestions, new { prefix = "noi chien khong dau " + marker[..3] })).EnsureNoErrors();
        var tooMany = await app.Anonymous().SendAsync(Operations.Suggestions, new { prefix = "noi", first = 21 });

        Assert.Equal($"Nồi chiên không dầu {marker}", suggestions.Get("searchSuggestions.0.text").GetString());
        Assert.Equal("PRODUCT", suggestions.Get("searchSuggestions.0.kind").GetString());
        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);
    }

    [Fact]
    public async Task Stock_heard_before_the_product_itself_lists_nothing_until_the_product_arrives()
    {
        var shop = await app.ShopAsync();
        var id = Guid.CreateVersion7();
        var stock = Guid.NewGuid();

        await app.PublishAsync(new StockChanged(id, null, shop.ShopId, "ADJUSTMENT", 5, 0, 5, "ACTIVE", app.Clock.GetUtcNow()), stock);
        await app.WaitForInboxAsync(stock);
        await Task.Delay(300);

        Assert.Null(app.Service<ISearchIndex>().Find(id));
        var now = app.Clock.GetUtcNow();
        await app.PublishAsync(new ProductCreated(new ProductSnapshot(id, shop.ShopId, "Ấm siêu tốc " + Unique(), null, null, null, null, [], "ACTIVE", 250_000,
            null, null, null, "VND", 900, [], now, now), now));
        await Eventually.HoldsAsync(() => Task.FromResult(app.Service<ISearchIndex>().Find(id) is { InStock: true }), "the product to be listed");
    }

    [Fact]
    public async Task A_renamed_or_moved_category_reaches_its_products_without_a_product_event()
    {
        var shop = await app.ShopAsync();
        Guid oldRoot = Guid.CreateVersion7(), newRoot = Guid.CreateVersion7(), leaf = Guid.CreateVersion7(), under = Guid.CreateVersion7();
        var word = Unique();
        await app.ListAsync(shop, "Loa kéo di động " + Unique(), 2_500_000, categoryId: leaf, categoryPath: [oldRoot, leaf]);
        var deeper = await app.ListAsync(shop, "Micro không dây " + Unique(), 500_000, categoryId: under, categoryPath: [oldRoot, leaf, under]);
        var messageId = Guid.NewGuid();

        // The leaf is renamed and moved (with the category under it) from one root to another.
        await app.PublishAsync(new CategoryUpdated(new CategorySummary(leaf, newRoot, "Karaoke " + word, "Karaoke", [newRoot, leaf]),
            [new CategorySummary(under, leaf, "Micro", null, [newRoot, leaf, under])], app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);

        await Eventually.HoldsAsync(async () =>
        {
            var found = (await app.Anonymous().SendAsync(Operations.Search, new { query = "karaoke " + word, filters = new { shopId = shop.ShopId } })).EnsureNoErrors();
            return found.Get("search.totalCount").GetInt32() == 2;
        }, "the new category name to find its products", TimeSpan.FromSeconds(5));
        var moved = (await app.Anonymous().SendAsync(Operations.Search, new { filters = new { shopId = shop.ShopId, categoryId = newRoot } })).EnsureNoErrors().Get("search");
        var suggestions = (await app.Anonymous().SendAsync(Operations.Suggestions, new { prefix = "karaoke " + word })).EnsureNoErrors().Get("searchSuggestions");
        var path = await app.InDatabaseAsync(db => db.Products.Where(p => p.Id == deeper.ProductId).Select(p => p.CategoryPath).SingleAsync());

        Assert.Equal(2, moved.Get("totalCount").GetInt32());
        Assert.Contains(moved.Get("facets.categories").EnumerateArray(), c => c.Get("value").GetString() == leaf.ToString() && c.Get("count").GetInt32() == 2);
        Assert.Contains(suggestions.EnumerateArray(), s => s.Get("kind").GetString() == "CATEGORY" && s.Get("text").GetString() == "Karaoke " + word);
        Assert.Equal([newRoot, leaf, under], path);
        Assert.Equal(0, (await app.Anonymous().SendAsync(Operations.Search, new { filters = new { shopId = shop.ShopId, categoryId = oldRoot } })).EnsureNoErrors()
            .Get("search.totalCount").GetInt32());
    }

    [Fact]
    public async Task A_category_catalog_adds_names_its_first_product_without_waiting_for_the_tree_read()
    {
        var shop = await app.ShopAsync();
        Guid root = Guid.CreateVersion7(), leaf = Guid.CreateVersion7();
        var word = Unique();
        var messageId = Guid.NewGuid();
        // Catalog's tree as search last read it (the fake export) does not have the category.
        await app.PublishAsync(new CategoryCreated(new CategorySummary(leaf, root, "Đèn ngủ " + word, "Night lights", [root, leaf]), app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);

        var product = await app.ListAsync(shop, "Đèn LED cảm ứng " + Unique(), 150_000, categoryId: leaf, categoryPath: [root, leaf]);

        var found = (await app.Anonymous().SendAsync(Operations.Search, new { query = "den ngu " + word, filters = new { shopId = shop.ShopId } })).EnsureNoErrors().Get("search");
        Assert.Equal([product.ProductId.ToString()], found.Get("edges").EnumerateArray().Select(e => e.Get("node.id").GetString()));
        Assert.Contains(found.Get("facets.categories").EnumerateArray(), c => c.Get("value").GetString() == leaf.ToString() && c.Get("label").GetString() == "Đèn ngủ " + word);
        var suggestions = (await app.Anonymous().SendAsync(Operations.Suggestions, new { prefix = "đèn ngủ " + word })).EnsureNoErrors().Get("searchSuggestions");
        Assert.Contains(suggestions.EnumerateArray(), s => s.Get("kind").GetString() == "CATEGORY" && s.Get("text").GetString() == "Đèn ngủ " + word);
    }

    [Fact]
    public async Task A_product_event_written_before_its_category_moved_but_handled_after_keeps_the_new_path()
    {
        var shop = await app.ShopAsync();
        Guid oldRoot = Guid.CreateVersion7(), newRoot = Guid.CreateVersion7(), leaf = Guid.CreateVersion7(), other = Guid.CreateVersion7();
        var word = Unique();
        var listed = await app.ListAsync(shop, "Máy pha cà phê " + Unique(), 3_000_000, categoryId: leaf, categoryPath: [oldRoot, leaf]);
        var now = app.Clock.GetUtcNow();

        // Catalog renamed the product (1 s), then moved its category to another root (2 s); search hears of the move first.
        var moveId = Guid.NewGuid();
        await app.PublishAsync(new CategoryUpdated(new CategorySummary(leaf, newRoot, "Máy pha cà phê", null, [newRoot, leaf]), [], now.AddSeconds(2)), moveId);
        await app.WaitForInboxAsync(moveId);
        var renamed = listed with { Title = "Máy pha cà phê espresso " + word, UpdatedAt = now.AddSeconds(1) };
        var updateId = Guid.NewGuid();
        await app.PublishAsync(new ProductUpdated(renamed, now.AddSeconds(1)), updateId);
        await app.WaitForInboxAsync(updateId);

        var copy = await app.InDatabaseAsync(db => db.Products.Where(p => p.Id == listed.ProductId).Select(p => new { p.Title, p.CategoryPath }).SingleAsync());
        Assert.Equal(renamed.Title, copy.Title);
        Assert.Equal([newRoot, leaf], copy.CategoryPath);
        await Eventually.HoldsAsync(async () => await CountAsync(word, newRoot) == 1, "the renamed product under its new root", TimeSpan.FromSeconds(5));
        Assert.Equal(0, await CountAsync(word, oldRoot));

        // A product event newer than the move is taken whole: the seller moved the product to another category (3 s).
        var movedId = Guid.NewGuid();
        await app.PublishAsync(new ProductUpdated(renamed with { CategoryId = other, CategoryPath = [other], UpdatedAt = now.AddSeconds(3) }, now.AddSeconds(3)), movedId);
        await app.WaitForInboxAsync(movedId);
        await Eventually.HoldsAsync(async () => await CountAsync(word, other) == 1, "the product in the category its seller picked", TimeSpan.FromSeconds(5));
        Assert.Equal(0, await CountAsync(word, newRoot));
    }

    private async Task<int> CountAsync(string word, Guid categoryId) =>
        (await app.Anonymous().SendAsync(Operations.Search, new { query = word, filters = new { categoryId } })).EnsureNoErrors().Get("search.totalCount").GetInt32();

    [Fact]
    public async Task Facets_drill_sideways_and_list_the_shops_near_the_point()
    {
        var near = await app.ShopAsync(21.0285, 105.8542);
        var far = await app.ShopAsync(10.7769, 106.7009);
        var word = Unique();
        await app.ListAsync(near, "Bình giữ nhiệt " + word, 300_000, "Lock&Lock");
        await app.ListAsync(near, "Bình giữ nhiệt inox " + word, 400_000, "Elmich");
        await app.ListAsync(far, "Bình giữ nhiệt mini " + word, 200_000, "Lock&Lock");

        var result = (await app.Anonymous().SendAsync(Operations.Search, new
        {
            query = word,
            filters = new { brands = new[] { "lock&lock" }, shopId = near.ShopId, near = new { lat = 21.03, lng = 105.85 } },
        })).EnsureNoErrors().Get("search");

        Assert.Equal(1, result.Get("totalCount").GetInt32());
        // Brands ignore the brand filter, shops the shop filter; each still applies the other.
        Assert.Equal([("Elmich", 1), ("Lock&Lock", 1)], result.Get("facets.brands").EnumerateArray().Select(b => (b.Get("value").GetString(), b.Get("count").GetInt32())).OrderBy(b => b.Item1));
        var shops = result.Get("facets.shops").EnumerateArray().ToList();
        Assert.Equal([near.ShopId.ToString(), far.ShopId.ToString()], shops.Select(s => s.Get("shop.id").GetString()));
        Assert.Equal([1, 1], shops.Select(s => s.Get("count").GetInt32()));
        Assert.True(shops[0].Get("distanceKm").GetDouble() < 1 && shops[1].Get("distanceKm").GetDouble() > 1000);
        var without = (await app.Anonymous().SendAsync(Operations.Search, new { query = word })).EnsureNoErrors();
        Assert.Equal(0, without.Get("search.facets.shops").GetArrayLength());
    }

    private static string Unique() => "x" + Guid.NewGuid().ToString("N")[..8];
}
