using GoShop.Cart.Domain;

namespace GoShop.Cart.Tests.Domain;

/// <summary>The cart aggregate's rules, without a database: merging, bounds, coupons per shop, taking out an order.</summary>
public sealed class ShoppingCartTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ProductOffer Offer(int available = 100, decimal price = 50_000m, Guid? shopId = null, Guid? productId = null, Guid? variantId = null,
        string status = ProductStatuses.Active) =>
        new(productId ?? Guid.CreateVersion7(), variantId, shopId ?? Guid.CreateVersion7(), status, available, price, "VND");

    private static ShoppingCart NewCart() => ShoppingCart.Open(Guid.CreateVersion7(), Now);

    [Fact]
    public void Adding_the_same_product_again_merges_into_its_line_at_the_latest_price()
    {
        var cart = NewCart();
        var offer = Offer(price: 50_000m);

        var first = cart.Add(offer, 2, QuantityOverflow.Refuse, Now);
        var second = cart.Add(offer with { UnitPrice = 45_000m }, 3, QuantityOverflow.Refuse, Now.AddMinutes(5));

        Assert.True(first.Succeeded && second.Succeeded);
        var line = Assert.Single(cart.Items);
        Assert.Equal((5, 45_000m), (line.Quantity, line.AddedAtPrice));
        Assert.Same(first.Value, second.Value);
    }

    [Fact]
    public void Each_variant_of_a_product_is_a_line_of_its_own()
    {
        var cart = NewCart();
        var product = Offer();
        var variant = product with { VariantId = Guid.CreateVersion7() };

        cart.Add(product, 1, QuantityOverflow.Refuse, Now);
        cart.Add(variant, 1, QuantityOverflow.Refuse, Now);
        cart.Add(variant with { VariantId = Guid.CreateVersion7() }, 1, QuantityOverflow.Refuse, Now);

        Assert.Equal(3, cart.Items.Count);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(1000, 0)]
    [InlineData(10, 990)]
    public void A_line_holds_1_to_999_after_merging(int quantity, int alreadyThere)
    {
        var cart = NewCart();
        var offer = Offer(available: 5000);
        if (alreadyThere > 0)
            cart.Add(offer, alreadyThere, QuantityOverflow.Refuse, Now);

        var added = cart.Add(offer, quantity, QuantityOverflow.Refuse, Now);

        Assert.Equal("QUANTITY_OUT_OF_RANGE", added.Error?.Code);
        Assert.Equal(alreadyThere, cart.Items.Sum(i => i.Quantity));
    }

    [Fact]
    public void Restoring_fills_a_line_up_to_999_instead_of_refusing()
    {
        var cart = NewCart();
        var offer = Offer(available: 5000);
        cart.Add(offer, 995, QuantityOverflow.Refuse, Now);

        var added = cart.Add(offer, 10, QuantityOverflow.Cap, Now);

        Assert.Equal(999, added.Value!.Quantity);
    }

    [Fact]
    public void Asking_for_more_than_is_available_is_out_of_stock_and_counts_what_the_cart_holds()
    {
        var cart = NewCart();
        var offer = Offer(available: 5);
        cart.Add(offer, 3, QuantityOverflow.Refuse, Now);

        var refused = cart.Add(offer, 3, QuantityOverflow.Refuse, Now);

        Assert.Equal("OUT_OF_STOCK", refused.Error?.Code);
        Assert.Equal("Only 5 available. You already have 3 in your cart.", refused.Error?.Message);
        Assert.Equal(3, cart.Items.Single().Quantity);
    }

    [Theory]
    [InlineData("DRAFT", "PRODUCT_UNAVAILABLE")]
    [InlineData("ARCHIVED", "PRODUCT_UNAVAILABLE")]
    [InlineData("OUT_OF_STOCK", "OUT_OF_STOCK")]
    public void Only_active_products_go_in_a_cart(string status, string code)
    {
        var cart = NewCart();

        var refused = cart.Add(Offer(status: status), 1, QuantityOverflow.Refuse, Now);

        Assert.Equal(code, refused.Error?.Code);
        Assert.True(cart.IsEmpty);
    }

    [Fact]
    public void A_full_cart_refuses_a_new_line_but_still_merges_into_an_existing_one()
    {
        var cart = NewCart();
        var offers = Enumerable.Range(0, ShoppingCart.MaxLines).Select(_ => Offer()).ToList();
        foreach (var offer in offers)
            Assert.True(cart.Add(offer, 1, QuantityOverflow.Refuse, Now).Succeeded);

        var refused = cart.Add(Offer(), 1, QuantityOverflow.Refuse, Now);
        var merged = cart.Add(offers[0], 1, QuantityOverflow.Refuse, Now);

        Assert.Equal("CART_FULL", refused.Error?.Code);
        Assert.Equal(2, merged.Value!.Quantity);
        Assert.Equal(ShoppingCart.MaxLines, cart.Items.Count);
    }

    [Fact]
    public void Raising_a_quantity_needs_enough_stock_but_lowering_it_needs_no_offer()
    {
        var cart = NewCart();
        var offer = Offer(available: 4);
        var line = cart.Add(offer, 3, QuantityOverflow.Refuse, Now).Value!;

        var tooMany = cart.ChangeQuantity(line, 5, offer, Now);
        var lowered = cart.ChangeQuantity(line, 1, offer: null, Now);
        var zero = cart.ChangeQuantity(line, 0, offer: null, Now);

        Assert.Equal("OUT_OF_STOCK", tooMany.Error?.Code);
        Assert.True(lowered.Succeeded);
        Assert.Equal("QUANTITY_OUT_OF_RANGE", zero.Error?.Code);
        Assert.Equal(1, line.Quantity);
    }

    [Fact]
    public void A_coupon_needs_lines_from_its_shop_and_goes_with_the_shop_s_last_line()
    {
        var cart = NewCart();
        var shopId = Guid.CreateVersion7();
        var first = cart.Add(Offer(shopId: shopId), 1, QuantityOverflow.Refuse, Now).Value!;
        var second = cart.Add(Offer(shopId: shopId), 1, QuantityOverflow.Refuse, Now).Value!;

        var elsewhere = cart.ApplyCoupon(Guid.CreateVersion7(), "TET", Now);
        cart.ApplyCoupon(shopId, "TET", Now);
        cart.ApplyCoupon(shopId, "SALE10", Now);
        cart.Remove(first.Id, Now);
        var kept = cart.CouponOf(shopId)?.Code;
        cart.Remove(second.Id, Now);

        Assert.Equal("SHOP_NOT_IN_CART", elsewhere.Error?.Code);
        Assert.Equal("SALE10", kept);
        Assert.Empty(cart.Coupons);
    }

    [Fact]
    public void Clearing_one_shop_keeps_the_other_shops_lines_and_coupons()
    {
        var cart = NewCart();
        var (shopA, shopB) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        cart.Add(Offer(shopId: shopA), 1, QuantityOverflow.Refuse, Now);
        cart.Add(Offer(shopId: shopB), 2, QuantityOverflow.Refuse, Now);
        cart.ApplyCoupon(shopA, "A", Now);
        cart.ApplyCoupon(shopB, "B", Now);

        var removed = cart.Clear(shopA, Now);

        Assert.Equal(1, removed);
        Assert.Equal(shopB, Assert.Single(cart.Items).ShopId);
        Assert.Equal("B", Assert.Single(cart.Coupons).Code);
        Assert.Equal("COUPON_NOT_APPLIED", cart.RemoveCoupon(shopA, Now).Error?.Code);
    }

    [Fact]
    public void An_order_takes_out_what_it_bought_and_the_coupon_it_used()
    {
        var cart = NewCart();
        var shopId = Guid.CreateVersion7();
        var shirt = Offer(shopId: shopId);
        var socks = Offer(shopId: shopId);
        var hat = Offer(shopId: shopId);
        cart.Add(shirt, 3, QuantityOverflow.Refuse, Now);
        cart.Add(socks, 2, QuantityOverflow.Refuse, Now);
        cart.Add(hat, 1, QuantityOverflow.Refuse, Now);
        cart.ApplyCoupon(shopId, "tet2026", Now);
        var version = cart.Version;

        var changed = cart.TakeOutOrdered(shopId,
            [new OrderedLine(shirt.ProductId, null, 1), new OrderedLine(socks.ProductId, null, 5), new OrderedLine(Guid.CreateVersion7(), null, 1)],
            ["TET2026"], Now);

        Assert.True(changed);
        Assert.Equal([(shirt.ProductId, 2), (hat.ProductId, 1)], cart.Items.Select(i => (i.ProductId, i.Quantity)));
        Assert.Empty(cart.Coupons);
        Assert.Equal(version + 1, cart.Version);
    }

    [Fact]
    public void An_order_that_used_no_coupon_leaves_the_shop_s_coupon_while_lines_remain()
    {
        var cart = NewCart();
        var shopId = Guid.CreateVersion7();
        var shirt = Offer(shopId: shopId);
        cart.Add(shirt, 1, QuantityOverflow.Refuse, Now);
        cart.Add(Offer(shopId: shopId), 1, QuantityOverflow.Refuse, Now);
        cart.ApplyCoupon(shopId, "TET", Now);

        cart.TakeOutOrdered(shopId, [new OrderedLine(shirt.ProductId, null, 1)], [], Now);

        Assert.Equal("TET", Assert.Single(cart.Coupons).Code);
    }

    [Fact]
    public void Every_change_moves_the_version_and_a_refused_one_does_not()
    {
        var cart = NewCart();
        var offer = Offer(available: 2);
        cart.EnsureOpened(Now);
        var opened = cart.Version;

        cart.Add(offer, 1, QuantityOverflow.Refuse, Now);
        var added = cart.Version;
        cart.Add(offer, 5, QuantityOverflow.Refuse, Now);
        cart.EnsureOpened(Now);

        Assert.Equal((1L, 2L, 2L), (opened, added, cart.Version));
    }
}
