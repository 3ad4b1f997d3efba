using System.Text.Json;
using GoShop.Catalog.Tests.Support;
using GoShop.Testing;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class PriceTests(CatalogApp app)
{
    [Fact]
    public async Task Set_product_price_records_every_change_with_who_and_when_and_announces_it()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("price", 199_000m));

        (await SetPriceAsync(seller, id, 179_000m)).Succeeded();
        var payload = (await SetPriceAsync(seller, id, 189_000m)).Succeeded().GetProperty("product");

        Assert.Equal(189_000m, payload.Amount("price"));
        // Amounts read back from the database as written, without the trailing zeros of the column's scale.
        var stored = (await seller.Client.SendAsync("query($id: ID!) { product(id: $id) { price { amount } } }", new { id })).EnsureNoErrors();
        Assert.Equal("189000", stored.Get("product.price.amount").GetRawText());
        var history = payload.GetProperty("priceHistory");
        Assert.Equal(3, history.GetProperty("totalCount").GetInt32());
        var entries = history.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal([189_000m, 179_000m, 199_000m], entries.Select(e => e.Amount("price")));
        Assert.Equal(179_000m, entries[0].Amount("previousPrice"));
        Assert.Equal(JsonValueKind.Null, entries[2].GetProperty("previousPrice").ValueKind);
        Assert.All(entries, e => Assert.Equal(seller.Id.ToString(), e.Text("actorId")));
        var announced = (await app.OutboxAsync("PriceChanged")).Where(e => e.Text("productId") == id).ToList();
        Assert.Equal([199_000m, 179_000m], announced.Select(e => e.GetProperty("previousPrice").GetDecimal()));
        Assert.All(announced, e => Assert.Equal("LIST_PRICE", e.Text("kind")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    [InlineData(0.001)]
    public async Task A_price_of_zero_or_less_or_with_fractions_of_a_dong_is_refused_and_nothing_recorded(decimal price)
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        var counts = await app.CountsAsync();

        var payload = await SetPriceAsync(seller, id, price);

        Assert.Equal(["INVALID_PRICE"], payload.UserErrorCodes());
        Assert.Equal(["input", "price"], payload.FirstErrorField());
        Assert.Equal(counts, await app.CountsAsync());
        Assert.Equal(199_000m, (await app.ProductAsync(id)).Amount("price"));
    }

    [Fact]
    public async Task Only_the_owner_sets_prices_and_an_unknown_variant_is_not_found()
    {
        var seller = await app.SellerAsync();
        var stranger = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        var counts = await app.CountsAsync();

        var notOwner = await SetPriceAsync(stranger, id, 1_000m);
        var unknownVariant = await seller.Client.MutateAsync(Operations.SetPrice, new { input = new { productId = id, variantId = Guid.CreateVersion7(), price = 1_000m } });
        var anonymous = await app.Client().SendAsync(Operations.SetPrice, new { input = new { productId = id, price = 1_000m } });

        Assert.Equal(["FORBIDDEN"], notOwner.UserErrorCodes());
        Assert.Equal(["VARIANT_NOT_FOUND"], unknownVariant.UserErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_variant_price_goes_into_the_same_history_marked_with_the_variant()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        var variantId = (await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = id, sku = "SKU-" + Guid.NewGuid().ToString("N")[..8], options = new[] { new { name = "Size", value = "M" } }, price = 200_000m, initialStock = 3 },
        })).Succeeded().GetProperty("variant").Text("id");

        var product = (await seller.Client.MutateAsync(Operations.SetPrice, new { input = new { productId = id, variantId, price = 210_000m } }))
            .Succeeded().GetProperty("product");

        Assert.Equal(199_000m, product.Amount("price"));
        Assert.Equal(210_000m, Assert.Single(product.GetProperty("variants").EnumerateArray()).Amount("price"));
        var latest = product.GetProperty("priceHistory").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal(variantId, latest.Text("variantId"));
        Assert.Equal(200_000m, latest.Amount("previousPrice"));
    }

    [Fact]
    public async Task A_running_discount_sets_the_effective_price_which_is_never_stored()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("price", 200_000m));
        var now = app.Clock.GetUtcNow();

        var payload = await SetDiscountAsync(seller, id, 150_000m, now.AddMinutes(-1), now.AddDays(3));

        var product = payload.Succeeded().GetProperty("product");
        Assert.Equal(200_000m, product.Amount("price"));
        Assert.Equal(150_000m, product.Amount("effectivePrice"));
        Assert.True(product.GetProperty("discount").GetProperty("active").GetBoolean());
        Assert.Equal(25, product.GetProperty("discount").GetProperty("percentOff").GetInt32());
        var removed = (await seller.Client.MutateAsync(Operations.RemoveDiscount, new { input = new { productId = id } })).Succeeded().GetProperty("product");
        Assert.Equal(200_000m, removed.Amount("effectivePrice"));
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("discount").ValueKind);
        Assert.Equal(["NO_DISCOUNT"], (await seller.Client.MutateAsync(Operations.RemoveDiscount, new { input = new { productId = id } })).UserErrorCodes());
    }

    [Fact]
    public async Task A_scheduled_discount_applies_only_inside_its_window()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("price", 100_000m));
        var now = app.Clock.GetUtcNow();
        (await SetDiscountAsync(seller, id, 80_000m, now.AddMinutes(10), now.AddMinutes(20))).Succeeded();

        var before = await app.ProductAsync(id);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var during = await app.ProductAsync(id);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = await app.ProductAsync(id);

        Assert.Equal(100_000m, before.Amount("effectivePrice"));
        Assert.False(before.GetProperty("discount").GetProperty("active").GetBoolean());
        Assert.Equal(80_000m, during.Amount("effectivePrice"));
        Assert.Equal(100_000m, after.Amount("effectivePrice"));
    }

    public static TheoryData<decimal, int, int, string, string> BadDiscounts => new()
    {
        { 200_000m, -1, 60, "DISCOUNT_NOT_BELOW_PRICE", "salePrice" },
        { 250_000m, -1, 60, "DISCOUNT_NOT_BELOW_PRICE", "salePrice" },
        { 0m, -1, 60, "INVALID_PRICE", "salePrice" },
        { 150_000m, 60, 30, "INVALID_DISCOUNT_WINDOW", "endsAt" },
        { 150_000m, -120, -60, "INVALID_DISCOUNT_WINDOW", "endsAt" },
    };

    [Theory]
    [MemberData(nameof(BadDiscounts))]
    public async Task A_discount_at_or_above_the_price_or_with_a_bad_window_is_refused(decimal salePrice, int startsInMinutes, int endsInMinutes, string code, string field)
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("price", 200_000m));
        var now = app.Clock.GetUtcNow();
        var counts = await app.CountsAsync();

        var payload = await SetDiscountAsync(seller, id, salePrice, now.AddMinutes(startsInMinutes), now.AddMinutes(endsInMinutes));

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", field], payload.FirstErrorField());
        Assert.Equal(counts, await app.CountsAsync());
        Assert.Equal(JsonValueKind.Null, (await app.ProductAsync(id)).GetProperty("discount").ValueKind);
    }

    [Fact]
    public async Task The_list_price_cannot_drop_to_or_below_a_running_sale_price()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("price", 200_000m));
        var now = app.Clock.GetUtcNow();
        (await SetDiscountAsync(seller, id, 150_000m, now, now.AddDays(1))).Succeeded();

        var payload = await SetPriceAsync(seller, id, 150_000m);

        Assert.Equal(["PRICE_NOT_ABOVE_SALE_PRICE"], payload.UserErrorCodes());
        Assert.Equal(200_000m, (await app.ProductAsync(id)).Amount("price"));
    }

    private static Task<JsonElement> SetPriceAsync(Seller seller, string productId, decimal price) =>
        seller.Client.MutateAsync(Operations.SetPrice, new { input = new { productId, price } });

    private static Task<JsonElement> SetDiscountAsync(Seller seller, string productId, decimal salePrice, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        seller.Client.MutateAsync(Operations.SetDiscount, new { input = new { productId, salePrice, startsAt, endsAt } });
}
