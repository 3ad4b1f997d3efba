using System.Text.Json;
using GoShop.Catalog.Tests.Support;
using GoShop.Testing;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class SearchTests(CatalogApp app)
{
    private async Task<JsonElement> SearchAsync(object where, string? order = null, int? first = null, string? after = null, GraphQLClient? client = null) =>
        (await (client ?? app.Client()).SendAsync(Operations.Products, new { where, order, first, after })).EnsureNoErrors().Get("products");

    private static List<string> Titles(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Text("title")).ToList();

    [Theory]
    [InlineData("dien thoai samsung")]
    [InlineData("Điện thoại Samsung")]
    [InlineData("DIEN THOAI")]
    [InlineData("samsumg")]
    [InlineData("galax")]
    public async Task Vietnamese_text_is_found_without_diacritics_by_prefix_and_despite_a_typo(string text)
    {
        var seller = await app.SellerAsync();
        await seller.CreateProductAsync(("title", "Điện thoại Samsung Galaxy A55"));
        await seller.CreateProductAsync(("title", "Áo thun cotton nam"));

        var found = await SearchAsync(new { text, shopId = seller.ShopId });

        Assert.Equal(["Điện thoại Samsung Galaxy A55"], Titles(found));
    }

    [Fact]
    public async Task Relevance_puts_the_title_match_before_a_description_match()
    {
        var seller = await app.SellerAsync();
        await seller.CreateProductAsync(("title", "Ốp lưng trong suốt"), ("description", "Dành cho điện thoại Xiaomi Redmi"));
        await seller.CreateProductAsync(("title", "Điện thoại Xiaomi Redmi Note 13"));

        var found = await SearchAsync(new { text = "xiaomi redmi", shopId = seller.ShopId });

        Assert.Equal(["Điện thoại Xiaomi Redmi Note 13", "Ốp lưng trong suốt"], Titles(found));
    }

    [Fact]
    public async Task A_category_filter_includes_its_subcategories()
    {
        var seller = await app.SellerAsync();
        var top = await app.CreateCategoryAsync("Điện tử");
        var phones = await app.CreateCategoryAsync("Điện thoại", top);
        var other = await app.CreateCategoryAsync("Thời trang");
        await seller.CreateProductAsync(("title", "Loa"), ("categoryId", top));
        await seller.CreateProductAsync(("title", "Điện thoại"), ("categoryId", phones));
        await seller.CreateProductAsync(("title", "Áo"), ("categoryId", other));

        Assert.Equal(new[] { "Loa", "Điện thoại" }.Order(), Titles(await SearchAsync(new { categoryId = top, shopId = seller.ShopId })).Order());
        Assert.Equal(["Điện thoại"], Titles(await SearchAsync(new { categoryId = phones })));
    }

    [Fact]
    public async Task Brand_model_rating_and_shop_filters_each_narrow_the_list()
    {
        var seller = await app.SellerAsync();
        var brand = "Sony " + Guid.NewGuid().ToString("N")[..6];
        var sony = await seller.CreateProductIdAsync(("title", "Tai nghe Sony"), ("brand", brand), ("model", "WH-1000XM5"));
        var jbl = await seller.CreateProductIdAsync(("title", "Tai nghe JBL"), ("brand", "JBL"), ("model", "Tune 520BT"));
        await app.InDatabaseAsync(async db =>
        {
            var product = await db.Products.FindAsync(Guid.Parse(jbl));
            product!.ApplyRatingSummary(4.6m, 120, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var brandId = (await app.ProductAsync(sony)).GetProperty("brand").Text("id");

        Assert.Equal([sony], (await SearchAsync(new { brand = brand.ToLowerInvariant(), shopId = seller.ShopId })).Ids());
        Assert.Equal([sony], (await SearchAsync(new { brandId })).Ids());
        Assert.Equal([jbl], (await SearchAsync(new { model = "tune 520bt", shopId = seller.ShopId })).Ids());
        Assert.Equal([jbl], (await SearchAsync(new { minRating = 4.5, shopId = seller.ShopId })).Ids());
        Assert.Equal(2, (await SearchAsync(new { shopId = seller.ShopId })).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_price_range_applies_to_the_effective_price()
    {
        var seller = await app.SellerAsync();
        var cheap = await seller.CreateProductIdAsync(("price", 100_000m));
        var onSale = await seller.CreateProductIdAsync(("price", 500_000m));
        await seller.CreateProductIdAsync(("price", 900_000m));
        var now = app.Clock.GetUtcNow();
        (await seller.Client.MutateAsync(Operations.SetDiscount, new { input = new { productId = onSale, salePrice = 250_000m, endsAt = now.AddDays(1) } })).Succeeded();

        var found = await SearchAsync(new { minPrice = 90_000m, maxPrice = 300_000m, shopId = seller.ShopId }, "PRICE_ASC");

        Assert.Equal([cheap, onSale], found.Ids());
    }

    [Fact]
    public async Task Near_finds_products_of_shops_within_the_radius()
    {
        var token = "Cafe" + Guid.NewGuid().ToString("N")[..8];
        var hanoi = await app.SellerAsync(21.0285, 105.8542);
        var saigon = await app.SellerAsync(10.7769, 106.7009);
        var inHanoi = await hanoi.CreateProductIdAsync(("title", "Cà phê " + token));
        await saigon.CreateProductIdAsync(("title", "Cà phê " + token));

        var near = await SearchAsync(new { text = token, near = new { lat = 21.03, lng = 105.85 }, radiusKm = 5.0 });
        var wide = await SearchAsync(new { text = token, near = new { lat = 21.03, lng = 105.85 }, radiusKm = 500.0 });

        Assert.Equal([inHanoi], near.Ids());
        Assert.Equal(1, wide.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, (await SearchAsync(new { text = token })).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task In_stock_only_leaves_out_what_cannot_be_bought()
    {
        var seller = await app.SellerAsync();
        var inStock = await seller.CreateProductIdAsync(("initialStock", 1));
        await seller.CreateProductIdAsync(("initialStock", 0));

        Assert.Equal([inStock], (await SearchAsync(new { inStockOnly = true, shopId = seller.ShopId })).Ids());
    }

    [Fact]
    public async Task Hidden_statuses_are_listed_only_for_the_owner_and_admins()
    {
        var seller = await app.SellerAsync();
        var draft = await seller.CreateProductIdAsync(("status", "DRAFT"));
        var active = await seller.CreateProductIdAsync();
        var everything = new { shopId = seller.ShopId, status = new[] { "DRAFT", "ACTIVE", "OUT_OF_STOCK", "ARCHIVED" } };

        Assert.Equal([active], (await SearchAsync(new { shopId = seller.ShopId })).Ids());
        Assert.Equal([active], (await SearchAsync(everything)).Ids());
        Assert.Equal([active], (await SearchAsync(everything, client: (await app.SellerAsync()).Client)).Ids());
        Assert.Equal(new[] { draft, active }.Order(), (await SearchAsync(everything, client: seller.Client)).Ids().Order());
        Assert.Equal(new[] { draft, active }.Order(), (await SearchAsync(everything, client: app.Admin().Client)).Ids().Order());
    }

    [Theory]
    [InlineData("PRICE_ASC")]
    [InlineData("PRICE_DESC")]
    [InlineData("NEWEST")]
    [InlineData("BEST_SELLING")]
    [InlineData("RATING")]
    [InlineData("RELEVANCE")]
    public async Task Every_ordering_sorts_and_pages_without_repeating_or_skipping(string order)
    {
        var seller = await app.SellerAsync();
        var token = "Balo" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            // Prices and ratings repeat (ties), so the id must break them the same way on every page.
            var id = await seller.CreateProductIdAsync(("title", $"Balo laptop {token}" + new string('!', i)), ("price", 100_000m + (i % 3) * 50_000m));
            await app.InDatabaseAsync(async db =>
            {
                var product = await db.Products.FindAsync(Guid.Parse(id));
                product!.ApplyRatingSummary(3 + (i % 2), 10, app.Clock.GetUtcNow());
                product.RecordSale(i % 4, app.Clock.GetUtcNow());
                await db.SaveChangesAsync();
            });
            app.Clock.Advance(TimeSpan.FromMilliseconds(5));
            ids.Add(id);
        }
        var where = new { text = token, shopId = seller.ShopId };

        var all = await SearchAsync(where, order, first: 50);
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = await SearchAsync(where, order, first: 3, after: after);
            paged.AddRange(page.Ids());
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").Text("endCursor") : null;
        }
        while (after is not null);

        Assert.Equal(all.Ids(), paged);
        Assert.Equal(ids.Order(), paged.Order());
        var nodes = all.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        var sorted = order switch
        {
            "PRICE_ASC" => nodes.Select(n => n.Amount("effectivePrice")).SequenceEqual(nodes.Select(n => n.Amount("effectivePrice")).Order()),
            "PRICE_DESC" => nodes.Select(n => n.Amount("effectivePrice")).SequenceEqual(nodes.Select(n => n.Amount("effectivePrice")).OrderDescending()),
            "NEWEST" => nodes.Select(n => n.Text("id")).SequenceEqual(Enumerable.Reverse(ids)),
            "BEST_SELLING" => nodes.Select(n => n.GetProperty("soldCount").GetInt32()).SequenceEqual(nodes.Select(n => n.GetProperty("soldCount").GetInt32()).OrderDescending()),
            "RATING" => nodes.Select(n => n.GetProperty("ratingAverage").GetDouble()).SequenceEqual(nodes.Select(n => n.GetProperty("ratingAverage").GetDouble()).OrderDescending()),
            // The titles match the text equally well: ties go to the higher (newer) id.
            _ => nodes.Select(n => n.Text("id")).SequenceEqual(Enumerable.Reverse(ids)),
        };
        Assert.True(sorted, $"{order} answered: " + string.Join(", ", nodes.Select(n => n.GetRawText())));
    }

    [Fact]
    public async Task A_cursor_from_another_ordering_or_a_forged_one_is_refused()
    {
        var seller = await app.SellerAsync();
        await seller.CreateProductIdAsync();
        await seller.CreateProductIdAsync();
        var page = await SearchAsync(new { shopId = seller.ShopId }, "PRICE_ASC", first: 1);
        var cursor = page.GetProperty("pageInfo").Text("endCursor");

        var otherOrder = await app.Client().SendAsync(Operations.Products, new { where = new { shopId = seller.ShopId }, order = "NEWEST", first = 1, after = cursor });
        var forged = await app.Client().SendAsync(Operations.Products, new { where = new { shopId = seller.ShopId }, first = 1, after = "bm90LWEtY3Vyc29y" });
        var badRange = await app.Client().SendAsync(Operations.Products, new { where = new { minPrice = 10m, maxPrice = 1m } });

        Assert.Equal(["BAD_USER_INPUT"], otherOrder.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], forged.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], badRange.ErrorCodes);
    }

    [Fact]
    public async Task Related_products_share_the_category_with_the_same_brand_first()
    {
        var seller = await app.SellerAsync();
        var category = await app.CreateCategoryAsync("Tai nghe");
        var other = await app.CreateCategoryAsync("Loa");
        var brand = "Sony " + Guid.NewGuid().ToString("N")[..6];
        var product = await seller.CreateProductIdAsync(("title", "Tai nghe A"), ("categoryId", category), ("brand", brand));
        var sameBrand = await seller.CreateProductIdAsync(("title", "Tai nghe B"), ("categoryId", category), ("brand", brand));
        var sameCategory = await seller.CreateProductIdAsync(("title", "Tai nghe C"), ("categoryId", category), ("brand", "JBL"));
        await seller.CreateProductIdAsync(("title", "Loa D"), ("categoryId", other), ("brand", brand));

        var related = (await app.Client().SendAsync(Operations.Related, new { id = product, first = 5 })).EnsureNoErrors().Get("product.related");

        Assert.Equal([sameBrand, sameCategory], related.EnumerateArray().Select(p => p.Text("id")));
    }
}
