using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Payments;
using GoShop.Payments.Domain;
using GoShop.Payments.Escrows;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>
/// A provider that cannot be reached or that refuses: startPayment answers the adapter's code as a userError and records
/// the attempt FAILED (never left pending, no money, no event); refunds wait for the sweeper when the provider is
/// unreachable and fail for good when it refuses.
/// </summary>
public sealed class ProviderFailureTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task An_unreachable_provider_fails_the_attempt_and_the_same_key_asks_it_again()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, "E_WALLET", 90_000m);
        var input = new { orderId = order.OrderId, method = "E_WALLET", gateway = "MOMO", idempotencyKey = "momo-down" };

        var refused = await app.WithProviderFaultAsync(PaymentsApp.Unreachable, () => buyer.StartAsync(input));

        Assert.Equal(["GATEWAY_UNAVAILABLE"], refused.Codes());
        Assert.Contains("try again", refused.Get("userErrors.0.message").GetString());
        var attempt = await app.InDatabaseAsync(db => db.WithLedger().AsNoTracking().SingleAsync(p => p.BuyerId == buyer.Id));
        Assert.Equal((PaymentStatus.Failed, "GATEWAY_UNAVAILABLE", false), (attempt.Status, attempt.FailureReason, attempt.HasProviderSession));
        Assert.Empty(attempt.Transactions);
        Assert.Null(await app.EscrowAsync(order.OrderId));
        Assert.DoesNotContain(await app.EventsAsync(typeof(PaymentFailed)), e => e.GetProperty("paymentId").GetGuid() == attempt.Id);

        var retried = (await buyer.StartAsync(input)).Succeeded();

        Assert.Equal((attempt.Id, "PENDING"), (retried.GetProperty("payment").Id(), retried.GetProperty("payment").Text("status")));
        Assert.False(string.IsNullOrEmpty(retried.Text("redirectUrl")));
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Payments.CountAsync(p => p.BuyerId == buyer.Id)));
    }

    [Fact]
    public async Task A_refusing_provider_answers_PROVIDER_REJECTED_and_the_same_key_answers_the_same()
    {
        var buyer = app.SignIn();
        // The MoMo sandbox refuses amounts under 1,000 VND (resultCode 22), as MoMo does.
        var order = app.Orders.Place(buyer.Id, "E_WALLET", 500m);
        var input = new { orderId = order.OrderId, method = "E_WALLET", gateway = "MOMO", idempotencyKey = "momo-small" };

        var refused = await buyer.StartAsync(input);
        var again = await buyer.StartAsync(input);

        Assert.Equal(["PROVIDER_REJECTED"], refused.Codes());
        Assert.Contains("refused", refused.Get("userErrors.0.message").GetString());
        Assert.Equal(["PROVIDER_REJECTED"], again.Codes());
        var attempt = await app.InDatabaseAsync(db => db.WithLedger().AsNoTracking().SingleAsync(p => p.BuyerId == buyer.Id));
        Assert.Equal((PaymentStatus.Failed, "PROVIDER_REJECTED (22)"), (attempt.Status, attempt.FailureReason));
        Assert.Empty(attempt.Transactions);
        Assert.Null(await app.EscrowAsync(order.OrderId));
        Assert.DoesNotContain(await app.EventsAsync(typeof(PaymentFailed)), e => e.GetProperty("paymentId").GetGuid() == attempt.Id);
    }

    [Fact]
    public async Task A_refund_the_provider_cannot_take_stays_pending_until_the_sweeper_sends_it()
    {
        var (paid, seller) = await app.PaidWithSellerAsync("MOMO", "E_WALLET", 200_000m);

        var payload = (await app.WithProviderFaultAsync(PaymentsApp.Unreachable, () => seller.RefundAsync(paid.PaymentId, 40_000m, "later"))).Succeeded();
        app.Clock.Advance(PaymentsSweeper.ResendAfter + TimeSpan.FromMinutes(1));
        var stillDown = await app.WithProviderFaultAsync(PaymentsApp.Unreachable, app.SweepAsync);

        Assert.Equal("PENDING", payload.GetProperty("refund").Text("status"));
        Assert.Equal(1, stillDown.RefundsSent);
        var refund = await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().SingleAsync(r => r.PaymentId == paid.PaymentId));
        Assert.Equal(RefundStatus.Pending, refund.Status);
        Assert.Equal(0m, (await app.PaymentAsync(paid.PaymentId)).Refunded);
        Assert.Equal(0m, (await app.EscrowAsync(paid.Order.OrderId))!.RefundedAmount);

        app.Clock.Advance(PaymentsSweeper.ResendAfter + TimeSpan.FromMinutes(1));
        await app.SweepAsync();

        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(paid.PaymentId)).Refunded == 40_000m, "the swept refund to complete");
        Assert.Equal(RefundStatus.Succeeded, (await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().SingleAsync(r => r.Id == refund.Id))).Status);
        Assert.Single(await app.EventsAsync(typeof(RefundCompleted)), e => e.GetProperty("paymentId").GetGuid() == paid.PaymentId);
    }

    [Fact]
    public async Task A_refund_the_provider_refuses_fails_for_good_and_moves_no_money()
    {
        var (paid, seller) = await app.PaidWithSellerAsync("PAYPAL", "E_WALLET", 200_000m);

        var refused = await app.WithProviderFaultAsync(PaymentsApp.PayPalRefusesRefunds, () => seller.RefundAsync(paid.PaymentId, 40_000m, "no"));
        app.Clock.Advance(PaymentsSweeper.ResendAfter + TimeSpan.FromMinutes(1));
        var swept = await app.SweepAsync();

        Assert.Equal(["REFUND_FAILED"], refused.Codes());
        Assert.Contains("PROVIDER_REJECTED", refused.Get("userErrors.0.message").GetString());
        Assert.Equal(0, swept.RefundsSent);
        var refund = await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().SingleAsync(r => r.PaymentId == paid.PaymentId));
        Assert.Equal(RefundStatus.Failed, refund.Status);
        Assert.StartsWith("PROVIDER_REJECTED", refund.FailureReason);
        var payment = await app.PaymentAsync(paid.PaymentId);
        Assert.Equal((PaymentStatus.Captured, 0m), (payment.Status, payment.Refunded));
        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        Assert.DoesNotContain(await app.EventsAsync(typeof(RefundCompleted)), e => e.GetProperty("paymentId").GetGuid() == paid.PaymentId);
    }
}
