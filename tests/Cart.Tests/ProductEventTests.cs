using System.Text.Json;
using GoShop.Cart.Tests.Support;
using GoShop.Contracts.Catalog;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.Tests;

/// <summary>
/// The product read model follows catalog's events, delivered through RabbitMQ: carts show new prices and titles, and
/// flag lines whose product went out of stock, off sale or away, without dropping them.
/// </summary>
[Collection(CartCollection.Name)]
public sealed class ProductEventTests(CartApp app)
{
    private static ProductSnapshot Snapshot(ProductSummary product, string title, string status = "ACTIVE", decimal? price = null,
        decimal? salePrice = null, DateTimeOffset? saleStartsAt = null, DateTimeOffset? saleEndsAt = null, IReadOnlyList<Guid>? media = null) =>
        new(product.ProductId, product.ShopId, title, null, null, null, null, [], status, price ?? product.Price, salePrice, saleStartsAt, saleEndsAt,
            "VND", product.WeightGrams, media ?? [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    private DateTimeOffset Later()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return app.Clock.GetUtcNow();
    }

    private static Task UntilLineAsync(Buyer buyer, ProductSummary product, Func<JsonElement, bool> condition, string what) =>
        Eventually.HoldsAsync(async () => condition((await buyer.CartAsync()).Line(product)), what);

    [Fact]
    public async Task A_price_change_shows_in_the_cart_with_the_price_the_buyer_added_at()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m);
        await buyer.AddOkAsync(shirt, 2);

        await app.PublishAsync(new PriceChanged(shirt.ProductId, null, shirt.ShopId, "LIST_PRICE", 100_000m, 120_000m, 120_000m, "VND", Later()));
        await UntilLineAsync(buyer, shirt, line => line.Amount("unitPrice") == 120_000m, "the new price shows");

