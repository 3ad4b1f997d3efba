using System.Text.Json;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shops;
using GoShop.Search.Tests.Support;
using GoShop.Testing;

namespace GoShop.Search.Tests;

/// <summary>Trending (decayed views, cart adds and orders), bought together, similar and recommended products.</summary>
public sealed class DiscoveryTests(SearchApp app) : IClassFixture<SearchApp>
{
    [Fact]
    public async Task Trending_ranks_by_decayed_interactions_so_yesterday_s_hit_fades()
    {
        var category = Guid.NewGuid();
        var shop = await app.ShopAsync();
        var yesterday = await app.ListAsync(shop, "Áo khoác gió " + Unique(), 300_000, categoryId: category);
        var today = await app.ListAsync(shop, "Áo mưa " + Unique(), 100_000, categoryId: category);
        var quiet = await app.ListAsync(shop, "Áo len " + Unique(), 400_000, categoryId: category);
        var viewer = app.SignIn();

        // Yesterday's hit: 6 views 48 hours ago (worth 6/4 = 1.5 now); today's: one view and one cart add (1 + 3).
        for (var i = 0; i < 6; i++)
            (await viewer.Client.MutateAsync(Operations.TrackView, new { input = new { productId = yesterday.ProductId } })).Succeeded();
        app.Clock.Advance(TimeSpan.FromHours(48));
        (await viewer.Client.MutateAsync(Operations.TrackView, new { input = new { productId = today.ProductId } })).Succeeded();
        var added = Guid.NewGuid();
        await app.PublishAsync(new CartItemAdded(viewer.Id, today.ProductId, null, shop.ShopId, 1, app.Clock.GetUtcNow()), added);
        await app.WaitForInboxAsync(added);

        var trending = (await app.Anonymous().SendAsync(Operations.Trending, new { categoryId = category })).EnsureNoErrors();

        Assert.Equal([today.ProductId.ToString(), yesterday.ProductId.ToString()],
            trending.Get("trendingProducts").EnumerateArray().Select(p => p.Get("id").GetString()));
        Assert.DoesNotContain(trending.Get("trendingProducts").EnumerateArray(), p => p.Get("id").GetString() == quiet.ProductId.ToString());
        Assert.Contains(trending.Get("trendingShops").EnumerateArray(), s => s.Get("id").GetString() == shop.ShopId.ToString());
        Assert.Contains(trending.Get("trendingCategories").EnumerateArray(), c => c.Get("id").GetString() == category.ToString());
    }

