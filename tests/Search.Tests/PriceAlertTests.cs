using GoShop.Contracts.Catalog;
using GoShop.Contracts.Search;
using GoShop.Search.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Tests;

/// <summary>Price alerts: created with their rules, fired once when the price paid reaches the target or the product is back in stock.</summary>
public sealed class PriceAlertTests(SearchApp app) : IClassFixture<SearchApp>
{
    [Fact]
    public async Task A_price_drop_to_the_target_fires_the_alert_once()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Máy hút bụi " + Unique(), 2_000_000);
        var buyer = app.SignIn();
        var created = (await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 1_500_000 } })).Succeeded();
        var alertId = Guid.Parse(created.Get("priceAlert.id").GetString()!);
        Assert.Equal(("ACTIVE", 1_500_000m), (created.Get("priceAlert.status").GetString(), created.Get("priceAlert.targetPrice.amount").GetDecimal()));

        await PriceAsync(product, 1_800_000);
        Assert.Empty(await AlertsFiredAsync(alertId));
        await PriceAsync(product, 1_450_000);
        await PriceAsync(product, 1_400_000);

        var fired = await AlertsFiredAsync(alertId);
        Assert.Equal([(alertId, buyer.Id, 1_450_000m, PriceAlertReasons.PriceReached)], fired.Select(f => (f.AlertId, f.UserId, f.EffectivePrice, f.Reason)));
        var alerts = (await buyer.Client.SendAsync(Operations.Alerts)).EnsureNoErrors().Get("priceAlerts");
        Assert.Equal("TRIGGERED", alerts.Get("0.status").GetString());
    }

    [Fact]
    public async Task A_product_back_in_stock_at_the_target_fires_the_alert()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Nồi áp suất " + Unique(), 900_000, status: "OUT_OF_STOCK");
        var buyer = app.SignIn();
        var created = (await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 1_000_000 } })).Succeeded();
        var alertId = Guid.Parse(created.Get("priceAlert.id").GetString()!);

        await app.PublishAsync(new StockChanged(product.ProductId, null, shop.ShopId, "ADJUSTMENT", 5, 0, 5, "ACTIVE", app.Clock.GetUtcNow()));

        var fired = await Eventually.ReturnsAsync(() => AlertsFiredAsync(alertId), f => f.Count > 0, TimeSpan.FromSeconds(20));
        Assert.Equal(PriceAlertReasons.BackInStock, fired.Single().Reason);
    }

    [Fact]
    public async Task A_bad_alert_is_refused_with_its_code_and_nothing_is_saved()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Bàn ủi " + Unique(), 500_000);
        var buyer = app.SignIn();

        var zero = await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 0 } });
        var unknown = await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = Guid.NewGuid(), targetPrice = 100 } });
        var reached = await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 500_000 } });
        Assert.Equal(0, await app.InDatabaseAsync(db => db.PriceAlerts.CountAsync(a => a.UserId == buyer.Id)));
        (await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 400_000 } })).Succeeded();
        var twice = await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 300_000 } });
        var anonymous = await app.Anonymous().SendAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 300_000 } });

        Assert.Equal(["INVALID_TARGET_PRICE"], zero.UserErrorCodes());
        Assert.Equal(["input", "targetPrice"], zero.Get("userErrors.0.field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["PRODUCT_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(["TARGET_ALREADY_REACHED"], reached.UserErrorCodes());
        Assert.Equal(["PRICE_ALERT_EXISTS"], twice.UserErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(1, await app.InDatabaseAsync(db => db.PriceAlerts.CountAsync(a => a.UserId == buyer.Id)));
    }

    [Fact]
    public async Task Only_the_owner_deletes_an_alert()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Máy sấy tóc " + Unique(), 600_000);
        var buyer = app.SignIn();
        var alertId = (await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 450_000 } }))
            .Succeeded().Get("priceAlert.id").GetString();

        var stranger = await app.SignIn().Client.MutateAsync(Operations.DeleteAlert, new { input = new { alertId } });
        var owner = await buyer.Client.MutateAsync(Operations.DeleteAlert, new { input = new { alertId } });
        var again = await buyer.Client.MutateAsync(Operations.DeleteAlert, new { input = new { alertId } });

        Assert.Equal(["PRICE_ALERT_NOT_FOUND"], stranger.UserErrorCodes());
        Assert.Equal(alertId, owner.Succeeded().Get("deletedAlertId").GetString());
        Assert.Equal(["PRICE_ALERT_NOT_FOUND"], again.UserErrorCodes());
        Assert.Empty((await buyer.Client.SendAsync(Operations.Alerts)).EnsureNoErrors().Get("priceAlerts").EnumerateArray());
    }

    [Fact]
    public async Task A_buyer_keeps_at_most_a_hundred_active_alerts()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Máy lọc nước " + Unique(), 5_000_000);
        var buyer = app.SignIn();
        await app.InDatabaseAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < Domain.PriceAlert.MaxActivePerBuyer; i++)
            {
                var copy = Domain.ProductCopy.Create(Guid.CreateVersion7());
                copy.Apply(new ProductSnapshot(copy.Id, shop.ShopId, $"Lõi lọc {i}", null, null, null, null, [], "ACTIVE", 100_000, null, null, null, "VND", 100,
                    [], now, now), now);
                db.Products.Add(copy);
                db.PriceAlerts.Add(Domain.PriceAlert.Create(buyer.Id, copy, 50_000, now).Value!);
            }
            await db.SaveChangesAsync();
        });

        var refused = await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 4_000_000 } });

        Assert.Equal(["TOO_MANY_PRICE_ALERTS"], refused.UserErrorCodes());
        Assert.Equal(Domain.PriceAlert.MaxActivePerBuyer, await app.InDatabaseAsync(db => db.PriceAlerts.CountAsync(a => a.UserId == buyer.Id)));
    }

    private async Task PriceAsync(ProductSnapshot product, decimal price)
    {
        var messageId = Guid.NewGuid();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.PublishAsync(new PriceChanged(product.ProductId, null, product.ShopId, "LIST_PRICE", null, price, price, "VND", app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);
    }

    private async Task<IReadOnlyList<PriceAlertTriggered>> AlertsFiredAsync(Guid alertId) =>
        (await app.PublishedAsync<PriceAlertTriggered>()).Where(a => a.AlertId == alertId).ToList();

    private static string Unique() => "x" + Guid.NewGuid().ToString("N")[..8];
}
