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
