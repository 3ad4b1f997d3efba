using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Payments;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>resolveDispute: an admin decides a buyer's dispute, for the buyer (refunded through the gateway) or the seller.</summary>
public sealed class DisputeTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task Deciding_for_the_buyer_refunds_what_is_left_through_the_gateway_once()
    {
        var (paid, seller) = await app.PaidWithSellerAsync("VNPAY", "CARD", 150_000m);
        (await seller.RefundAsync(paid.PaymentId, 20_000m, "part")).Succeeded();
        var disputeId = await DisputedAsync(paid);

        var payload = (await ResolveAsync(app.Admin(), disputeId, "BUYER", "Ảnh chụp cho thấy hàng vỡ")).Succeeded();
        var again = await ResolveAsync(app.Admin(), disputeId, "SELLER");

        Assert.Equal("LOST", payload.Get("dispute.status").GetString());
        Assert.Equal(130_000m, payload.Get("refund.amount").Amount());
        Assert.Equal(["DISPUTE_CLOSED"], again.Codes());
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(paid.PaymentId)).Status == PaymentStatus.Refunded, "the dispute's refund to complete");
        Assert.Equal(EscrowStatus.Refunded, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        var dispute = await DisputeAsync(disputeId);
        Assert.Equal((DisputeStatus.Lost, "Ảnh chụp cho thấy hàng vỡ"), (dispute.Status, dispute.ResolutionNote));
        Assert.Equal(2, (await app.EventsAsync(typeof(RefundCompleted))).Count(e => e.GetProperty("paymentId").GetGuid() == paid.PaymentId));
    }

    [Fact]
    public async Task Deciding_for_the_seller_holds_the_money_again_or_releases_it_when_its_time_has_passed()
    {
        var undelivered = await app.PaidAsync();
        var delivered = await app.PaidAsync();
        await app.DeliverAsync(delivered);
        var first = await DisputedAsync(undelivered);
        var second = await DisputedAsync(delivered);
        app.Clock.Advance(TimeSpan.FromDays(8));

        var held = (await ResolveAsync(app.Admin(), first, "SELLER")).Succeeded();
        var released = (await ResolveAsync(app.Admin(), second, "SELLER", "  ")).Succeeded();

        Assert.Equal(("WON", "HELD"), (held.Get("dispute.status").GetString(), held.Get("escrow.status").GetString()));
        Assert.Equal(("WON", "RELEASED"), (released.Get("dispute.status").GetString(), released.Get("escrow.status").GetString()));
        Assert.Equal(JsonValueKind.Null, held.GetProperty("refund").ValueKind);
        Assert.Equal(2, await app.InDatabaseAsync(db => db.ShopLedger.CountAsync(e => e.OrderId == delivered.Order.OrderId)));
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Refunds.CountAsync(r => r.PaymentId == undelivered.PaymentId || r.PaymentId == delivered.PaymentId)));
        Assert.Null((await DisputeAsync(second)).ResolutionNote);
        Assert.Single(await app.EventsAsync(typeof(EscrowReleased)), e => e.GetProperty("orderId").GetGuid() == delivered.Order.OrderId);
    }

    [Fact]
    public async Task A_refund_the_provider_refuses_leaves_the_dispute_open_for_another_decision()
    {
        var (paid, _) = await app.PaidWithSellerAsync("PAYPAL", "E_WALLET", 200_000m);
        var disputeId = await DisputedAsync(paid);

        var refused = await app.WithProviderFaultAsync(PaymentsApp.PayPalRefusesRefunds, () => ResolveAsync(app.Admin(), disputeId, "BUYER"));

        Assert.Equal(["REFUND_FAILED"], refused.Codes());
        Assert.Equal(DisputeStatus.Open, (await DisputeAsync(disputeId)).Status);
        Assert.Equal(EscrowStatus.Frozen, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        Assert.Equal((PaymentStatus.Captured, 0m), ((await app.PaymentAsync(paid.PaymentId)).Status, (await app.PaymentAsync(paid.PaymentId)).Refunded));

        var decided = (await ResolveAsync(app.Admin(), disputeId, "BUYER")).Succeeded();

        Assert.Equal("LOST", decided.Get("dispute.status").GetString());
        await Eventually.HoldsAsync(async () => (await app.EscrowAsync(paid.Order.OrderId))!.Status == EscrowStatus.Refunded, "the second refund to complete");
        Assert.Equal([RefundStatus.Failed, RefundStatus.Succeeded],
            await app.InDatabaseAsync(db => db.Refunds.Where(r => r.PaymentId == paid.PaymentId).OrderBy(r => r.CreatedAt).Select(r => r.Status).ToListAsync()));
    }

    [Fact]
    public async Task Bad_decisions_are_refused_and_nothing_is_written()
    {
        var paid = await app.PaidAsync();
        var disputeId = await DisputedAsync(paid);

        var asBuyer = await paid.Buyer.Client.SendAsync(Operations.ResolveDispute, new { input = new { disputeId, outcome = "BUYER" } });
        var asSeller = await app.SignIn(Roles.Seller).Client.SendAsync(Operations.ResolveDispute, new { input = new { disputeId, outcome = "SELLER" } });
        var anonymous = await app.Anonymous().SendAsync(Operations.ResolveDispute, new { input = new { disputeId, outcome = "SELLER" } });

        Assert.Contains("FORBIDDEN", asBuyer.ErrorCodes);
        Assert.Contains("FORBIDDEN", asSeller.ErrorCodes);
        Assert.NotEmpty(anonymous.ErrorCodes);
        Assert.Equal(["DISPUTE_NOT_FOUND"], (await ResolveAsync(app.Admin(), Guid.NewGuid(), "BUYER")).Codes());
        Assert.Equal(["TOO_LONG"], (await ResolveAsync(app.Admin(), disputeId, "BUYER", new string('x', Dispute.MaxReason + 1))).Codes());
        Assert.Equal(DisputeStatus.Open, (await DisputeAsync(disputeId)).Status);
        Assert.Equal(EscrowStatus.Frozen, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Refunds.CountAsync(r => r.PaymentId == paid.PaymentId)));
    }

    private async Task<Guid> DisputedAsync(StartedPayment paid) =>
        (await paid.Buyer.OpenDisputeAsync(paid.Order.OrderId, "Hàng không giống mô tả")).Succeeded().Get("dispute.id").GetGuid();

    private Task<Dispute> DisputeAsync(Guid disputeId) => app.InDatabaseAsync(db => db.Disputes.AsNoTracking().SingleAsync(d => d.Id == disputeId));

    private static Task<JsonElement> ResolveAsync(Person admin, Guid disputeId, string outcome, string? note = null) =>
        admin.Client.MutateAsync(Operations.ResolveDispute, new { input = new { disputeId, outcome, note } });
}