        var cart = await buyer.CartAsync();
        var line = cart.Line(shirt);
        Assert.True(line.GetProperty("priceChanged").GetBoolean());
        Assert.Equal((100_000m, 240_000m, 240_000m), (line.Amount("addedAtPrice"), line.Amount("lineTotal"), cart.Amount("total")));
    }

    [Fact]
    public async Task A_product_update_renames_the_line_and_a_running_sale_prices_it_until_the_sale_ends()
    {
        var buyer = app.NewBuyer();
        var shoes = app.Product(500_000m);
        await buyer.AddOkAsync(shoes);
        var at = Later();
        var picture = Guid.CreateVersion7();

        await app.PublishAsync(new ProductUpdated(Snapshot(shoes, "Giày chạy bộ 2026", salePrice: 400_000m, saleStartsAt: at, saleEndsAt: at.AddHours(1),
            media: [picture, Guid.CreateVersion7()]), at));
        await UntilLineAsync(buyer, shoes, line => line.Text("title") == "Giày chạy bộ 2026", "the update applies");

        var during = (await buyer.CartAsync()).Line(shoes);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var after = (await buyer.CartAsync()).Line(shoes);
        Assert.Equal((400_000m, picture), (during.Amount("unitPrice"), during.GetProperty("image").Id()));
        Assert.Equal(500_000m, after.Amount("unitPrice"));
    }

    [Fact]
    public async Task Stock_changes_flag_a_line_and_clear_the_flag_and_flagged_lines_leave_the_totals()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m, stock: 10);
        var socks = app.Product(20_000m, stock: 10);
        await buyer.AddOkAsync(shirt, 3);
        await buyer.AddOkAsync(socks);

        StockChanged Stock(int available, string status = "ACTIVE") =>
            new(shirt.ProductId, null, shirt.ShopId, "RESERVATION", available, 0, available, status, Later());

        await app.PublishAsync(Stock(2));
        await UntilLineAsync(buyer, shirt, line => line.Text("availability") == "INSUFFICIENT_STOCK", "the line is short of stock");
        var insufficient = await buyer.CartAsync();
        await app.PublishAsync(Stock(0, "OUT_OF_STOCK"));
        await UntilLineAsync(buyer, shirt, line => line.Text("availability") == "OUT_OF_STOCK", "the line is out of stock");
        await app.PublishAsync(Stock(5));
        await UntilLineAsync(buyer, shirt, line => line.Text("availability") == "AVAILABLE", "the line is available again");

        Assert.Equal((2, 20_000m, 20_000m), (insufficient.Line(shirt).GetProperty("available").GetInt32(), insufficient.Amount("subtotal"),
            insufficient.Shop(shirt.ShopId).Amount("subtotal") + insufficient.Shop(socks.ShopId).Amount("subtotal")));
        Assert.Equal(4, insufficient.GetProperty("itemCount").GetInt32());
        Assert.Equal(320_000m, (await buyer.CartAsync()).Amount("total"));
    }

    [Fact]
    public async Task A_deleted_product_stays_in_the_cart_flagged_and_its_row_is_kept()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m);
        await buyer.AddOkAsync(shirt, 2);

        await app.PublishAsync(new ProductDeleted(shirt.ProductId, shirt.ShopId, Later()));
        await UntilLineAsync(buyer, shirt, line => line.Text("availability") == "DELETED", "the line is flagged deleted");
        // Anything catalog published before the deletion and delivered after it brings nothing back.
        await app.PublishAsync(new ProductUpdated(Snapshot(shirt, "Áo thun"), app.Clock.GetUtcNow().AddSeconds(-30)));
        await Task.Delay(500);

        var cart = await buyer.CartAsync();
        var line = cart.Line(shirt);
        Assert.Equal(("DELETED", 0, 2), (line.Text("availability"), line.GetProperty("available").GetInt32(), line.GetProperty("quantity").GetInt32()));
        Assert.Equal((0m, 200_000m), (cart.Amount("total"), line.Amount("lineTotal")));
        Assert.NotNull(await app.InDatabaseAsync(db => db.ProductCopies.AsNoTracking().SingleAsync(p => p.ProductId == shirt.ProductId)));
    }

    [Fact]
    public async Task A_product_taken_off_sale_is_flagged_unavailable()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product();
        await buyer.AddOkAsync(shirt);

        await app.PublishAsync(new ProductUpdated(Snapshot(shirt, shirt.Title, status: "ARCHIVED"), Later()));

        await UntilLineAsync(buyer, shirt, line => line.Text("availability") == "UNAVAILABLE", "the line is flagged unavailable");
    }

    [Fact]
    public async Task An_older_event_arriving_late_changes_nothing()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m);
        await buyer.AddOkAsync(shirt);
        var at = Later();

        await app.PublishAsync(new PriceChanged(shirt.ProductId, null, shirt.ShopId, "LIST_PRICE", 100_000m, 130_000m, 130_000m, "VND", at));
        await UntilLineAsync(buyer, shirt, line => line.Amount("unitPrice") == 130_000m, "the newer price shows");
        await app.PublishAsync(new PriceChanged(shirt.ProductId, null, shirt.ShopId, "LIST_PRICE", 100_000m, 110_000m, 110_000m, "VND", at.AddSeconds(-20)));
        await Task.Delay(500);

        Assert.Equal(130_000m, (await buyer.CartAsync()).Line(shirt).Amount("unitPrice"));
    }

    [Fact]
    public async Task A_variant_s_price_and_stock_move_only_its_own_line()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m);
        var red = app.Catalog.AddVariant(shirt.ProductId, 110_000m, 10, "Đỏ");
        var blue = app.Catalog.AddVariant(shirt.ProductId, 110_000m, 10, "Xanh");
        await buyer.AddOkAsync(red, 2);
        await buyer.AddOkAsync(blue, 2);

        await app.PublishAsync(new PriceChanged(shirt.ProductId, red.VariantId, shirt.ShopId, "LIST_PRICE", 110_000m, 90_000m, 90_000m, "VND", Later()));
        await app.PublishAsync(new StockChanged(shirt.ProductId, blue.VariantId, shirt.ShopId, "SALE", 1, 0, 1, "ACTIVE", Later()));
        await UntilLineAsync(buyer, red, line => line.Amount("unitPrice") == 90_000m, "the red variant's price shows");
        await UntilLineAsync(buyer, blue, line => line.Text("availability") == "INSUFFICIENT_STOCK", "the blue variant is short");

        var cart = await buyer.CartAsync();
        Assert.Equal(("AVAILABLE", 110_000m), (cart.Line(red).Text("availability"), cart.Line(blue).Amount("unitPrice")));
        Assert.Equal(180_000m, cart.Amount("total"));
    }
}
