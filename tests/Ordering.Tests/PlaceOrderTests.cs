using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shipping;
using GoShop.Contracts.Shops;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>placeOrder: one order per shop in one checkout, priced exactly as the preview, stock and coupons held all or nothing.</summary>
public sealed class PlaceOrderTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task A_two_shop_cart_becomes_two_orders_in_one_checkout_charged_what_the_preview_showed()
    {
        var buyer = app.NewBuyer();
        var shoes = app.OpenShop();
        var books = app.OpenShop();
        var sneaker = app.PutInCart(buyer, shoes, price: 450_000m, quantity: 2, weightGrams: 900, title: "Giày chạy bộ");
        var novel = app.PutInCart(buyer, books, price: 89_000m, quantity: 3, weightGrams: 300, title: "Tiểu thuyết");
        app.Coupons.AddCoupon(shoes.ShopId, "GIAY10", percentOff: 10);
        var input = buyer.PlaceInput("COD", ("couponCodes", new[] { "giay10" }));

        var preview = (await buyer.Client.SendAsync(Operations.OrderPreview, new { input })).EnsureNoErrors().Get("orderPreview");
        var placed = (await buyer.Client.MutateAsync(Operations.PlaceOrder, new { input })).Succeeded().GetProperty("checkout");

        Assert.True(preview.GetProperty("canPlace").GetBoolean());
        var orders = placed.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(2, orders.Count);
        Assert.Equal(new[] { shoes.ShopId, books.ShopId }.Order(), orders.Select(o => o.GetProperty("shop").Id()).Order());
        foreach (var shopPreview in preview.GetProperty("shops").EnumerateArray())
        {
            var order = orders.Single(o => o.GetProperty("shop").Id() == shopPreview.GetProperty("shop").Id());
            Assert.Equal(shopPreview.GetProperty("fees").GetRawText(), order.GetProperty("fees").GetRawText());
            Assert.Equal("PENDING", order.Text("status"));
        }
        Assert.Equal(preview.GetProperty("fees").GetRawText(), placed.GetProperty("fees").GetRawText());

        var shoeFees = orders.Single(o => o.GetProperty("shop").Id() == shoes.ShopId).GetProperty("fees");
        var shoeShipping = preview.GetProperty("shops").EnumerateArray().Single(s => s.GetProperty("shop").Id() == shoes.ShopId).GetProperty("shipping");
        // The shipping fee charged is exactly shipping's quote for the parcel (two pairs of 900 g), from the shop to the address.
        var shoeQuote = app.Shipping.Quotes.Last(q => q.Request.WeightGrams == 1_800).Answer;
        Assert.Equal(shoeQuote.Fee, shoeFees.GetProperty("shippingFee").Amount());
        Assert.Equal(shoeQuote.DistanceKm, shoeShipping.GetProperty("distanceKm").GetDouble());
        Assert.Equal(shoeQuote.Breakdown.Select(l => l.Label), shoeShipping.GetProperty("breakdown").EnumerateArray().Select(l => l.Text("label")));
        Assert.Equal(app.Shipping.Quotes.Last(q => q.Request.WeightGrams == 900).Answer.Fee,
            orders.Single(o => o.GetProperty("shop").Id() == books.ShopId).GetProperty("fees").GetProperty("shippingFee").Amount());
        Assert.Equal(900_000m, shoeFees.GetProperty("subtotal").Amount());
        Assert.Equal(90_000m, shoeFees.GetProperty("discount").Amount());
        Assert.Equal(81_000m, shoeFees.GetProperty("tax").Amount());
        Assert.Equal(900_000m - 90_000m + shoeFees.GetProperty("shippingFee").Amount() + 81_000m, shoeFees.GetProperty("total").Amount());
        Assert.Equal(["GIAY10"], orders.Single(o => o.GetProperty("shop").Id() == shoes.ShopId).GetProperty("couponCodes").EnumerateArray().Select(c => c.GetString()));
        var bookFees = orders.Single(o => o.GetProperty("shop").Id() == books.ShopId).GetProperty("fees");
        Assert.Equal((267_000m, 0m, 26_700m), (bookFees.GetProperty("subtotal").Amount(), bookFees.GetProperty("discount").Amount(), bookFees.GetProperty("tax").Amount()));

        // Stock is held under each order's id, the coupon used once, and each order announced in the outbox.
        Assert.All(orders, o => Assert.Equal(ReservationStatuses.Held, app.Catalog.ReservationStatus(o.Id())));
        Assert.Equal((8, 7), (app.Catalog.Available(sneaker.ProductId), app.Catalog.Available(novel.ProductId)));
        Assert.Equal(1, app.Coupons.RedemptionsOf(orders.Single(o => o.GetProperty("shop").Id() == shoes.ShopId).Id()));
        foreach (var order in orders)
        {
            var placedEvent = Assert.Single(await app.EventsAsync(typeof(OrderPlaced), order.Id()));
            var snapshot = placedEvent.GetProperty("order");
            Assert.Equal((placed.Id(), buyer.Id, "PENDING", "COD"), (snapshot.GetProperty("checkoutId").GetGuid(), snapshot.GetProperty("buyerId").GetGuid(), snapshot.Text("status"), snapshot.Text("paymentMethod")));
            Assert.Equal(order.GetProperty("fees").GetProperty("total").Amount(), snapshot.GetProperty("total").GetDecimal());
        }
    }

    [Fact]
    public async Task An_order_snapshots_the_lines_the_address_and_the_seller_at_placement()
    {
        var placed = await app.PlaceOrderAsync(quantity: 2);

        var order = await placed.Buyer.Buyer.OrderAsync(placed.OrderId);

        Assert.Matches("^GS-\\d{6}-[A-Z2-9]{6}$", order.Text("number"));
        Assert.Equal((placed.Seller.Seller.Id, placed.Seller.ShopId, placed.Buyer.Id), (order.GetProperty("seller").Id(), order.GetProperty("shop").Id(), order.GetProperty("buyer").Id()));
        var line = Assert.Single(order.GetProperty("lines").EnumerateArray());
        Assert.Equal((placed.Product.ProductId, placed.Product.Title, 2, 100_000m, 200_000m, "VND"),
            (line.GetProperty("product").Id(), line.Text("title"), line.GetProperty("quantity").GetInt32(), line.GetProperty("unitPrice").Amount(),
                line.GetProperty("lineTotal").Amount(), line.GetProperty("unitPrice").Text("currency")));
        Assert.Equal((placed.Buyer.Address.RecipientName, placed.Buyer.Address.City), (order.GetProperty("deliveryAddress").Text("recipientName"), order.GetProperty("deliveryAddress").Text("city")));
        var placement = Assert.Single(order.GetProperty("statusHistory").EnumerateArray());
        Assert.Equal((JsonValueKind.Null, "PENDING", "BUYER"), (placement.GetProperty("from").ValueKind, placement.Text("to"), placement.Text("actorRole")));
        Assert.Equal("PLACED", Assert.Single(order.GetProperty("timeline").EnumerateArray()).Text("kind"));
        Assert.Equal(1_000, order.GetProperty("weightGrams").GetInt32());
    }

    [Fact]
    public async Task Later_price_changes_do_not_touch_a_placed_order_but_placement_never_trusts_the_cart_s_price()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller, price: 200_000m);
        app.Catalog.SetPrice(product.ProductId, 200_000m, effectivePrice: 150_000m);

        var placed = (await buyer.PlaceAsync()).Succeeded().GetProperty("checkout").GetProperty("orders")[0];
        app.Catalog.SetPrice(product.ProductId, 300_000m);

        Assert.Equal(150_000m, placed.GetProperty("fees").GetProperty("subtotal").Amount());
        var order = await buyer.Buyer.OrderAsync(placed.Id());
        Assert.Equal(150_000m, order.GetProperty("lines")[0].GetProperty("unitPrice").Amount());
    }

    [Fact]
    public async Task An_online_payment_starts_the_order_waiting_for_payment_until_the_deadline()
    {
        var placed = await app.PlaceOrderAsync("E_WALLET");

        var order = await placed.Buyer.Buyer.OrderAsync(placed.OrderId);

        Assert.Equal(("PENDING_PAYMENT", "E_WALLET"), (order.Text("status"), order.Text("paymentMethod")));
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), order.GetProperty("paymentDueAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Only_the_chosen_cart_items_are_ordered()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var wanted = app.Catalog.AddProduct(seller.ShopId, 50_000m, 5);
        var other = app.Catalog.AddProduct(seller.ShopId, 70_000m, 5);
        var item = app.Carts.Add(buyer.Id, wanted.ProductId, seller.ShopId, 1);
        app.Carts.Add(buyer.Id, other.ProductId, seller.ShopId, 1);

        var payload = await buyer.PlaceAsync("COD", ("cartItemIds", new[] { item.ItemId }));

        var order = Assert.Single(payload.Succeeded().GetProperty("checkout").GetProperty("orders").EnumerateArray());
        Assert.Equal(50_000m, order.GetProperty("fees").GetProperty("subtotal").Amount());
        Assert.Equal(5, app.Catalog.Available(other.ProductId));
    }

    [Fact]
    public async Task The_coupons_applied_in_the_cart_are_used_when_no_codes_are_given()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller, price: 300_000m);
        app.Coupons.AddCoupon(seller.ShopId, "GIAM50K", amountOff: 50_000m);
        app.Carts.ApplyCoupon(buyer.Id, seller.ShopId, "GIAM50K");

        var order = (await buyer.PlaceAsync()).Succeeded().GetProperty("checkout").GetProperty("orders")[0];
        var withoutCoupons = await app.PlaceOrderAsync();

        Assert.Equal(50_000m, order.GetProperty("fees").GetProperty("discount").Amount());
        Assert.Equal(["GIAM50K"], order.GetProperty("couponCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, app.Coupons.RedemptionsOf(withoutCoupons.OrderId));
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_first_checkout_even_after_the_cart_changed()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller);
        var key = Guid.NewGuid().ToString();

        var first = (await buyer.PlaceAsync("CARD", ("idempotencyKey", key))).Succeeded().GetProperty("checkout");
        app.PutInCart(buyer, seller, price: 999_000m);
        var second = (await buyer.PlaceAsync("COD", ("idempotencyKey", key))).Succeeded().GetProperty("checkout");

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(1, await app.CheckoutCountAsync(buyer.Id));
        Assert.Equal(9, app.Catalog.Available(product.ProductId));
    }

    [Fact]
    public async Task Five_simultaneous_placements_with_one_key_make_one_checkout_and_hold_stock_once()
    {
        var seller = app.OpenShop();
        var other = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller, quantity: 2, stock: 2);
        var second = app.PutInCart(buyer, other, quantity: 1, stock: 1);
        var key = "retry-" + Guid.NewGuid().ToString("N");
        var heldBefore = app.Catalog.HeldReservations;

        var payloads = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => buyer.PlaceAsync("COD", ("idempotencyKey", key))));

        var checkouts = payloads.Select(p => p.Succeeded().GetProperty("checkout").Id()).Distinct().ToList();
        Assert.Single(checkouts);
        Assert.Equal(1, await app.CheckoutCountAsync(buyer.Id));
        Assert.Equal(2, await app.OrderCountAsync(buyer.Id));
        Assert.Equal(heldBefore + 2, app.Catalog.HeldReservations);
        Assert.Equal((0, 0), (app.Catalog.Available(product.ProductId), app.Catalog.Available(second.ProductId)));
    }

    [Fact]
    public async Task Placing_without_a_key_twice_makes_two_checkouts()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller);

        (await buyer.PlaceAsync()).Succeeded();
        (await buyer.PlaceAsync()).Succeeded();

        Assert.Equal(2, await app.CheckoutCountAsync(buyer.Id));
    }

    [Fact]
    public async Task Too_few_in_stock_names_the_product_and_how_many_are_left_and_holds_nothing()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller, title: "Nồi cơm điện", quantity: 5, stock: 3);
        var heldBefore = app.Catalog.HeldReservations;

        var payload = await buyer.PlaceAsync();

        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("OUT_OF_STOCK", error.Text("code"));
        Assert.Contains("Only 3 of 'Nồi cơm điện' left", error.Text("message"));
        await AssertNothingPlacedAsync(buyer, heldBefore);
    }

    [Fact]
    public async Task Stock_sold_between_pricing_and_reserving_releases_the_other_shops_and_uses_no_coupon()
    {
        var first = app.OpenShop();
        var second = app.OpenShop();
        var buyer = app.NewBuyer();
        var kept = app.PutInCart(buyer, first, quantity: 1, stock: 5);
        var scarce = app.PutInCart(buyer, second, title: "Bàn phím cơ", quantity: 2, stock: 2);
        app.Coupons.AddCoupon(first.ShopId, "FIRST", amountOff: 10_000m);
        var heldBefore = app.Catalog.HeldReservations;
        // Another buyer takes one keyboard after the lookup, before this placement reserves it.
        app.Reservations.Intercept = request =>
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/reservations", StringComparison.Ordinal))
                app.Catalog.SetStock(scarce.ProductId, 1);
            return Task.FromResult<HttpResponseMessage?>(null);
        };

        try
        {
            var payload = await buyer.PlaceAsync("COD", ("couponCodes", new[] { "FIRST" }));

            var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
            Assert.Equal("OUT_OF_STOCK", error.Text("code"));
            Assert.Contains("Only 1 of 'Bàn phím cơ' left; you asked for 2", error.Text("message"));
        }
        finally
        {
            app.Reservations.Intercept = null;
        }
        await AssertNothingPlacedAsync(buyer, heldBefore);
        Assert.Equal(5, app.Catalog.Available(kept.ProductId));
        Assert.Contains(ReservationStatuses.Released, app.Catalog.Reservations.Values);
    }

    [Fact]
    public async Task A_coupon_lost_at_redemption_gives_back_the_stock_and_the_coupons_already_used()
    {
        var first = app.OpenShop();
        var second = app.OpenShop();
        var buyer = app.NewBuyer();
        var a = app.PutInCart(buyer, first);
        var b = app.PutInCart(buyer, second);
        app.Coupons.AddCoupon(first.ShopId, "ALPHA", amountOff: 5_000m);
        app.Coupons.AddCoupon(second.ShopId, "BETA", amountOff: 5_000m);
        var redemptionsBefore = app.Coupons.Redemptions;
        var heldBefore = app.Catalog.HeldReservations;
        // BETA's last use goes to someone else between the quote and this redemption.
        app.CouponDesk.Intercept = async request =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/redemptions", StringComparison.Ordinal))
                return null;
            // Read as text (from the buffer), so the fake can still read the body after this look at it.
            var redemption = JsonSerializer.Deserialize<CouponRedemptionRequest>(await request.Content!.ReadAsStringAsync(), JsonSerializerOptions.Web);
            return redemption!.Code != "BETA" ? null : new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = JsonContent.Create(new CouponRedemption(false, null,
                    new CouponQuote(false, null, "BETA", "BETA", null, "USAGE_LIMIT_REACHED", "Coupon BETA has been used up."))),
            };
        };

        try
        {
            var payload = await buyer.PlaceAsync("COD", ("couponCodes", new[] { "ALPHA", "BETA" }));

            Assert.Equal(["USAGE_LIMIT_REACHED"], payload.Codes());
        }
        finally
        {
            app.CouponDesk.Intercept = null;
        }
        await AssertNothingPlacedAsync(buyer, heldBefore);
        Assert.Equal(redemptionsBefore, app.Coupons.Redemptions);
        Assert.Equal((10, 10), (app.Catalog.Available(a.ProductId), app.Catalog.Available(b.ProductId)));
    }

    [Fact]
    public async Task Shops_going_away_during_redemption_gives_everything_back_and_says_so()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller);
        app.Coupons.AddCoupon(seller.ShopId, "DOWN", amountOff: 5_000m);
        var heldBefore = app.Catalog.HeldReservations;
        app.CouponDesk.Intercept = request => Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/redemptions", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : null);

        try
        {
            var payload = await buyer.PlaceAsync("COD", ("couponCodes", new[] { "DOWN" }));

            Assert.Equal(["SHOPS_UNAVAILABLE"], payload.Codes());
        }
        finally
        {
            app.CouponDesk.Intercept = null;
        }
        await AssertNothingPlacedAsync(buyer, heldBefore);
        Assert.Equal(10, app.Catalog.Available(product.ProductId));
    }

    [Fact]
    public async Task A_code_that_applies_to_no_shop_of_the_order_is_refused_with_its_reason()
    {
        var seller = app.OpenShop();
        var other = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller, price: 100_000m);
        app.Coupons.AddCoupon(seller.ShopId, "BIG", amountOff: 20_000m, minOrder: 500_000m);
        app.Coupons.AddCoupon(other.ShopId, "ELSEWHERE", amountOff: 20_000m);
        var heldBefore = app.Catalog.HeldReservations;

        var tooSmall = await buyer.PlaceAsync("COD", ("couponCodes", new[] { "BIG" }));
        var otherShops = await buyer.PlaceAsync("COD", ("couponCodes", new[] { "ELSEWHERE" }));

        Assert.Equal(["MIN_ORDER_NOT_MET"], tooSmall.Codes());
        Assert.Equal(["COUPON_NOT_FOUND"], otherShops.Codes());
        Assert.Equal(["input", "couponCodes"], tooSmall.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        await AssertNothingPlacedAsync(buyer, heldBefore);
    }

    [Fact]
    public async Task Each_reason_a_cart_cannot_be_placed_has_its_code_and_holds_nothing()
    {
        var seller = app.OpenShop();
        var heldBefore = app.Catalog.HeldReservations;

        var stranger = app.NewBuyer();
        app.PutInCart(stranger, seller);
        var someoneElsesAddress = await stranger.Client.MutateAsync(Operations.PlaceOrder,
            new { input = new { addressId = app.NewBuyer().Address.AddressId, paymentMethod = "COD" } });

        var empty = await app.NewBuyer().PlaceAsync();

        var unknownItem = app.NewBuyer();
        app.PutInCart(unknownItem, seller);
        var notInCart = await unknownItem.PlaceAsync("COD", ("cartItemIds", new[] { Guid.NewGuid() }));

        var deleted = app.NewBuyer();
        var gone = app.PutInCart(deleted, seller);
        app.Catalog.Delete(gone.ProductId);
        var deletedProduct = await deleted.PlaceAsync();

        var draft = app.NewBuyer();
        var hidden = app.PutInCart(draft, seller, title: "Bản nháp");
        app.Catalog.SetStatus(hidden.ProductId, "DRAFT");
        var draftProduct = await draft.PlaceAsync();

        var suspended = app.OpenShop("SUSPENDED");
        var atSuspended = app.NewBuyer();
        app.PutInCart(atSuspended, suspended);
        var suspendedShop = await atSuspended.PlaceAsync();

        var noUnits = app.NewBuyer();
        app.PutInCart(noUnits, seller, quantity: 0);
        var zeroQuantity = await noUnits.PlaceAsync();

        var ownShop = new BuyerWithAddress(seller.Seller, app.Addresses.Add(seller.Seller.Id));
        app.PutInCart(ownShop, seller);
        var fromOwnShop = await ownShop.PlaceAsync();

        Assert.Equal(["ADDRESS_NOT_FOUND"], someoneElsesAddress.Codes());
        Assert.Equal(["CART_EMPTY"], empty.Codes());
        Assert.Equal(["CART_ITEM_NOT_FOUND"], notInCart.Codes());
        Assert.Equal(["PRODUCT_UNAVAILABLE"], deletedProduct.Codes());
        Assert.Equal(["PRODUCT_UNAVAILABLE"], draftProduct.Codes());
        Assert.Contains("'Bản nháp'", draftProduct.GetProperty("userErrors")[0].Text("message"));
        Assert.Equal(["SHOP_UNAVAILABLE"], suspendedShop.Codes());
        Assert.Equal(["QUANTITY_OUT_OF_RANGE"], zeroQuantity.Codes());
        Assert.Equal(["CANNOT_BUY_FROM_OWN_SHOP"], fromOwnShop.Codes());
        Assert.Equal(heldBefore, app.Catalog.HeldReservations);
        foreach (var buyerId in new[] { stranger.Id, unknownItem.Id, deleted.Id, draft.Id, atSuspended.Id, noUnits.Id, seller.Seller.Id })
            Assert.Equal(0, await app.CheckoutCountAsync(buyerId));
    }

    [Fact]
    public async Task An_unreachable_subgraph_is_a_user_error_naming_it_and_nothing_is_held()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller);
        var heldBefore = app.Catalog.HeldReservations;

        var codes = new List<IReadOnlyList<string>>();
        foreach (var fake in new GoShop.Testing.Fakes.FakeInternalService[] { app.Catalog, app.Addresses, app.Carts })
        {
            fake.Down = true;
            try
            {
                codes.Add((await buyer.PlaceAsync()).Codes());
            }
            finally
            {
                fake.Down = false;
            }
        }

        Assert.Equal([["CATALOG_UNAVAILABLE"], ["IDENTITY_UNAVAILABLE"], ["CART_UNAVAILABLE"]], codes);
        await AssertNothingPlacedAsync(buyer, heldBefore);
    }

    [Fact]
    public async Task An_unreachable_shipping_subgraph_is_SHIPPING_UNAVAILABLE_and_a_parcel_it_refuses_is_its_refusal_and_nothing_is_held()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller);
        var heldBefore = app.Catalog.HeldReservations;

        var unreachable = await PlaceWhileAsync(buyer, shipping => shipping.Down = true);
        var refused = await PlaceWhileAsync(buyer, shipping => shipping.Refusal = new ShippingQuoteRefusal("WEIGHT_OUT_OF_RANGE", "The weight must be at most 50000 g."));

        Assert.Equal(["SHIPPING_UNAVAILABLE"], unreachable);
        Assert.Equal(["WEIGHT_OUT_OF_RANGE"], refused);
        await AssertNothingPlacedAsync(buyer, heldBefore);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_touched()
    {
        var buyer = app.NewBuyer();
        var calls = app.Carts.Calls;

        var payload = await buyer.PlaceAsync("COD", ("idempotencyKey", new string('k', 101)), ("note", new string('n', 501)),
            ("couponCodes", new[] { " " }), ("cartItemIds", Array.Empty<Guid>()));

        Assert.Equal(["TOO_LONG", "INVALID_COUPON_CODE", "REQUIRED", "TOO_LONG"], payload.Codes());
        Assert.Equal(calls, app.Carts.Calls);
    }

    [Fact]
    public async Task Placing_needs_a_signed_in_buyer()
    {
        var response = await app.Client().SendAsync(Operations.PlaceOrder, new { input = new { addressId = Guid.NewGuid(), paymentMethod = "COD" } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    /// <summary>Places the buyer's cart while shipping's quotes are set up as <paramref name="setUp"/> says, then puts them back.</summary>
    private async Task<IReadOnlyList<string>> PlaceWhileAsync(BuyerWithAddress buyer, Action<GoShop.Testing.Fakes.FakeShippingQuotes> setUp)
    {
        setUp(app.Shipping);
        try
        {
            return (await buyer.PlaceAsync()).Codes();
        }
        finally
        {
            app.Shipping.Down = false;
            app.Shipping.Refusal = null;
        }
    }

    private async Task AssertNothingPlacedAsync(BuyerWithAddress buyer, int heldBefore)
    {
        Assert.Equal(0, await app.CheckoutCountAsync(buyer.Id));
        Assert.Equal(0, await app.OrderCountAsync(buyer.Id));
        Assert.Equal(heldBefore, app.Catalog.HeldReservations);
    }
}
