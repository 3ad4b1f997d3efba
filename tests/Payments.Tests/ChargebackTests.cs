using GoShop.PaymentGateways.Sandbox;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>
/// Chargebacks the buyer's bank opens, notified by Stripe's signed dispute events (from its sandbox): the order's money
/// is frozen while the dispute is open; won, it is held for the shop again; lost, it is gone from the ledger.
/// </summary>
public sealed class ChargebackTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task A_chargeback_freezes_the_money_and_a_lost_one_takes_it_back()
    {
        var paid = await PaidWithStripeAsync();

        await DisputeAsync(paid, "needs_response");
        await Eventually.HoldsAsync(async () => (await app.EscrowAsync(paid.Order.OrderId))!.Status == EscrowStatus.Frozen, "the chargeback to freeze the money");
        var opened = await app.InDatabaseAsync(db => db.Disputes.AsNoTracking().SingleAsync(d => d.OrderId == paid.Order.OrderId));
        Assert.Equal((DisputeSource.Chargeback, DisputeStatus.Open), (opened.Source, opened.Status));

        await DisputeAsync(paid, "lost");
        await Eventually.HoldsAsync(async () => (await app.EscrowAsync(paid.Order.OrderId))!.Status == EscrowStatus.Refunded, "the lost chargeback to take the money");

        var payment = await app.PaymentAsync(paid.PaymentId);
        Assert.Equal((PaymentStatus.Refunded, TransactionKind.Chargeback), (payment.Status, payment.Transactions.OrderBy(t => t.Sequence).Last().Kind));
        Assert.Equal(DisputeStatus.Lost, (await app.InDatabaseAsync(db => db.Disputes.AsNoTracking().SingleAsync(d => d.OrderId == paid.Order.OrderId))).Status);
    }

    [Fact]
    public async Task A_won_chargeback_holds_the_money_for_the_shop_again()
    {
        var paid = await PaidWithStripeAsync();

        await DisputeAsync(paid, "needs_response");
        await Eventually.HoldsAsync(async () => (await app.EscrowAsync(paid.Order.OrderId))!.Status == EscrowStatus.Frozen, "the chargeback to freeze the money");
        await DisputeAsync(paid, "won");
        await Eventually.HoldsAsync(async () => (await app.EscrowAsync(paid.Order.OrderId))!.Status == EscrowStatus.Held, "the won chargeback to hold the money again");

        Assert.Equal(PaymentStatus.Captured, (await app.PaymentAsync(paid.PaymentId)).Status);
    }

    [Fact]
    public async Task A_dispute_event_refused_while_Stripe_cannot_be_asked_freezes_the_money_when_Stripe_sends_it_again()
    {
        var paid = await PaidWithStripeAsync();
        var callbacks = app.Service<SandboxCallbacks>();
        var sentBefore = callbacks.Deliveries.Count(d => d.Provider == "Stripe");

        // The dispute event names no GoShop reference; reading it from the PaymentIntent fails, so the webhook is
        // refused and Stripe will send the same event again.
        var refused = await app.WithProviderFaultAsync(PaymentsApp.Unreachable, async () =>
        {
            await DisputeAsync(paid, "needs_response");
            return await Eventually.ReturnsAsync(
                () => Task.FromResult(callbacks.Deliveries.Where(d => d.Provider == "Stripe").Skip(sentBefore).FirstOrDefault()), d => d is not null);
        });
        Assert.Equal(400, refused!.StatusCode);
        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(paid.Order.OrderId))!.Status);

        var sameEvent = app.Callbacks.Last(c => c.Url.AbsolutePath.EndsWith("/webhooks/stripe", StringComparison.Ordinal));
        using var again = await app.Factory.CreateClient().SendAsync(sameEvent.ToRequest());

        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(EscrowStatus.Frozen, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
    }

    private async Task<StartedPayment> PaidWithStripeAsync()
    {
        var started = await app.StartPaymentAsync("STRIPE", total: 300_000m);
        (await app.PayInSandboxAsync(started.RedirectUrl!)).EnsureSuccessOrRedirect();
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(started.PaymentId)).Status == PaymentStatus.Captured, "the payment to be captured");
        return started;
    }

    /// <summary>The buyer's bank acts: Stripe's sandbox opens or closes the dispute and sends the signed event.</summary>
    private async Task DisputeAsync(StartedPayment paid, string status)
    {
        var intent = (await app.PaymentAsync(paid.PaymentId)).ProviderReference!;
        using var response = await app.Factory.CreateClient().PostAsync($"/sandbox/stripe/disputes?payment_intent={intent}&status={status}", null);
        response.EnsureSuccessStatusCode();
    }
}