    [Fact]
    public async Task An_order_makes_its_products_bought_together_and_similar_products_share_the_kind()
    {
        var shop = await app.ShopAsync();
        var category = Guid.NewGuid();
        var tag = Unique();
        var phone = await app.ListAsync(shop, $"Điện thoại Nokia G21 {tag}", 2_500_000, "Nokia", "G21", category);
        var sibling = await app.ListAsync(shop, $"Điện thoại Nokia C32 {tag}", 2_200_000, "Nokia", "C32", category);
        var charger = await app.ListAsync(shop, $"Sạc dự phòng {tag}", 400_000);
        var messageId = Guid.NewGuid();

        await app.PublishAsync(new OrderPlaced(TestOrders.Snapshot(Guid.NewGuid(), shop.ShopId, (phone.ProductId, null, 1), (charger.ProductId, null, 2)),
            app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);

        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = phone.ProductId.ToString() } };
        var entity = (await app.Anonymous().SendAsync(Operations.ResolveEntities, new { representations })).EnsureNoErrors().Get("_entities.0");
        Assert.Equal([charger.ProductId.ToString()], entity.Get("boughtTogether").EnumerateArray().Select(p => p.Get("id").GetString()));
        Assert.Equal(sibling.ProductId.ToString(), entity.Get("similar.0.id").GetString());
        Assert.DoesNotContain(entity.Get("similar").EnumerateArray(), p => p.Get("id").GetString() == phone.ProductId.ToString());
    }

    [Fact]
    public async Task Recommendations_follow_what_the_buyer_viewed_and_a_newcomer_gets_trending()
    {
        var shop = await app.ShopAsync();
        var tag = Unique();
        var category = Guid.NewGuid();
        var viewed = await app.ListAsync(shop, $"Máy pha cà phê Delonghi {tag}", 5_000_000, "Delonghi", "EC230", category);
        var like = await app.ListAsync(shop, $"Máy pha cà phê Philips {tag}", 4_500_000, "Philips", "EP1220", category);
        var buyer = app.SignIn();
        (await buyer.Client.MutateAsync(Operations.TrackView, new { input = new { productId = viewed.ProductId } })).Succeeded();

        var mine = (await buyer.Client.SendAsync(Operations.Recommended)).EnsureNoErrors().Get("recommendedProducts").EnumerateArray()
            .Select(p => p.Get("id").GetString()).ToList();
        var newcomer = (await app.SignIn().Client.SendAsync(Operations.Recommended)).EnsureNoErrors().Get("recommendedProducts").EnumerateArray()
            .Select(p => p.Get("id").GetString()).ToList();

        Assert.Equal(like.ProductId.ToString(), mine[0]);
        Assert.DoesNotContain(viewed.ProductId.ToString(), mine);
        Assert.Contains(viewed.ProductId.ToString(), newcomer);
    }

    [Fact]
    public async Task A_price_comparison_lists_other_shops_offers_of_the_same_product_cheapest_first()
    {
        var model = "Z" + Unique();
        var here = await app.ShopAsync(10.7769, 106.7009);
        var near = await app.ShopAsync(10.78, 106.70);
        var far = await app.ShopAsync(21.0285, 105.8542);
        var mine = await app.ListAsync(here, $"Tai nghe Sony {model}", 1_000_000, "Sony", model);
        var cheaper = await app.ListAsync(far, $"Tai nghe chính hãng Sony {model}", 900_000, "SONY", model.ToLowerInvariant());
        var dearer = await app.ListAsync(near, $"Tai nghe Sony {model}", 1_100_000);
        await app.ListAsync(near, $"Tai nghe Sony {model} Pro", 700_000, "Sony", model + "PRO");

        var offers = (await app.Anonymous().SendAsync(
            "query($productId: ID!, $near: GeoPointInput) { priceComparison(productId: $productId, near: $near) { product { id } shop { id } effectivePrice { amount } distanceKm } }",
            new { productId = mine.ProductId, near = new { lat = 10.7769, lng = 106.7009 } })).EnsureNoErrors().Get("priceComparison").EnumerateArray().ToList();

        Assert.Equal([cheaper.ProductId.ToString(), dearer.ProductId.ToString()], offers.Select(o => o.Get("product.id").GetString()));
        Assert.Equal([900_000m, 1_100_000m], offers.Select(o => o.Get("effectivePrice.amount").GetDecimal()));
        Assert.True(offers[0].Get("distanceKm").GetDouble() > 1000);
        Assert.True(offers[1].Get("distanceKm").GetDouble() < 2);
    }

    [Fact]
    public async Task A_signed_in_buyer_without_a_point_gets_distances_from_their_default_address()
    {
        var model = "Z" + Unique();
        var hanoi = await app.ShopAsync(21.0285, 105.8542);
        var saigon = await app.ShopAsync(10.7769, 106.7009);
        var mine = await app.ListAsync(saigon, $"Loa JBL {model}", 1_000_000, "JBL", model);
        await app.ListAsync(hanoi, $"Loa JBL {model}", 990_000, "JBL", model);
        var buyer = app.SignIn();
        app.Addresses.Add(buyer.Id, latitude: 21.03, longitude: 105.85);
        var unlocated = app.SignIn();
        app.Addresses.Add(unlocated.Id, located: false);
        const string comparison = "query($productId: ID!, $near: GeoPointInput) { priceComparison(productId: $productId, near: $near) { distanceKm } }";

        async Task<double?> DistanceAsync(GraphQLClient client, object? near = null)
        {
            var offer = Assert.Single((await client.SendAsync(comparison, new { productId = mine.ProductId, near })).EnsureNoErrors().Get("priceComparison").EnumerateArray());
            return offer.Get("distanceKm").ValueKind == JsonValueKind.Null ? null : offer.Get("distanceKm").GetDouble();
        }

        Assert.True(await DistanceAsync(buyer.Client) < 1);
        Assert.True(await DistanceAsync(buyer.Client, new { lat = 10.7769, lng = 106.7009 }) > 1000);
        Assert.Null(await DistanceAsync(unlocated.Client));
        Assert.Null(await DistanceAsync(app.SignIn().Client));
        Assert.Null(await DistanceAsync(app.Anonymous()));
    }

    private static string Unique() => "x" + Guid.NewGuid().ToString("N")[..8];
}
