using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// The storefront's search through the gateway: a seller lists products, a buyer finds them with and without diacritics,
/// opens one (tracked) and sees it in recently viewed; a price drop fires the buyer's alert once; an order makes its
/// products bought together.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SearchTests(Platform platform)
{
    private const string Errors = "userErrors { code field message }";

    private const string Search = """
        query($query: String, $filters: SearchFilterInput) {
          search(query: $query, filters: $filters) { totalCount edges { node { id title shop { id name } } } facets { brands { value count } } }
        }
        """;

    [Fact]
    public async Task A_buyer_finds_opens_and_watches_a_product_and_an_order_makes_products_bought_together()
    {
        var seller = await Shopping.SignUpAsync(platform);
        var tag = "m" + Guid.NewGuid().ToString("N")[..7];
        var shopId = (await seller.Client.MutateAsync(
            "mutation($input: CreateShopInput!) { createShop(input: $input) { shop { id } " + Errors + " } }",
            new { input = new { name = $"Điện Máy {tag}", address = "1 Tràng Tiền, Hoàn Kiếm, Hà Nội", location = new { lat = 21.0245, lng = 105.8570 } } }))
            .Succeeded().Get("shop.id").GetString()!;
        var phone = await ListAsync(seller, shopId, $"Điện thoại Vsmart Aris {tag}", 3_500_000m, "Vsmart", "Aris");
        var charger = await ListAsync(seller, shopId, $"Sạc nhanh Anker {tag}", 300_000m, "Anker", "Nano");
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);

        // Found with and without diacritics, once the events reached search.
        foreach (var query in new[] { $"dien thoai {tag}", $"Điện thoại {tag}", $"DIEN THOAI VSMART {tag}" })
        {
            var found = await Eventually.ReturnsAsync(() => SearchAsync(buyer.Client, query), r => r.Get("totalCount").GetInt32() > 0, TimeSpan.FromSeconds(30));
            Assert.Equal(phone, found.Get("edges.0.node.id").GetString());
            Assert.Equal($"Điện thoại Vsmart Aris {tag}", found.Get("edges.0.node.title").GetString());
            Assert.Equal(shopId, found.Get("edges.0.node.shop.id").GetString());
        }

        // Opened, tracked, recently viewed (the titles come from catalog through the gateway).
        (await buyer.Client.MutateAsync("mutation($input: TrackProductViewInput!) { trackProductView(input: $input) { " + Errors + " } }",
            new { input = new { productId = phone } })).Succeeded();
        var viewed = (await buyer.Client.SendAsync("{ recentlyViewed { id title } }")).EnsureNoErrors().Get("recentlyViewed");
        Assert.Equal([phone], viewed.EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        // A price alert fires once, when the price drops to the target.
        var alertId = (await buyer.Client.MutateAsync(
            "mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { priceAlert { id status } " + Errors + " } }",
            new { input = new { productId = phone, targetPrice = 3_000_000m } })).Succeeded().Get("priceAlert.id").GetString();
        await SetPriceAsync(seller, phone, 3_200_000m);
        await SetPriceAsync(seller, phone, 2_900_000m);
        var triggered = await Eventually.ReturnsAsync(() => AlertAsync(buyer.Client, alertId!), a => a.Get("status").GetString() == "TRIGGERED", TimeSpan.FromSeconds(30));
        await SetPriceAsync(seller, phone, 2_800_000m);
        var cheaper = await Eventually.ReturnsAsync(() => SearchAsync(buyer.Client, $"vsmart {tag}", maxPrice: 2_850_000m),
            r => r.Get("totalCount").GetInt32() == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(phone, cheaper.Get("edges.0.node.id").GetString());
        var after = await AlertAsync(buyer.Client, alertId!);
        Assert.Equal(("TRIGGERED", triggered.Get("triggeredAt").GetString()), (after.Get("status").GetString(), after.Get("triggeredAt").GetString()));
        Assert.Equal("Vsmart", after.Get("product.title").GetString()!.Split(' ')[2]);

        // One order of both products: each is bought together with the other.
        (await buyer.AddToCartAsync(phone, 1)).Succeeded();
        (await buyer.AddToCartAsync(charger, 1)).Succeeded();
        (await buyer.PlaceOrderAsync(addressId)).Succeeded();
        var together = await Eventually.ReturnsAsync(async () =>
            (await buyer.Client.SendAsync("query($id: ID!) { product(id: $id) { boughtTogether { id title } similar(first: 3) { id } } }", new { id = phone }))
                .EnsureNoErrors().Get("product"),
            p => p.GetProperty("boughtTogether").GetArrayLength() > 0, TimeSpan.FromSeconds(30));
        Assert.Equal([charger], together.GetProperty("boughtTogether").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    private static async Task<string> ListAsync(Shopper seller, string shopId, string title, decimal price, string brand, string model) =>
        (await seller.Client.MutateAsync(
            "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } " + Errors + " } }",
            new { input = new { shopId, title, price, brand, model, initialStock = 20, weightGrams = 300 } }))
        .Succeeded().Get("product.id").GetString()!;

    private static async Task SetPriceAsync(Shopper seller, string productId, decimal price) =>
        (await seller.Client.MutateAsync("mutation($input: SetProductPriceInput!) { setProductPrice(input: $input) { " + Errors + " } }",
            new { input = new { productId, price } })).Succeeded();

    private static async Task<JsonElement> SearchAsync(GraphQLClient client, string query, decimal? maxPrice = null) =>
        (await client.SendAsync(Search, new { query, filters = new { maxPrice } })).EnsureNoErrors().Get("search");

    private static async Task<JsonElement> AlertAsync(GraphQLClient client, string alertId) =>
        (await client.SendAsync("{ priceAlerts { id status triggeredAt product { id title } } }")).EnsureNoErrors().Get("priceAlerts")
            .EnumerateArray().Single(a => a.GetProperty("id").GetString() == alertId);
}
