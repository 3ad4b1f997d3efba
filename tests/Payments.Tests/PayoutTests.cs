using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>Payouts: the shop's owner takes money out of its available balance; an admin records the transfer or its failure.</summary>
public sealed class PayoutTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task The_owner_takes_a_payout_out_of_the_balance_at_once_and_the_same_key_answers_the_same()
    {
        var (owner, shopId) = await ShopWithBalanceAsync(300_000m);

        var payout = (await RequestAsync(owner, shopId, 120_000m, "p-1")).Succeeded().GetProperty("payout");
        var again = (await RequestAsync(owner, shopId, 120_000m, "p-1")).Succeeded().GetProperty("payout");
        var reused = await RequestAsync(owner, shopId, 5_000m, "p-1");

        Assert.Equal(("PENDING", 120_000m, shopId), (payout.Text("status"), payout.GetProperty("amount").Amount(), payout.GetProperty("shop").Id()));
        Assert.Equal(payout.Id(), again.Id());
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], reused.Codes());
        Assert.Equal(180_000m, await AvailableAsync(shopId));
        var entry = await app.InDatabaseAsync(db => db.ShopLedger.AsNoTracking().SingleAsync(e => e.PayoutId == payout.Id()));
        Assert.Equal((LedgerEntryKind.Payout, -120_000m), (entry.Kind, entry.Amount));
    }

    [Fact]
    public async Task Bad_requests_are_refused_and_nothing_is_written()
    {
        var (owner, shopId) = await ShopWithBalanceAsync(50_000m);
        var stranger = app.SignIn(Roles.Seller);

        Assert.Equal(["INSUFFICIENT_BALANCE"], (await RequestAsync(owner, shopId, 50_001m, "k1")).Codes());
        Assert.Equal(["INVALID_AMOUNT"], (await RequestAsync(owner, shopId, -5m, "k2")).Codes());
        Assert.Equal(["INVALID_AMOUNT"], (await RequestAsync(owner, shopId, 10.5m, "k3")).Codes());
        Assert.Equal(["REQUIRED"], (await RequestAsync(owner, shopId, 1_000m, " ")).Codes());
        Assert.Equal(["NOT_SHOP_OWNER"], (await RequestAsync(stranger, shopId, 1_000m, "k4")).Codes());
        Assert.Equal(["NOT_SHOP_OWNER"], (await RequestAsync(owner, Guid.NewGuid(), 1_000m, "k5")).Codes());
        app.Shops.Down = true;
        try
        {
            Assert.Equal(["SHOPS_UNAVAILABLE"], (await RequestAsync(owner, shopId, 1_000m, "k6")).Codes());
        }
        finally
        {
            app.Shops.Down = false;
        }
        Assert.Contains("UNAUTHENTICATED", (await app.Anonymous().SendAsync(Operations.RequestPayout,
            new { input = new { shopId, amount = 1_000m, idempotencyKey = "k7" } })).ErrorCodes);
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Payouts.CountAsync(p => p.ShopId == shopId)));
        Assert.Equal(50_000m, await AvailableAsync(shopId));
    }

    [Fact]
    public async Task Concurrent_requests_never_take_more_than_the_balance()
    {
        var (owner, shopId) = await ShopWithBalanceAsync(100_000m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => RequestAsync(owner, shopId, 60_000m, $"race-{i}")));

        Assert.Single(answers, a => a.Codes().Count == 0);
        Assert.Equal(9, answers.Count(a => a.Codes().SequenceEqual(["INSUFFICIENT_BALANCE"])));
        Assert.Equal(40_000m, await AvailableAsync(shopId));
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Payouts.CountAsync(p => p.ShopId == shopId)));
    }

    [Fact]
    public async Task An_admin_records_the_transfer_or_its_failure_which_credits_the_amount_back()
    {
        var (owner, shopId) = await ShopWithBalanceAsync(200_000m);
        var paidId = (await RequestAsync(owner, shopId, 50_000m, "a")).Succeeded().Get("payout.id").GetGuid();
        var failedId = (await RequestAsync(owner, shopId, 70_000m, "b")).Succeeded().Get("payout.id").GetGuid();
        var admin = app.Admin();

        var paid = (await admin.Client.MutateAsync(Operations.MarkPayoutPaid, new { input = new { payoutId = paidId, bankReference = "VCB-0001" } })).Succeeded();
        var failed = (await admin.Client.MutateAsync(Operations.FailPayout, new { input = new { payoutId = failedId, reason = "Sai số tài khoản" } })).Succeeded();

        Assert.Equal(("PAID", "VCB-0001"), (paid.Get("payout.status").GetString(), paid.Get("payout.bankReference").GetString()));
        Assert.Equal(("FAILED", "Sai số tài khoản"), (failed.Get("payout.status").GetString(), failed.Get("payout.failureReason").GetString()));
        Assert.Equal(150_000m, await AvailableAsync(shopId));
        Assert.Equal(["PAYOUT_NOT_PENDING"], (await admin.Client.MutateAsync(Operations.FailPayout, new { input = new { payoutId = paidId, reason = "late" } })).Codes());
        Assert.Equal(["PAYOUT_NOT_PENDING"], (await admin.Client.MutateAsync(Operations.MarkPayoutPaid, new { input = new { payoutId = failedId, bankReference = "x" } })).Codes());
        Assert.Equal(["PAYOUT_NOT_FOUND"], (await admin.Client.MutateAsync(Operations.FailPayout, new { input = new { payoutId = Guid.NewGuid(), reason = "x" } })).Codes());
        Assert.Equal(["REQUIRED"], (await admin.Client.MutateAsync(Operations.MarkPayoutPaid, new { input = new { payoutId = paidId, bankReference = "" } })).Codes());
        Assert.Contains("FORBIDDEN", (await owner.Client.SendAsync(Operations.MarkPayoutPaid, new { input = new { payoutId = paidId, bankReference = "mine" } })).ErrorCodes);
        Assert.Equal(150_000m, await AvailableAsync(shopId));
    }

    [Fact]
    public async Task The_owner_and_admins_see_the_shops_payouts_and_others_do_not()
    {
        var (owner, shopId) = await ShopWithBalanceAsync(90_000m);
        (await RequestAsync(owner, shopId, 10_000m, "one")).Succeeded();
        (await RequestAsync(owner, shopId, 20_000m, "two")).Succeeded();

        var asOwner = await PayoutsAsync(owner, shopId);
        var asAdmin = await PayoutsAsync(app.Admin(), shopId);
        var asStranger = await PayoutsAsync(app.SignIn(Roles.Seller), shopId);

        Assert.Equal([20_000m, 10_000m], asOwner.GetProperty("payouts").GetProperty("edges").EnumerateArray().Select(e => e.Get("node.amount").Amount()));
        Assert.Equal(60_000m, asOwner.Get("balance.available").Amount());
        Assert.Equal(2, asAdmin.GetProperty("payouts").GetProperty("edges").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, asStranger.GetProperty("payouts").ValueKind);
        Assert.Equal(JsonValueKind.Null, asStranger.GetProperty("balance").ValueKind);
    }

    [Fact]
    public async Task A_failed_payout_credited_back_pays_the_shops_debt_first()
    {
        var (owner, shopId) = await ShopWithBalanceAsync(50_000m);
        var payoutId = (await RequestAsync(owner, shopId, 50_000m, "all")).Succeeded().GetProperty("payout").Id();
        await app.InDatabaseAsync(db =>
        {
            db.ShopDebts.Add(ShopDebt.Incur(shopId, LedgerEntryKind.Refund, 30_000m, "VND", Guid.NewGuid(), app.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        });

        (await app.Admin().Client.MutateAsync(Operations.FailPayout, new { input = new { payoutId, reason = "Sai số tài khoản" } })).Succeeded();

        Assert.Equal(20_000m, await AvailableAsync(shopId));
        var debt = await app.InDatabaseAsync(db => db.ShopDebts.AsNoTracking().SingleAsync(d => d.ShopId == shopId));
        Assert.Equal(0m, debt.Outstanding);
        Assert.Equal(-30_000m, await app.InDatabaseAsync(db =>
            db.ShopLedger.Where(e => e.ShopId == shopId && e.Kind == LedgerEntryKind.DebtRepayment).SumAsync(e => e.Amount)));
    }

    /// <summary>A shop the shops subgraph says the new seller owns, with money already released to its balance.</summary>
    private async Task<(Person Owner, Guid ShopId)> ShopWithBalanceAsync(decimal released)
    {
        var owner = app.SignIn(Roles.Seller);
        var shop = app.Shops.Open(owner.Id);
        await app.InDatabaseAsync(db =>
        {
            db.ShopLedger.Add(ShopLedgerEntry.Record(shop.ShopId, LedgerEntryKind.EscrowRelease, released, "VND", Guid.NewGuid(), app.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        });
        return (owner, shop.ShopId);
    }

    private Task<decimal> AvailableAsync(Guid shopId) => app.InDatabaseAsync(db => db.ShopLedger.Where(e => e.ShopId == shopId).SumAsync(e => e.Amount));

    private static Task<JsonElement> RequestAsync(Person person, Guid shopId, decimal amount, string idempotencyKey) =>
        person.Client.MutateAsync(Operations.RequestPayout, new { input = new { shopId, amount, idempotencyKey } });

    private static async Task<JsonElement> PayoutsAsync(Person person, Guid shopId)
    {
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = shopId.ToString() } };
        return (await person.Client.SendAsync(Operations.ShopPayouts, new { representations, first = 10 })).EnsureNoErrors().Get("_entities")[0];
    }
}
