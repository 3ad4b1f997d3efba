using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>
/// Buyer protection: a paid order's money is HELD until the buyer confirms receipt (or the release time after delivery
/// passes), then RELEASED to the shop's balance less commission; a dispute freezes it.
/// </summary>
public sealed class EscrowTests(PaymentsApp app) : IClassFixture<PaymentsApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Confirming_receipt_of_a_delivered_order_releases_its_money_to_the_shop_less_commission()
    {
        var paid = await app.PaidAsync(total: 200_000m);
        await app.DeliverAsync(paid);

        var payload = (await ConfirmAsync(paid.Buyer, paid.Order.OrderId)).Succeeded();

        var escrow = payload.GetProperty("escrow");
        Assert.Equal(("RELEASED", 10_000m), (escrow.Text("status"), escrow.GetProperty("commission").Amount()));
        var released = (await app.EventsAsync(typeof(EscrowReleased))).Single(e => e.GetProperty("orderId").GetGuid() == paid.Order.OrderId);
        Assert.Equal((200_000m, 10_000m, "CONFIRMED_BY_BUYER"), (released.GetProperty("amount").GetDecimal(), released.GetProperty("commission").GetDecimal(), released.Text("reason")));
        var balance = await BalanceAsync(app.Admin(), paid.Order.ShopId);
        Assert.Equal((190_000m, 0m), (balance.GetProperty("available").Amount(), balance.GetProperty("held").Amount()));
        Assert.Equal(["COMMISSION", "ESCROW_RELEASE"], balance.GetProperty("entries").EnumerateArray().Select(e => e.Text("kind")).Order());
    }

    [Fact]
    public async Task Receipt_cannot_be_confirmed_before_delivery_by_anyone_else_or_twice()
    {
        var paid = await app.PaidAsync();

        Assert.Equal(["ORDER_NOT_DELIVERED"], (await ConfirmAsync(paid.Buyer, paid.Order.OrderId)).Codes());
        await app.DeliverAsync(paid);
        Assert.Equal(["ESCROW_NOT_FOUND"], (await ConfirmAsync(app.SignIn(), paid.Order.OrderId)).Codes());
        Assert.Equal(["ESCROW_NOT_FOUND"], (await ConfirmAsync(paid.Buyer, Guid.NewGuid())).Codes());
        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        (await ConfirmAsync(paid.Buyer, paid.Order.OrderId)).Succeeded();
        Assert.Equal(["ESCROW_NOT_HELD"], (await ConfirmAsync(paid.Buyer, paid.Order.OrderId)).Codes());
        Assert.Equal(2, await app.InDatabaseAsync(db => db.ShopLedger.CountAsync(e => e.OrderId == paid.Order.OrderId)));
    }

    [Fact]
    public async Task The_sweeper_releases_the_money_the_configured_days_after_delivery()
    {
        var paid = await app.PaidAsync();
        await app.DeliverAsync(paid);

        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await app.SweepAsync();
        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.SweepAsync();
        await app.SweepAsync();

        var escrow = await app.EscrowAsync(paid.Order.OrderId);
        Assert.Equal((EscrowStatus.Released, "RELEASE_TIME_REACHED"), (escrow!.Status, escrow.ReleaseReason));
        Assert.Single(await app.EventsAsync(typeof(EscrowReleased)), e => e.GetProperty("orderId").GetGuid() == paid.Order.OrderId);
    }

    [Fact]
    public async Task An_open_dispute_freezes_the_money_so_the_sweeper_leaves_it()
    {
        var paid = await app.PaidAsync();
        await app.DeliverAsync(paid);

        var payload = (await paid.Buyer.OpenDisputeAsync(paid.Order.OrderId, "Hộp bị móp, thiếu phụ kiện")).Succeeded();
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.SweepAsync();

        Assert.Equal(("OPEN", "BUYER", "FROZEN"), (payload.GetProperty("dispute").Text("status"), payload.GetProperty("dispute").Text("source"),
            payload.GetProperty("escrow").Text("status")));
        Assert.Equal(EscrowStatus.Frozen, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        Assert.Equal(["DISPUTE_ALREADY_OPEN"], (await paid.Buyer.OpenDisputeAsync(paid.Order.OrderId, "again")).Codes());
        Assert.Equal(["ESCROW_NOT_HELD"], (await ConfirmAsync(paid.Buyer, paid.Order.OrderId)).Codes());
    }

    [Fact]
    public async Task Money_of_an_order_the_buyer_asked_to_return_is_not_released_by_the_clock()
    {
        var paid = await app.PaidAsync();
        await app.DeliverAsync(paid);
        await app.PublishAndWaitAsync(new ReturnRequested(app.Orders.Move(paid.Order.OrderId, "RETURN_REQUESTED"),
            new OrderActor("BUYER", paid.Buyer.Id, "Sai kích cỡ"), app.Clock.GetUtcNow()));

        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.SweepAsync();

        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
    }

    [Theory]
    [InlineData("", "REQUIRED")]
    [InlineData("   ", "REQUIRED")]
    public async Task A_dispute_needs_a_reason_and_nothing_is_written_without_one(string reason, string code)
    {
        var paid = await app.PaidAsync();

        Assert.Equal([code], (await paid.Buyer.OpenDisputeAsync(paid.Order.OrderId, reason)).Codes());
        Assert.Equal(["ESCROW_NOT_FOUND"], (await app.SignIn().OpenDisputeAsync(paid.Order.OrderId, "not mine")).Codes());
        Assert.False(await app.InDatabaseAsync(db => db.Disputes.AnyAsync(d => d.OrderId == paid.Order.OrderId)));
        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
    }

    [Fact]
    public async Task The_order_shows_its_payment_and_escrow_to_its_buyer_and_seller_only()
    {
        var paid = await app.PaidAsync();
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = paid.Order.OrderId.ToString() } };

        var asBuyer = (await paid.Buyer.Client.SendAsync(Operations.ResolveOrders, new { representations })).EnsureNoErrors().Get("_entities")[0];
        var asStranger = (await app.SignIn().Client.SendAsync(Operations.ResolveOrders, new { representations })).EnsureNoErrors().Get("_entities")[0];

        Assert.Equal((paid.PaymentId, "CAPTURED", "HELD"), (asBuyer.GetProperty("payment").Id(), asBuyer.GetProperty("payment").Text("status"),
            asBuyer.GetProperty("escrow").Text("status")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, asStranger.GetProperty("payment").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, asStranger.GetProperty("escrow").ValueKind);
    }

    private static Task<System.Text.Json.JsonElement> ConfirmAsync(Person person, Guid orderId) =>
        person.Client.MutateAsync(Operations.ConfirmReceipt, new { input = new { orderId } });

    [Fact]
    public async Task A_shops_owner_sees_its_balance_as_the_shops_subgraph_says_and_a_stranger_does_not()
    {
        var owner = app.SignIn(GoShop.BuildingBlocks.Auth.Roles.Seller);
        var shop = app.Shops.Open(owner.Id);
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = shop.ShopId.ToString() } };

        var asOwner = await BalanceAsync(owner, shop.ShopId);
        var asStranger = await BalanceAsync(app.SignIn(GoShop.BuildingBlocks.Auth.Roles.Seller), shop.ShopId);
        app.Shops.Down = true;
        GraphQLResponse whileDown;
        try
        {
            whileDown = await owner.Client.SendAsync(Operations.ResolveShops, new { representations });
        }
        finally
        {
            app.Shops.Down = false;
        }

        Assert.Equal(0m, asOwner.GetProperty("available").Amount());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, asStranger.ValueKind);
        Assert.Contains("SHOPS_UNAVAILABLE", whileDown.ErrorCodes);
    }

    private static async Task<System.Text.Json.JsonElement> BalanceAsync(Person person, Guid shopId)
    {
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = shopId.ToString() } };
        return (await person.Client.SendAsync(Operations.ResolveShops, new { representations })).EnsureNoErrors().Get("_entities")[0].GetProperty("balance");
    }
}
