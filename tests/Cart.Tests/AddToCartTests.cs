using System.Text.Json;
using GoShop.Cart.Domain;
using GoShop.Cart.Tests.Support;
using GoShop.Contracts.Catalog;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.Tests;

/// <summary>
/// addToCart: checked against the cart's copy of the product (catalog asked for what the copy cannot answer, and to settle
/// what it refuses), merged per product and variant, bounded, and safe when two arrive together.
/// </summary>
[Collection(CartCollection.Name)]
public sealed class AddToCartTests(CartApp app)
{
    [Fact]
    public async Task A_first_add_opens_the_cart_with_a_line_priced_and_labelled_from_catalog()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Catalog.AddProduct(Guid.CreateVersion7(), 199_000m, 20, "Áo thun cotton", salePrice: 149_000m);

        var payload = (await buyer.AddAsync(shirt, 2)).Succeeded();

        var cart = payload.GetProperty("cart");
        var line = payload.GetProperty("item");
        Assert.Equal(line.Id(), cart.Line(shirt).Id());
        Assert.Equal(("Áo thun cotton", 2, 149_000m, 298_000m, "AVAILABLE", 20),
            (line.Text("title"), line.GetProperty("quantity").GetInt32(), line.Amount("unitPrice"), line.Amount("lineTotal"), line.Text("availability"),
                line.GetProperty("available").GetInt32()));
        Assert.Equal(shirt.ShopId, line.GetProperty("shop").Id());
        Assert.False(line.GetProperty("priceChanged").GetBoolean());
        Assert.Equal((298_000m, 0m, 298_000m, 2), (cart.Amount("subtotal"), cart.Amount("discount"), cart.Amount("total"), cart.GetProperty("itemCount").GetInt32()));
        Assert.Equal("VND", cart.GetProperty("total").Text("currency"));
        Assert.Equal(cart.Id(), (await buyer.CartAsync()).Id());
    }

    [Fact]
    public async Task The_same_product_again_adds_to_its_line_and_each_variant_has_a_line_of_its_own()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(stock: 50);
        var red = app.Catalog.AddVariant(shirt.ProductId, 210_000m, 10, "Đỏ / XL");

        await buyer.AddOkAsync(shirt, 2);
        await buyer.AddOkAsync(red, 1);
        var cart = await buyer.AddOkAsync(shirt, 3);

        Assert.Equal(2, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(5, cart.Line(shirt).GetProperty("quantity").GetInt32());
        var variantLine = cart.Line(red);
        Assert.Equal(("Đỏ / XL", 210_000m), (variantLine.Text("variantTitle"), variantLine.Amount("unitPrice")));
        Assert.Single(cart.GetProperty("shops").EnumerateArray());
    }

    [Fact]
    public async Task Lines_are_grouped_by_shop_with_a_subtotal_each()
    {
        var buyer = app.NewBuyer();
        var (shopA, shopB) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var a1 = app.Product(100_000m, shopId: shopA);
        var b1 = app.Product(30_000m, shopId: shopB);
        var a2 = app.Product(50_000m, shopId: shopA);

        await buyer.AddOkAsync(a1);
        await buyer.AddOkAsync(b1, 3);
        var cart = await buyer.AddOkAsync(a2, 2);

        Assert.Equal([shopA, shopB], cart.GetProperty("shops").EnumerateArray().Select(s => s.GetProperty("shop").Id()));
        Assert.Equal(200_000m, cart.Shop(shopA).Amount("subtotal"));
        Assert.Equal(90_000m, cart.Shop(shopB).Amount("subtotal"));
        Assert.Equal(290_000m, cart.Amount("subtotal"));
    }

    [Fact]
    public async Task Refused_adds_answer_their_code_and_write_nothing()
    {
        var buyer = app.NewBuyer();
        var other = app.Product();
        var draft = app.Catalog.AddProduct(Guid.CreateVersion7(), 10_000m, 10, status: "DRAFT");
        var soldOut = app.Catalog.AddProduct(Guid.CreateVersion7(), 10_000m, 0, status: "OUT_OF_STOCK");
        var few = app.Product(stock: 3);
        var otherVariant = app.Catalog.AddVariant(other.ProductId, 20_000m, 5);
        var wrongVariant = new { productId = few.ProductId, variantId = otherVariant.VariantId, quantity = 1 };

        var refusals = new List<(object Input, string Code, string Field)>
        {
            (new { productId = Guid.CreateVersion7(), quantity = 1 }, "PRODUCT_NOT_FOUND", "productId"),
            (wrongVariant, "PRODUCT_NOT_FOUND", "variantId"),
            (new { productId = draft.ProductId, quantity = 1 }, "PRODUCT_UNAVAILABLE", "productId"),
            (new { productId = soldOut.ProductId, quantity = 1 }, "OUT_OF_STOCK", "quantity"),
            (new { productId = few.ProductId, quantity = 4 }, "OUT_OF_STOCK", "quantity"),
            (new { productId = few.ProductId, quantity = 0 }, "QUANTITY_OUT_OF_RANGE", "quantity"),
            (new { productId = few.ProductId, quantity = 1000 }, "QUANTITY_OUT_OF_RANGE", "quantity"),
        };
        foreach (var (input, code, field) in refusals)
        {
            var payload = await buyer.Client.MutateAsync(Operations.AddToCart, new { input });

            var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
            Assert.Equal((code, field), (error.Text("code"), error.GetProperty("field")[1].GetString()));
            Assert.Equal(JsonValueKind.Null, payload.GetProperty("cart").ValueKind);
        }
        Assert.Equal((0, 0, 0, 0), await app.CountsAsync(buyer.Id));
        Assert.Equal(JsonValueKind.Null, (await buyer.CartAsync()).ValueKind);
    }

    [Fact]
    public async Task Out_of_stock_says_how_many_are_available_counting_what_the_cart_holds()
    {
        var buyer = app.NewBuyer();
        var few = app.Product(stock: 5);
        await buyer.AddOkAsync(few, 4);

        var payload = await buyer.AddAsync(few, 2);

        Assert.Equal(["OUT_OF_STOCK"], payload.UserErrorCodes());
        Assert.Equal("Only 5 available. You already have 4 in your cart.", payload.GetProperty("userErrors")[0].Text("message"));
        Assert.Equal(4, (await buyer.CartAsync()).Line(few).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_line_may_not_grow_past_999_by_merging()
    {
        var buyer = app.NewBuyer();
        var plenty = app.Product(1_000m, stock: 5_000);
        await buyer.AddOkAsync(plenty, 990);

        var payload = await buyer.AddAsync(plenty, 10);

        Assert.Equal(["QUANTITY_OUT_OF_RANGE"], payload.UserErrorCodes());
        Assert.Equal(990, (await buyer.CartAsync()).Line(plenty).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_cart_of_200_lines_takes_no_new_product_but_still_merges()
    {
        var buyer = app.NewBuyer();
        var now = app.Clock.GetUtcNow();
        await app.InDatabaseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var cart = await db.LockOrOpenCartAsync(buyer.Id, now, CancellationToken.None);
            for (var i = 0; i < ShoppingCart.MaxLines - 1; i++)
                cart.Add(new ProductOffer(Guid.CreateVersion7(), null, Guid.CreateVersion7(), "ACTIVE", 10, 1_000m, "VND"), 1, QuantityOverflow.Refuse, now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        var last = app.Product();
        await buyer.AddOkAsync(last);

        var full = await buyer.AddAsync(app.Product());
        var merged = await buyer.AddAsync(last);

        Assert.Equal(["CART_FULL"], full.UserErrorCodes());
        Assert.Equal(2, merged.Succeeded().GetProperty("item").GetProperty("quantity").GetInt32());
        Assert.Equal(ShoppingCart.MaxLines, (await app.CountsAsync(buyer.Id)).Items);
    }

    [Fact]
    public async Task When_catalog_cannot_be_reached_the_buyer_is_told_to_try_again_and_nothing_is_written()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product();
        app.Catalog.Down = true;
        try
        {
            var payload = await buyer.AddAsync(shirt);

            Assert.Equal(["CATALOG_UNAVAILABLE"], payload.UserErrorCodes());
            Assert.Equal((0, 0, 0, 0), await app.CountsAsync(buyer.Id));
        }
        finally
        {
            app.Catalog.Down = false;
        }
    }

    [Fact]
    public async Task Twenty_adds_of_one_product_at_once_lose_no_quantity()
    {
        var buyer = app.NewBuyer();
        var popular = app.Product(stock: 1_000);

        var payloads = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => buyer.AddAsync(popular, 2)));

        Assert.All(payloads, p => p.Succeeded());
        var cart = await buyer.CartAsync();
        Assert.Equal(40, Assert.Single(cart.GetProperty("items").EnumerateArray()).GetProperty("quantity").GetInt32());
        Assert.Equal(1, (await app.CountsAsync(buyer.Id)).Carts);
    }

    [Fact]
    public async Task A_product_the_copy_knows_goes_in_without_asking_catalog_at_the_price_catalog_s_events_gave()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m, stock: 8);
        await buyer.AddOkAsync(shirt);
        await app.PublishAsync(new PriceChanged(shirt.ProductId, null, shirt.ShopId, "LIST_PRICE", 100_000m, 120_000m, 120_000m, "VND",
            app.Clock.GetUtcNow().AddMinutes(1)));
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(async db =>
            (await db.ProductCopies.AsNoTracking().SingleAsync(p => p.ProductId == shirt.ProductId)).Price == 120_000m), "the copy hears of the price");
        var callsBefore = app.Catalog.Calls;

        var cart = await buyer.AddOkAsync(shirt);

        Assert.Equal(callsBefore, app.Catalog.Calls);
        Assert.Equal((2, 120_000m), (cart.Line(shirt).GetProperty("quantity").GetInt32(), cart.Line(shirt).Amount("unitPrice")));
    }

    [Fact]
    public async Task A_product_the_copy_has_not_heard_of_is_asked_of_catalog_and_the_answer_kept()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m, stock: 8);
        var callsBefore = app.Catalog.Calls;

        await buyer.AddOkAsync(shirt);

        Assert.Equal(callsBefore + 1, app.Catalog.Calls);
        var copy = await app.InDatabaseAsync(db => db.ProductCopies.AsNoTracking().SingleAsync(p => p.ProductId == shirt.ProductId));
        Assert.Equal((100_000m, 8, "ACTIVE", shirt.ShopId), (copy.Price, copy.Available, copy.Status, copy.ShopId));
    }

    [Fact]
    public async Task What_the_copy_refuses_catalog_settles_so_a_stale_copy_never_keeps_a_product_out()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m, stock: 1);
        var other = app.NewBuyer();
        await other.AddOkAsync(shirt);
        app.Catalog.SetStock(shirt.ProductId, 5);

        var cart = await buyer.AddOkAsync(shirt, 3);
        var copy = await app.InDatabaseAsync(db => db.ProductCopies.AsNoTracking().SingleAsync(p => p.ProductId == shirt.ProductId));

        Assert.Equal(3, cart.Line(shirt).GetProperty("quantity").GetInt32());
        Assert.Equal(5, copy.Available);
    }

    [Fact]
    public async Task While_catalog_is_away_a_product_the_copy_knows_still_goes_in()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m, stock: 8);
        await buyer.AddOkAsync(shirt);
        app.Catalog.Down = true;
        try
        {
            var cart = await buyer.AddOkAsync(shirt, 2);

            Assert.Equal(3, cart.Line(shirt).GetProperty("quantity").GetInt32());
        }
        finally
        {
            app.Catalog.Down = false;
        }
    }

    [Fact]
    public async Task Someone_not_signed_in_cannot_touch_a_cart()
    {
        var anonymous = app.Client();

        var read = await anonymous.SendAsync(Operations.Cart);
        var add = await anonymous.SendAsync(Operations.AddToCart, new { input = new { productId = app.Product().ProductId, quantity = 1 } });

        Assert.Contains("UNAUTHENTICATED", read.ErrorCodes);
        Assert.Contains("UNAUTHENTICATED", add.ErrorCodes);
    }
}
