using System.Text.Json;
using GoShop.Cart.Tests.Support;
using GoShop.Testing;

namespace GoShop.Cart.Tests;

/// <summary>applyCoupon and removeCoupon: one coupon per shop, quoted by the shops subgraph, and quoted again on every read.</summary>
[Collection(CartCollection.Name)]
public sealed class CouponTests(CartApp app)
{
    private static object Apply(Guid shopId, string code) => new { input = new { shopId, code } };

    [Fact]
    public async Task A_coupon_takes_its_discount_off_its_own_shop_s_lines_only()
    {
        var buyer = app.NewBuyer();
        var (shopA, shopB) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await buyer.AddOkAsync(app.Product(200_000m, shopId: shopA), 2);
        await buyer.AddOkAsync(app.Product(100_000m, shopId: shopB));
        app.Coupons.AddCoupon(shopA, "GIAM10", percentOff: 10);
        app.Coupons.AddCoupon(shopB, "BOT20K", amountOff: 20_000m);

        await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopA, "giam10"));
        var cart = (await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopB, " BOT20K "))).Succeeded().GetProperty("cart");

        var a = cart.Shop(shopA);
        var b = cart.Shop(shopB);
        Assert.Equal(("giam10", true, 40_000m, 360_000m), (a.GetProperty("coupon").Text("code"), a.GetProperty("coupon").GetProperty("applicable").GetBoolean(),
            a.Amount("discount"), a.Amount("total")));
        Assert.Equal(("BOT20K", 20_000m, 80_000m), (b.GetProperty("coupon").Text("code"), b.Amount("discount"), b.Amount("total")));
        Assert.Equal((500_000m, 60_000m, 440_000m), (cart.Amount("subtotal"), cart.Amount("discount"), cart.Amount("total")));
        Assert.Equal(2, (await app.CountsAsync(buyer.Id)).Coupons);
    }

    [Fact]
    public async Task A_second_coupon_for_a_shop_replaces_the_first()
    {
        var buyer = app.NewBuyer();
        var shopId = Guid.CreateVersion7();
        await buyer.AddOkAsync(app.Product(100_000m, shopId: shopId));
        app.Coupons.AddCoupon(shopId, "A10K", amountOff: 10_000m);
        app.Coupons.AddCoupon(shopId, "B15K", amountOff: 15_000m);

        await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "A10K"));
        var cart = (await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "B15K"))).Succeeded().GetProperty("cart");

        Assert.Equal(("B15K", 15_000m), (cart.Shop(shopId).GetProperty("coupon").Text("code"), cart.Amount("discount")));
        Assert.Equal(1, (await app.CountsAsync(buyer.Id)).Coupons);
    }

    [Fact]
    public async Task A_coupon_that_does_not_apply_is_refused_with_the_shop_s_reason_and_nothing_is_stored()
    {
        var buyer = app.NewBuyer();
        var shopId = Guid.CreateVersion7();
        await buyer.AddOkAsync(app.Product(100_000m, shopId: shopId));
        app.Coupons.AddCoupon(shopId, "BIGORDER", amountOff: 50_000m, minOrder: 500_000m);

        var unknown = await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "NOPE"));
        var tooSmall = await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "BIGORDER"));
        var otherShop = await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(Guid.CreateVersion7(), "BIGORDER"));
        var blank = await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "  "));

        Assert.Equal(["COUPON_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(["MIN_ORDER_NOT_MET"], tooSmall.UserErrorCodes());
        Assert.Equal("Coupon BIGORDER needs an order of at least 500000 VND.", tooSmall.GetProperty("userErrors")[0].Text("message"));
        Assert.Equal(["SHOP_NOT_IN_CART"], otherShop.UserErrorCodes());
        Assert.Equal(["REQUIRED"], blank.UserErrorCodes());
        Assert.Equal(0, (await app.CountsAsync(buyer.Id)).Coupons);
    }

    [Fact]
    public async Task When_the_shops_subgraph_is_away_applying_is_refused_and_reading_shows_the_coupon_unchecked()
    {
        var buyer = app.NewBuyer();
        var shopId = Guid.CreateVersion7();
        await buyer.AddOkAsync(app.Product(100_000m, shopId: shopId));
        app.Coupons.AddCoupon(shopId, "TET", amountOff: 10_000m);
        app.Coupons.AddCoupon(shopId, "TET2", amountOff: 12_000m);
        (await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "TET"))).Succeeded();

        app.Coupons.Down = true;
        JsonElement refused, cart;
        try
        {
            refused = await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "TET2"));
            cart = await buyer.CartAsync();
        }
        finally
        {
            app.Coupons.Down = false;
        }

        Assert.Equal(["SHOPS_UNAVAILABLE"], refused.UserErrorCodes());
        var coupon = cart.Shop(shopId).GetProperty("coupon");
        Assert.Equal(("TET", false, "SHOPS_UNAVAILABLE"), (coupon.Text("code"), coupon.GetProperty("applicable").GetBoolean(), coupon.Text("reason")));
        Assert.Equal((0m, 100_000m), (cart.Amount("discount"), cart.Amount("total")));
        Assert.Equal(10_000m, (await buyer.CartAsync()).Amount("discount"));
    }

    [Fact]
    public async Task A_coupon_that_stopped_applying_shows_why_and_takes_nothing_off()
    {
        var buyer = app.NewBuyer();
        var shopId = Guid.CreateVersion7();
        var shirt = app.Product(150_000m, shopId: shopId);
        var itemId = (await buyer.AddOkAsync(shirt, 2)).Line(shirt).Id();
        app.Coupons.AddCoupon(shopId, "TREN200K", amountOff: 30_000m, minOrder: 200_000m);
        (await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "TREN200K"))).Succeeded();

        var payload = (await buyer.Client.MutateAsync(Operations.UpdateCartItem, new { input = new { itemId, quantity = 1 } })).Succeeded();

        var shop = payload.GetProperty("cart").Shop(shopId);
        var coupon = shop.GetProperty("coupon");
        Assert.Equal((false, "MIN_ORDER_NOT_MET"), (coupon.GetProperty("applicable").GetBoolean(), coupon.Text("reason")));
        Assert.False(string.IsNullOrEmpty(coupon.Text("message")));
        Assert.Equal((0m, 150_000m), (shop.Amount("discount"), shop.Amount("total")));
    }

    [Fact]
    public async Task Removing_a_coupon_or_the_shop_s_last_line_takes_the_coupon_off()
    {
        var buyer = app.NewBuyer();
        var shopId = Guid.CreateVersion7();
        var shirt = app.Product(100_000m, shopId: shopId);
        var itemId = (await buyer.AddOkAsync(shirt)).Line(shirt).Id();
        app.Coupons.AddCoupon(shopId, "TET", amountOff: 10_000m);
        (await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "TET"))).Succeeded();

        var removed = (await buyer.Client.MutateAsync(Operations.RemoveCoupon, new { input = new { shopId } })).Succeeded().GetProperty("cart");
        var again = await buyer.Client.MutateAsync(Operations.RemoveCoupon, new { input = new { shopId } });
        (await buyer.Client.MutateAsync(Operations.ApplyCoupon, Apply(shopId, "TET"))).Succeeded();
        (await buyer.Client.MutateAsync(Operations.RemoveCartItem, new { input = new { itemId } })).Succeeded();

        Assert.Equal(JsonValueKind.Null, removed.Shop(shopId).GetProperty("coupon").ValueKind);
        Assert.Equal(["COUPON_NOT_APPLIED"], again.UserErrorCodes());
        Assert.Equal(0, (await app.CountsAsync(buyer.Id)).Coupons);
    }
}
