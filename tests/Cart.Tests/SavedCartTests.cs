using GoShop.Cart.Domain;
using GoShop.Cart.Tests.Support;
using Microsoft.EntityFrameworkCore;
using GoShop.Contracts.Catalog;
using GoShop.Testing;

namespace GoShop.Cart.Tests;

/// <summary>saveCart, savedCarts, restoreCart and deleteSavedCart.</summary>
[Collection(CartCollection.Name)]
public sealed class SavedCartTests(CartApp app)
{
    private static object Named(string name) => new { input = new { name } };

    [Fact]
    public async Task Saving_copies_the_lines_with_their_titles_and_leaves_the_cart_as_it_is()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Catalog.AddProduct(Guid.CreateVersion7(), 100_000m, 10, "Áo dài lụa");
        var red = app.Catalog.AddVariant(shirt.ProductId, 120_000m, 10, "Đỏ / M");
        await buyer.AddOkAsync(shirt, 2);
        await buyer.AddOkAsync(red, 1);

        var saved = (await buyer.Client.MutateAsync(Operations.SaveCart, Named("  Đồ Tết  "))).Succeeded().GetProperty("savedCart");

        Assert.Equal(("Đồ Tết", 3), (saved.Text("name"), saved.GetProperty("itemCount").GetInt32()));
        var items = saved.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("Áo dài lụa", (string?)null, 2), ("Áo dài lụa", "Đỏ / M", 1)],
            items.Select(i => (i.Text("title"), i.GetProperty("variantTitle").GetString(), i.GetProperty("quantity").GetInt32())));
        Assert.Equal(red.VariantId, items[1].GetProperty("variant").Id());
        Assert.Equal(3, (await buyer.CartAsync()).GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task Saved_carts_are_listed_newest_first_and_only_to_their_owner()
    {
        var buyer = app.NewBuyer();
        await buyer.AddOkAsync(app.Product());
        await buyer.Client.MutateAsync(Operations.SaveCart, Named("Tuần 1"));
        await buyer.Client.MutateAsync(Operations.SaveCart, Named("Tuần 2"));

        var mine = (await buyer.Client.SendAsync(Operations.SavedCarts)).EnsureNoErrors().Get("savedCarts");
        var theirs = (await app.NewBuyer().Client.SendAsync(Operations.SavedCarts)).EnsureNoErrors().Get("savedCarts");

        Assert.Equal(["Tuần 2", "Tuần 1"], mine.EnumerateArray().Select(s => s.Text("name")));
        Assert.Equal(0, theirs.GetArrayLength());
    }

    [Fact]
    public async Task Bad_names_an_empty_cart_and_a_taken_name_save_nothing()
    {
        var buyer = app.NewBuyer();
        var emptyCart = await buyer.Client.MutateAsync(Operations.SaveCart, Named("Trống"));
        await buyer.AddOkAsync(app.Product());
        (await buyer.Client.MutateAsync(Operations.SaveCart, Named("Đồ Tết"))).Succeeded();

        var blank = await buyer.Client.MutateAsync(Operations.SaveCart, Named("   "));
        var tooLong = await buyer.Client.MutateAsync(Operations.SaveCart, Named(new string('a', SavedCart.MaxName + 1)));
        var taken = await buyer.Client.MutateAsync(Operations.SaveCart, Named("đồ tết"));

        Assert.Equal(["CART_EMPTY"], emptyCart.UserErrorCodes());
        Assert.Equal(["REQUIRED"], blank.UserErrorCodes());
        Assert.Equal(["TOO_LONG"], tooLong.UserErrorCodes());
        Assert.Equal(["SAVED_CART_NAME_TAKEN"], taken.UserErrorCodes());
        Assert.Equal(1, (await app.CountsAsync(buyer.Id)).SavedCarts);
    }

    [Fact]
    public async Task A_buyer_keeps_at_most_20_saved_carts()
    {
        var buyer = app.NewBuyer();
        await buyer.AddOkAsync(app.Product());
        for (var i = 1; i <= SavedCart.MaxPerUser; i++)
            (await buyer.Client.MutateAsync(Operations.SaveCart, Named($"Giỏ {i}"))).Succeeded();

        var refused = await buyer.Client.MutateAsync(Operations.SaveCart, Named("Giỏ 21"));

        Assert.Equal(["SAVED_CART_LIMIT_REACHED"], refused.UserErrorCodes());
        Assert.Equal(SavedCart.MaxPerUser, (await app.CountsAsync(buyer.Id)).SavedCarts);
    }

    [Fact]
    public async Task Restoring_merges_the_saved_lines_capped_at_999_and_reports_the_lines_that_cannot_go_back()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m, stock: 5_000, title: "Áo thun");
        var socks = app.Product(20_000m, stock: 10, title: "Tất");
        var gone = app.Product(50_000m, title: "Mũ");
        var scarce = app.Product(80_000m, stock: 10, title: "Khăn");
        await buyer.AddOkAsync(shirt, 600);
        await buyer.AddOkAsync(socks, 2);
        await buyer.AddOkAsync(gone);
        await buyer.AddOkAsync(scarce, 6);
        var savedCartId = (await buyer.Client.MutateAsync(Operations.SaveCart, Named("Mua lại"))).Succeeded().GetProperty("savedCart").Id();
        (await buyer.Client.MutateAsync(Operations.ClearCart, new { input = new { shopId = gone.ShopId } })).Succeeded();
        app.Catalog.Delete(gone.ProductId);
        await app.PublishAsync(new ProductDeleted(gone.ProductId, gone.ShopId, app.Clock.GetUtcNow().AddMinutes(1)));
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(async db =>
            (await db.ProductCopies.AsNoTracking().SingleAsync(p => p.ProductId == gone.ProductId)).IsDeleted), "the copy hears of the deletion");

        var payload = await buyer.Client.MutateAsync(Operations.RestoreCart, new { input = new { savedCartId } });

        Assert.Equal(2, payload.GetProperty("added").GetInt32());
        Assert.Equal(["PRODUCT_NOT_FOUND", "OUT_OF_STOCK"], payload.UserErrorCodes());
        Assert.StartsWith("Mũ: ", payload.GetProperty("userErrors")[0].Text("message"));
        var cart = payload.GetProperty("cart");
        Assert.Equal((999, 4, 6), (cart.Line(shirt).GetProperty("quantity").GetInt32(), cart.Line(socks).GetProperty("quantity").GetInt32(),
            cart.Line(scarce).GetProperty("quantity").GetInt32()));
        Assert.Equal(3, cart.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Restoring_while_catalog_is_away_takes_what_the_copy_knows_and_refuses_the_rest_changing_nothing()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product();
        var socks = app.Product();
        await buyer.AddOkAsync(shirt, 2);
        await buyer.AddOkAsync(socks, 1);
        var savedCartId = (await buyer.Client.MutateAsync(Operations.SaveCart, Named("Dự phòng"))).Succeeded().GetProperty("savedCart").Id();
        app.Catalog.Down = true;
        try
        {
            var known = await buyer.Client.MutateAsync(Operations.RestoreCart, new { input = new { savedCartId } });
            // A product the copy never heard of in full only catalog can answer for.
            await app.InDatabaseAsync(db => db.ProductCopies.Where(p => p.ProductId == socks.ProductId).ExecuteDeleteAsync());
            var unknown = await buyer.Client.MutateAsync(Operations.RestoreCart, new { input = new { savedCartId } });

            Assert.Equal(2, known.Succeeded().GetProperty("added").GetInt32());
            Assert.Equal(["CATALOG_UNAVAILABLE"], unknown.UserErrorCodes());
        }
        finally
        {
            app.Catalog.Down = false;
        }
        var cart = await buyer.CartAsync();
        Assert.Equal((4, 2), (cart.Line(shirt).GetProperty("quantity").GetInt32(), cart.Line(socks).GetProperty("quantity").GetInt32()));
    }

    [Fact]
    public async Task Someone_else_s_saved_cart_can_be_neither_restored_nor_deleted_and_the_owner_deletes_it_once()
    {
        var buyer = app.NewBuyer();
        var stranger = app.NewBuyer();
        await buyer.AddOkAsync(app.Product());
        var savedCartId = (await buyer.Client.MutateAsync(Operations.SaveCart, Named("Riêng"))).Succeeded().GetProperty("savedCart").Id();

        var restoreTheirs = await stranger.Client.MutateAsync(Operations.RestoreCart, new { input = new { savedCartId } });
        var deleteTheirs = await stranger.Client.MutateAsync(Operations.DeleteSavedCart, new { input = new { savedCartId } });
        var deleted = (await buyer.Client.MutateAsync(Operations.DeleteSavedCart, new { input = new { savedCartId } })).Succeeded();
        var again = await buyer.Client.MutateAsync(Operations.DeleteSavedCart, new { input = new { savedCartId } });

        var strangers = await app.CountsAsync(stranger.Id);
        Assert.Equal(["SAVED_CART_NOT_FOUND"], restoreTheirs.UserErrorCodes());
        Assert.Equal((0, 0), (strangers.Carts, strangers.Items));
        Assert.Equal(["SAVED_CART_NOT_FOUND"], deleteTheirs.UserErrorCodes());
        Assert.Equal(savedCartId, Guid.Parse(deleted.Text("deletedSavedCartId")));
        Assert.Equal(["SAVED_CART_NOT_FOUND"], again.UserErrorCodes());
        Assert.Equal(0, (await app.CountsAsync(buyer.Id)).SavedCarts);
    }
}
