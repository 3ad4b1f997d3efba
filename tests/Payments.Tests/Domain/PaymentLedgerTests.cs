using GoShop.Payments.Domain;

namespace GoShop.Payments.Tests.Domain;

/// <summary>A payment's amounts and status come from its ledger, never from a field someone sets.</summary>
public sealed class PaymentLedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private static Payment Started(params decimal[] orderTotals)
    {
        var orders = orderTotals.Select((total, i) => new PaymentOrder(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), $"GS-{i}", total)).ToList();
        var payment = Payment.Start(Guid.CreateVersion7(), Guid.CreateVersion7(), PaymentMethod.Card, PaymentGateway.Vnpay, orders, "key", null, At);
        payment.AttachSession("vnp-1", "https://pay", null, payment.Amount, "VND", At);
        return payment;
    }

    [Fact]
    public void A_new_payment_is_pending_and_a_cod_one_awaits_collection()
    {
        var cod = Payment.Start(Guid.CreateVersion7(), null, PaymentMethod.Cod, PaymentGateway.Vnpay,
            [new PaymentOrder(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "GS-1", 50_000m)], "cod", null, At);

        Assert.Equal(PaymentStatus.Pending, Started(100_000m).Status);
        Assert.Equal((PaymentStatus.AwaitingCollection, (PaymentGateway?)null), (cod.Status, cod.Gateway));
    }

    [Fact]
    public void A_capture_is_recorded_once_and_makes_the_payment_captured()
    {
        var payment = Started(100_000m, 50_000m);

        Assert.True(payment.RecordCapture("tx-1", payment.Amount, At));
        Assert.False(payment.RecordCapture("tx-2", payment.Amount, At));

        Assert.Equal((PaymentStatus.Captured, 150_000m, 150_000m), (payment.Status, payment.Captured, payment.Refundable));
        var capture = Assert.Single(payment.Transactions);
        Assert.Equal((TransactionKind.Capture, "tx-1", 150_000m), (capture.Kind, capture.ProviderReference, capture.ProviderAmount));
    }

    [Fact]
    public void Refunds_are_bounded_by_each_orders_share_and_derive_the_status()
    {
        var payment = Started(100_000m, 50_000m);
        payment.RecordCapture("tx", payment.Amount, At);
        var first = payment.Orders[0].OrderId;
        var second = payment.Orders[1].OrderId;

        Assert.True(payment.RecordRefund(Guid.NewGuid(), first, 40_000m, 40_000m, "r1", At).Succeeded);
        Assert.Equal(PaymentStatus.PartiallyRefunded, payment.Status);
        Assert.Equal("REFUND_EXCEEDS_REFUNDABLE", payment.RecordRefund(Guid.NewGuid(), first, 60_001m, null, null, At).Error?.Code);
        Assert.Equal("REFUND_EXCEEDS_REFUNDABLE", payment.RecordRefund(Guid.NewGuid(), Guid.NewGuid(), 1m, null, null, At).Error?.Code);
        Assert.True(payment.RecordRefund(Guid.NewGuid(), first, 60_000m, null, null, At).Succeeded);
        Assert.True(payment.RecordRefund(Guid.NewGuid(), second, 50_000m, null, null, At).Succeeded);

        Assert.Equal((PaymentStatus.Refunded, 150_000m, 0m), (payment.Status, payment.Refunded, payment.Refundable));
        Assert.Equal([1, 2, 3, 4], payment.Transactions.Select(t => t.Sequence));
    }

    [Fact]
    public void Nothing_can_be_refunded_before_the_capture()
    {
        var payment = Started(100_000m);

        Assert.Equal(0m, payment.RefundableFor(payment.Orders[0].OrderId));
        Assert.False(payment.RecordRefund(Guid.NewGuid(), payment.Orders[0].OrderId, 1m, null, null, At).Succeeded);
    }

    [Fact]
    public void A_failure_ends_a_pending_payment_but_a_late_capture_still_counts()
    {
        var payment = Started(100_000m);

        Assert.True(payment.RecordFailure(PaymentStatus.Failed, "51", At));
        Assert.False(payment.RecordFailure(PaymentStatus.Cancelled, "24", At));
        Assert.Equal((PaymentStatus.Failed, "51"), (payment.Status, payment.FailureReason));

        Assert.True(payment.RecordCapture("late", payment.Amount, At));
        Assert.Equal(PaymentStatus.Captured, payment.Status);
        Assert.False(payment.RecordFailure(PaymentStatus.Failed, "51", At));
    }

    [Fact]
    public void An_authorisation_comes_before_the_capture()
    {
        var payment = Started(100_000m);

        Assert.True(payment.RecordAuthorization("auth", At));
        Assert.Equal(PaymentStatus.Authorized, payment.Status);
        payment.RecordCapture("cap", payment.Amount, At);

        Assert.Equal([TransactionKind.Authorization, TransactionKind.Capture], payment.Transactions.Select(t => t.Kind));
        Assert.Equal(PaymentStatus.Captured, payment.Status);
    }

    [Fact]
    public void The_provider_amount_is_checked_exactly_and_a_share_of_it_is_converted()
    {
        var orders = new List<PaymentOrder> { new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "GS-1", 250_000m) };
        var payment = Payment.Start(Guid.CreateVersion7(), null, PaymentMethod.EWallet, PaymentGateway.Paypal, orders, "k", null, At);
        payment.AttachSession("PAYPAL-1", "https://paypal", null, 10.00m, "USD", At);

        Assert.True(payment.MatchesProviderAmount(10.00m, "usd"));
        Assert.False(payment.MatchesProviderAmount(10.01m, "USD"));
        Assert.False(payment.MatchesProviderAmount(10.00m, "VND"));
        Assert.Equal(3.33m, payment.ProviderShare(83_333m));
    }

    [Fact]
    public void A_lost_chargeback_takes_what_is_left()
    {
        var payment = Started(100_000m);
        payment.RecordCapture("tx", payment.Amount, At);
        payment.RecordRefund(Guid.NewGuid(), payment.Orders[0].OrderId, 30_000m, null, null, At);

        payment.RecordChargeback(100_000m, "dp_1", At);

        Assert.Equal((PaymentStatus.Refunded, 70_000m), (payment.Status, payment.Transactions[^1].Amount));
    }
}
