using GoShop.Cart.Caching;
using GoShop.Cart.Tests.Support;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Ordering;
using GoShop.Testing;

namespace GoShop.Cart.Tests;

/// <summary>When a checkout commits, what each order bought comes out of the buyer's cart, once however often the event arrives.</summary>
[Collection(CartCollection.Name)]
public sealed class OrderPlacedTests(CartApp app)
{
    private OrderPlaced Placed(Guid buyerId, Guid shopId, IEnumerable<(ProductSummary Product, int Quantity)> lines, params string[] couponCodes)
    {
        var now = app.Clock.GetUtcNow();
        var orderLines = lines.Select(l => new OrderLineSnapshot(l.Product.ProductId, l.Product.VariantId, l.Product.Title, l.Product.VariantTitle,
            l.Product.Sku, l.Quantity, l.Product.EffectivePrice, l.Product.EffectivePrice * l.Quantity, l.Product.WeightGrams)).ToList();
        var subtotal = orderLines.Sum(l => l.LineTotal);
        var order = new OrderSnapshot(Guid.CreateVersion7(), Guid.CreateVersion7(), "GS-" + Random.Shared.Next(100_000, 999_999), buyerId, shopId,
            Guid.CreateVersion7(), "PENDING", "COD", orderLines, subtotal, 20_000m, 0m, 0m, subtotal + 20_000m, "VND", couponCodes, 500, 21.03, 105.85,
            new OrderAddressSnapshot("Nguyễn Văn A", "0901234567", "1 Lê Lợi", null, "Bến Nghé", "Quận 1", "TP. Hồ Chí Minh", "VN", null, null), now);
        return new OrderPlaced(order, now);
    }

    [Fact]
    public async Task An_order_takes_its_lines_and_its_coupon_out_of_the_cart_once_however_often_it_arrives()
    {
        var buyer = app.NewBuyer();
        var (shopId, otherShop) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var shirt = app.Product(100_000m, shopId: shopId);
        var red = app.Catalog.AddVariant(shirt.ProductId, 120_000m, 10);
        var socks = app.Product(20_000m, shopId: shopId);
        var elsewhere = app.Product(50_000m, shopId: otherShop);
        await buyer.AddOkAsync(shirt, 3);
        await buyer.AddOkAsync(red, 1);
        await buyer.AddOkAsync(socks, 2);
        await buyer.AddOkAsync(elsewhere, 1);
        app.Coupons.AddCoupon(shopId, "TET", amountOff: 10_000m);
        (await buyer.Client.MutateAsync(Operations.ApplyCoupon, new { input = new { shopId, code = "TET" } })).Succeeded();
        var placed = Placed(buyer.Id, shopId, [(shirt, 2), (red, 1), (socks, 2)], "tet");
        var messageId = Guid.NewGuid();

        await app.PublishAsync(placed, messageId);
        await Eventually.HoldsAsync(async () => (await buyer.CartAsync()).GetProperty("items").GetArrayLength() == 2, "the ordered lines come out");
        await app.PublishAsync(placed, messageId);
        // A later order of someone else, on the same queue: once it is handled, the duplicate before it was too.
        var probe = app.NewBuyer();
        var probeProduct = app.Product();
        await probe.AddOkAsync(probeProduct, 1);
        await app.PublishAsync(Placed(probe.Id, probeProduct.ShopId, [(probeProduct, 1)]));
        await Eventually.HoldsAsync(async () => (await probe.CartAsync()).GetProperty("items").GetArrayLength() == 0, "the probe order is handled");
        await Task.Delay(300);

        var cart = await buyer.CartAsync();
        Assert.Equal([(shirt.ProductId, 1), (elsewhere.ProductId, 1)],
            cart.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("product").Id(), i.GetProperty("quantity").GetInt32())));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cart.Shop(shopId).GetProperty("coupon").ValueKind);
        Assert.Equal(0, (await app.CountsAsync(buyer.Id)).Coupons);
    }

    [Fact]
    public async Task The_redis_copy_follows_the_order_without_a_flush()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product();
        await buyer.AddOkAsync(shirt, 2);
        var before = (await app.Service<CartCache>().GetAsync(buyer.Id))!;

        await app.PublishAsync(Placed(buyer.Id, shirt.ShopId, [(shirt, 1)]));
        await Eventually.HoldsAsync(async () => (await app.Service<CartCache>().GetAsync(buyer.Id))!.Version > before.Version, "the copy is refreshed");

        var after = (await app.Service<CartCache>().GetAsync(buyer.Id))!;
        Assert.Equal(1, after.Items.Single().Quantity);
        Assert.Equal(1, (await buyer.CartAsync()).Line(shirt).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task An_order_that_used_no_coupon_leaves_the_shop_s_coupon_on_what_remains()
    {
        var buyer = app.NewBuyer();
        var shopId = Guid.CreateVersion7();
        var shirt = app.Product(100_000m, shopId: shopId);
        var socks = app.Product(20_000m, shopId: shopId);
        await buyer.AddOkAsync(shirt);
        await buyer.AddOkAsync(socks);
        app.Coupons.AddCoupon(shopId, "BOT5K", amountOff: 5_000m);
        (await buyer.Client.MutateAsync(Operations.ApplyCoupon, new { input = new { shopId, code = "BOT5K" } })).Succeeded();

        await app.PublishAsync(Placed(buyer.Id, shopId, [(shirt, 1)]));
        await Eventually.HoldsAsync(async () => (await buyer.CartAsync()).GetProperty("items").GetArrayLength() == 1, "the shirt comes out");

        var cart = await buyer.CartAsync();
        Assert.Equal(("BOT5K", 5_000m), (cart.Shop(shopId).GetProperty("coupon").Text("code"), cart.Amount("discount")));
    }
}
