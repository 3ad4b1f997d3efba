using System.Text.Json;
using GoShop.Contracts.Payments;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>
/// A shop's balance never goes below zero by surprise: money taken back after release that the balance cannot cover
/// is owed, shown as Shop.balance.debt, and the next money released to the shop pays it first.
/// </summary>
public sealed class ShopBalanceTests(PaymentsApp app) : IClassFixture<PaymentsApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_refund_the_balance_cannot_cover_leaves_it_at_zero_and_the_rest_owed_which_the_next_release_pays_first()
    {
        var (first, seller) = await app.PaidWithSellerAsync("VNPAY", "CARD", 100_000m);
        var shopId = first.Order.ShopId;
        await app.DeliverAsync(first);
        (await ConfirmAsync(first)).Succeeded();

        // The whole payment goes back to the buyer, though the shop got it less the 5 % commission.
        (await app.Admin().RefundAsync(first.PaymentId, null, "full-after-release")).Succeeded();
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.ShopDebts.AnyAsync(d => d.ShopId == shopId)), "the shortfall to be owed");
        var shortfall = await BalanceAsync(shopId);

        var second = await PaidForShopAsync(shopId, seller.Id, 50_000m);
        await app.DeliverAsync(second);
        (await ConfirmAsync(second)).Succeeded();
        var repaid = await BalanceAsync(shopId);

        Assert.Equal((0m, 5_000m), (shortfall.GetProperty("available").Amount(), shortfall.GetProperty("debt").Amount()));
        Assert.Equal(-95_000m, Entries(shortfall).Single(e => e.Text("kind") == "REFUND").GetProperty("amount").Amount());
        // 50,000 less 2,500 commission, less the 5,000 owed.
        Assert.Equal((42_500m, 0m), (repaid.GetProperty("available").Amount(), repaid.GetProperty("debt").Amount()));
        var repayment = Entries(repaid).Single(e => e.Text("kind") == "DEBT_REPAYMENT");
        Assert.Equal((-5_000m, first.Order.OrderId.ToString()), (repayment.GetProperty("amount").Amount(), repayment.Get("order.id").GetString()));
        var debt = await app.InDatabaseAsync(db => db.ShopDebts.AsNoTracking().SingleAsync(d => d.ShopId == shopId));
        Assert.Equal((LedgerEntryKind.Refund, 5_000m, 0m), (debt.Cause, debt.Amount, debt.Outstanding));
        Assert.NotNull(debt.RepaidAt);
    }

    [Fact]
    public async Task A_refund_the_balance_covers_is_taken_from_it_whole_and_nothing_is_owed()
    {
        var (paid, _) = await app.PaidWithSellerAsync("VNPAY", "CARD", 100_000m);
        await app.DeliverAsync(paid);
        (await ConfirmAsync(paid)).Succeeded();

        (await app.Admin().RefundAsync(paid.PaymentId, 20_000m, "partial-after-release")).Succeeded();
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.ShopLedger.AnyAsync(e => e.OrderId == paid.Order.OrderId && e.Kind == LedgerEntryKind.Refund)),
            "the refund to be taken from the balance");
        var balance = await BalanceAsync(paid.Order.ShopId);

        Assert.Equal((75_000m, 0m), (balance.GetProperty("available").Amount(), balance.GetProperty("debt").Amount()));
        Assert.False(await app.InDatabaseAsync(db => db.ShopDebts.AnyAsync(d => d.ShopId == paid.Order.ShopId)));
    }

    [Fact]
    public async Task Concurrent_refunds_after_release_never_take_the_balance_below_zero()
    {
        var (paid, _) = await app.PaidWithSellerAsync("VNPAY", "CARD", 100_000m);
        await app.DeliverAsync(paid);
        (await ConfirmAsync(paid)).Succeeded();
        var admin = app.Admin();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => admin.RefundAsync(paid.PaymentId, 25_000m, $"quarter-{i}")));
        await Eventually.ReturnsAsync(() => app.InDatabaseAsync(db => db.Refunds.CountAsync(r => r.PaymentId == paid.PaymentId && r.Status == RefundStatus.Succeeded)),
            count => count == 4);
        var balance = await BalanceAsync(paid.Order.ShopId);

        Assert.Equal((0m, 5_000m), (balance.GetProperty("available").Amount(), balance.GetProperty("debt").Amount()));
        Assert.Equal(-95_000m, Entries(balance).Where(e => e.Text("kind") == "REFUND").Sum(e => e.GetProperty("amount").Amount()));
    }

    /// <summary>Another order of the same shop, paid by a new buyer in the sandbox and captured.</summary>
    private async Task<StartedPayment> PaidForShopAsync(Guid shopId, Guid sellerId, decimal total)
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, "CARD", total, shopId: shopId, sellerId: sellerId);
        var payload = (await buyer.StartAsync(new { orderId = order.OrderId, method = "CARD", gateway = "VNPAY" })).Succeeded();
        var started = new StartedPayment(payload.GetProperty("payment").Id(), order, buyer, payload.GetProperty("redirectUrl").GetString());
        (await app.PayInSandboxAsync(started.RedirectUrl!)).EnsureSuccessOrRedirect();
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(started.PaymentId)).Status == PaymentStatus.Captured, "the payment to be captured");
        return started;
    }

    private static Task<JsonElement> ConfirmAsync(StartedPayment paid) =>
        paid.Buyer.Client.MutateAsync(Operations.ConfirmReceipt, new { input = new { orderId = paid.Order.OrderId } });

    private async Task<JsonElement> BalanceAsync(Guid shopId)
    {
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = shopId.ToString() } };
        return (await app.Admin().Client.SendAsync(Operations.ResolveShops, new { representations })).EnsureNoErrors().Get("_entities")[0].GetProperty("balance");
    }

    private static IEnumerable<JsonElement> Entries(JsonElement balance) => balance.GetProperty("entries").EnumerateArray();
}
