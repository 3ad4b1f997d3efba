using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>orderPreview: the fees placeOrder would charge, with problems flagged instead of failing the query.</summary>
public sealed class OrderPreviewTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task Items_that_cannot_be_bought_are_flagged_and_the_rest_is_still_priced()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller, price: 120_000m, quantity: 2);
        var scarce = app.PutInCart(buyer, seller, price: 80_000m, quantity: 4, stock: 1, title: "Đèn bàn");
        var archived = app.PutInCart(buyer, seller, price: 10_000m, title: "Hàng cũ");
        app.Catalog.SetStatus(archived.ProductId, "ARCHIVED");

        var preview = await PreviewAsync(buyer);

        Assert.False(preview.GetProperty("canPlace").GetBoolean());
        Assert.Equal(["OUT_OF_STOCK", "PRODUCT_UNAVAILABLE"], preview.Codes());
        var lines = preview.GetProperty("shops")[0].GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([null, "OUT_OF_STOCK", "PRODUCT_UNAVAILABLE"], lines.Select(l => l.GetProperty("issue").GetString()));
        Assert.Equal(1, lines.Single(l => l.GetProperty("product").Id() == scarce.ProductId).GetProperty("available").GetInt32());
        Assert.Equal(240_000m + 320_000m + 10_000m, preview.GetProperty("shops")[0].GetProperty("fees").GetProperty("subtotal").Amount());
    }

    [Fact]
    public async Task Shipping_is_what_the_shipping_subgraph_quotes_for_the_parcel_from_the_shop_to_the_address()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller, weightGrams: 700, quantity: 2);

        var shipping = (await PreviewAsync(buyer)).GetProperty("shops")[0].GetProperty("shipping");

        var (request, quote) = app.Shipping.Quotes.Last(q => q.Request.WeightGrams == 1_400);
        Assert.Equal((10.7769, 106.7009, 10.7626, 106.6602), (request.FromLatitude, request.FromLongitude, request.ToLatitude, request.ToLongitude));
        Assert.Equal(("STANDARD", false), (request.Method, request.CashOnDelivery));
        Assert.Equal(quote.Fee, shipping.GetProperty("fee").Amount());
        Assert.Equal((quote.DistanceKm, false), (shipping.GetProperty("distanceKm").GetDouble(), shipping.GetProperty("distanceAssumed").GetBoolean()));
        Assert.Equal(quote.Breakdown.Select(l => (l.Label, l.Amount)),
            shipping.GetProperty("breakdown").EnumerateArray().Select(l => (l.Text("label"), l.GetProperty("amount").Amount())));
    }

    [Fact]
    public async Task Cash_on_delivery_adds_shippings_surcharge_in_the_preview_exactly_as_placing_charges_it()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller, price: 150_000m, weightGrams: 900);

        var online = (await PreviewAsync(buyer)).GetProperty("shops")[0].GetProperty("fees");
        var cod = (await PreviewAsync(buyer, ("paymentMethod", "COD"))).GetProperty("shops")[0].GetProperty("fees");
        var placed = (await buyer.PlaceAsync("COD")).Succeeded().Get("checkout.orders")[0].GetProperty("fees");

        var (request, _) = app.Shipping.Quotes.Last(q => q.Request.WeightGrams == 900);
        Assert.Equal((true, 150_000m), (request.CashOnDelivery, request.GoodsValue));
        Assert.Equal(online.GetProperty("shippingFee").Amount() + app.Shipping.CodSurcharge, cod.GetProperty("shippingFee").Amount());
        Assert.Equal(cod.GetProperty("shippingFee").Amount(), placed.GetProperty("shippingFee").Amount());
        Assert.Equal(cod.GetProperty("total").Amount(), placed.GetProperty("total").Amount());
    }

    [Fact]
    public async Task An_address_without_a_point_is_sent_for_shipping_to_locate_and_the_preview_says_the_distance_was_assumed()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer(located: false);
        app.PutInCart(buyer, seller, weightGrams: 400);

        var shipping = (await PreviewAsync(buyer)).GetProperty("shops")[0].GetProperty("shipping");

        var (request, quote) = app.Shipping.Quotes.Last(q => q.Request.ToLatitude is null && q.Request.WeightGrams == 400);
        Assert.Equal(("Phường 2", "Quận 5", "TP. Hồ Chí Minh"), (request.Ward, request.District, request.City));
        Assert.True(shipping.GetProperty("distanceAssumed").GetBoolean());
        Assert.Equal(12.5, shipping.GetProperty("distanceKm").GetDouble());
        Assert.Equal(quote.Fee, shipping.GetProperty("fee").Amount());
        Assert.Contains(shipping.GetProperty("breakdown").EnumerateArray(), l => l.Text("label").Contains("assumed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_shipping_subgraph_is_a_SHIPPING_UNAVAILABLE_problem_of_the_preview()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller);

        app.Shipping.Down = true;
        try
        {
            var preview = await PreviewAsync(buyer);

            Assert.False(preview.GetProperty("canPlace").GetBoolean());
            Assert.Equal(["SHIPPING_UNAVAILABLE"], preview.Codes());
        }
        finally
        {
            app.Shipping.Down = false;
        }
    }

    [Fact]
    public async Task Previewing_holds_nothing_and_uses_no_coupon()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller, price: 200_000m);
        app.Coupons.AddCoupon(seller.ShopId, "XEM", percentOff: 5);
        var redemptions = app.Coupons.Redemptions;

        var preview = await PreviewAsync(buyer, ("couponCodes", new[] { "xem" }));

        Assert.Equal(10_000m, preview.GetProperty("fees").GetProperty("discount").Amount());
        Assert.Equal(["XEM"], preview.GetProperty("shops")[0].GetProperty("couponCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(10, app.Catalog.Available(product.ProductId));
        Assert.Equal(redemptions, app.Coupons.Redemptions);
    }

    [Fact]
    public async Task Two_coupons_for_one_shop_are_refused()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller);
        app.Coupons.AddCoupon(seller.ShopId, "ONE", amountOff: 1_000m);
        app.Coupons.AddCoupon(seller.ShopId, "TWO", amountOff: 2_000m);

        var preview = await PreviewAsync(buyer, ("couponCodes", new[] { "ONE", "TWO" }));

        Assert.Equal(["ONE_COUPON_PER_SHOP"], preview.Codes());
    }

    [Fact]
    public async Task A_cart_that_cannot_be_priced_at_all_answers_only_why()
    {
        var buyer = app.NewBuyer();

        var empty = await PreviewAsync(buyer);
        var elsewhere = (await buyer.Client.SendAsync(Operations.OrderPreview, new { input = new { addressId = Guid.NewGuid() } })).EnsureNoErrors().Get("orderPreview");

        Assert.Equal(["CART_EMPTY"], empty.Codes());
        Assert.Equal(0, empty.GetProperty("shops").GetArrayLength());
        Assert.Equal(0m, empty.GetProperty("fees").GetProperty("total").Amount());
        Assert.Equal(["ADDRESS_NOT_FOUND"], elsewhere.Codes());
    }

    [Fact]
    public async Task Previewing_needs_a_signed_in_buyer()
    {
        var response = await app.Client().SendAsync(Operations.OrderPreview, new { input = new { addressId = Guid.NewGuid() } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    private static async Task<System.Text.Json.JsonElement> PreviewAsync(BuyerWithAddress buyer, params (string Key, object? Value)[] extra)
    {
        var input = new Dictionary<string, object?> { ["addressId"] = buyer.Address.AddressId };
        foreach (var (key, value) in extra)
            input[key] = value;
        return (await buyer.Client.SendAsync(Operations.OrderPreview, new { input })).EnsureNoErrors().Get("orderPreview");
    }
}
