using System.Text.Json;
using GoShop.Cart.Tests.Support;
using GoShop.Contracts.Catalog;
using GoShop.Testing;

namespace GoShop.Cart.Tests;

/// <summary>updateCartItem, removeCartItem and clearCart.</summary>
[Collection(CartCollection.Name)]
public sealed class CartItemTests(CartApp app)
{
    private static object Update(Guid itemId, int quantity) => new { input = new { itemId, quantity } };

    [Fact]
    public async Task Raising_a_quantity_must_fit_the_offer_and_catalog_settles_what_the_copy_refuses()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(stock: 6);
        var itemId = (await buyer.AddOkAsync(shirt, 2)).Line(shirt).Id();
        var callsAfterFirstAdd = app.Catalog.Calls;

        var raised = (await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 6))).Succeeded();
        var callsAfterRaise = app.Catalog.Calls;
        var tooMany = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 7));
        app.Catalog.SetStock(shirt.ProductId, 9);
        var restocked = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 8));

        Assert.Equal(6, raised.GetProperty("item").GetProperty("quantity").GetInt32());
        Assert.Equal(callsAfterFirstAdd, callsAfterRaise);
        Assert.Equal(["OUT_OF_STOCK"], tooMany.UserErrorCodes());
        Assert.Equal("Only 6 available.", tooMany.GetProperty("userErrors")[0].Text("message"));
        // The copy still said 6: catalog, asked because the copy refused, knows of the new stock.
        Assert.Equal(8, restocked.Succeeded().GetProperty("item").GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task While_catalog_is_away_lowering_works_raising_within_the_copy_works_and_beyond_it_is_refused()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(stock: 6);
        var itemId = (await buyer.AddOkAsync(shirt, 2)).Line(shirt).Id();
        app.Catalog.Down = true;
        JsonElement lowered, raised, beyond;
        try
        {
            lowered = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 1));
            raised = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 3));
            beyond = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 7));
        }
        finally
        {
            app.Catalog.Down = false;
        }

        Assert.Equal(1, lowered.Succeeded().GetProperty("cart").Line(shirt).GetProperty("quantity").GetInt32());
        Assert.Equal(3, raised.Succeeded().GetProperty("cart").Line(shirt).GetProperty("quantity").GetInt32());
        Assert.Equal(["CATALOG_UNAVAILABLE"], beyond.UserErrorCodes());
        Assert.Equal(3, (await buyer.CartAsync()).Line(shirt).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_quantity_outside_1_to_999_or_an_item_of_someone_else_changes_nothing()
    {
        var buyer = app.NewBuyer();
        var stranger = app.NewBuyer();
        var shirt = app.Product();
        var itemId = (await buyer.AddOkAsync(shirt, 2)).Line(shirt).Id();

        var zero = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 0));
        var tooMany = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 1000));
        var unknown = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(Guid.CreateVersion7(), 1));
        var notTheirs = await stranger.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 1));
        var removeNotTheirs = await stranger.Client.MutateAsync(Operations.RemoveCartItem, new { input = new { itemId } });

        Assert.Equal(["QUANTITY_OUT_OF_RANGE"], zero.UserErrorCodes());
        Assert.Equal(["QUANTITY_OUT_OF_RANGE"], tooMany.UserErrorCodes());
        Assert.Equal(["CART_ITEM_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(["CART_ITEM_NOT_FOUND"], notTheirs.UserErrorCodes());
        Assert.Equal(["CART_ITEM_NOT_FOUND"], removeNotTheirs.UserErrorCodes());
        Assert.Equal(2, (await buyer.CartAsync()).Line(shirt).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Raising_a_line_whose_product_left_catalog_is_refused()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product();
        var itemId = (await buyer.AddOkAsync(shirt)).Line(shirt).Id();
        app.Catalog.Delete(shirt.ProductId);
        await app.PublishAsync(new ProductDeleted(shirt.ProductId, shirt.ShopId, app.Clock.GetUtcNow().AddMinutes(1)));
        await Eventually.HoldsAsync(async () => (await buyer.CartAsync()).Line(shirt).Text("availability") == "DELETED", "the copy hears of the deletion");

        var payload = await buyer.Client.MutateAsync(Operations.UpdateCartItem, Update(itemId, 2));

        Assert.Equal(["PRODUCT_NOT_FOUND"], payload.UserErrorCodes());
        Assert.Equal(1, (await buyer.CartAsync()).Line(shirt).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Removing_a_line_takes_it_out_and_a_second_time_finds_nothing()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m);
        var socks = app.Product(20_000m);
        await buyer.AddOkAsync(shirt);
        var itemId = (await buyer.AddOkAsync(socks, 2)).Line(socks).Id();

        var removed = (await buyer.Client.MutateAsync(Operations.RemoveCartItem, new { input = new { itemId } })).Succeeded();
        var again = await buyer.Client.MutateAsync(Operations.RemoveCartItem, new { input = new { itemId } });

        Assert.Equal([shirt.ProductId], removed.GetProperty("cart").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product").Id()));
        Assert.Equal(100_000m, removed.GetProperty("cart").Amount("total"));
        Assert.Equal(["CART_ITEM_NOT_FOUND"], again.UserErrorCodes());
    }

    [Fact]
    public async Task Clearing_empties_the_cart_or_one_shop_and_the_cart_stays()
    {
        var buyer = app.NewBuyer();
        var (shopA, shopB) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await buyer.AddOkAsync(app.Product(shopId: shopA));
        await buyer.AddOkAsync(app.Product(shopId: shopA));
        var fromB = app.Product(shopId: shopB);
        await buyer.AddOkAsync(fromB);

        var oneShop = (await buyer.Client.MutateAsync(Operations.ClearCart, new { input = new { shopId = shopA } })).Succeeded().GetProperty("cart");
        var all = (await buyer.Client.MutateAsync(Operations.ClearCart)).Succeeded().GetProperty("cart");
        var nobody = (await app.NewBuyer().Client.MutateAsync(Operations.ClearCart)).Succeeded();

        Assert.Equal([fromB.ProductId], oneShop.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product").Id()));
        Assert.Equal((0, 0m), (all.GetProperty("items").GetArrayLength(), all.Amount("total")));
        Assert.Equal(all.Id(), (await buyer.CartAsync()).Id());
        Assert.Equal(JsonValueKind.Null, nobody.GetProperty("cart").ValueKind);
    }
}
