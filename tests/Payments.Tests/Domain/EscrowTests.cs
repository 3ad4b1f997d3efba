using GoShop.Payments.Domain;

namespace GoShop.Payments.Tests.Domain;

/// <summary>Held money goes to the shop once, less commission, or back to the buyer; a dispute freezes it.</summary>
public sealed class EscrowTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private static Escrow Held(decimal amount = 120_000m, DateTimeOffset? deliveredAt = null)
    {
        var order = new PaymentOrder(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "GS-1", amount);
        var payment = Payment.Start(Guid.CreateVersion7(), null, PaymentMethod.Card, PaymentGateway.Stripe, [order], "k", null, At);
        return Escrow.Hold(payment, payment.Orders[0], deliveredAt, TimeSpan.FromDays(7), At);
    }

    [Fact]
    public void Releasing_credits_the_shop_and_debits_the_commission_rounded_to_whole_dong()
    {
        var escrow = Held(123_457m);

        var entries = escrow.Release(0.05m, "CONFIRMED_BY_BUYER", At).Value!;

        Assert.Equal((EscrowStatus.Released, 6_173m), (escrow.Status, escrow.Commission));
        Assert.Equal([(LedgerEntryKind.EscrowRelease, 123_457m), (LedgerEntryKind.Commission, -6_173m)], entries.Select(e => (e.Kind, e.Amount)));
        Assert.All(entries, e => Assert.Equal(escrow.ShopId, e.ShopId));
    }

    [Fact]
    public void Money_is_released_once()
    {
        var escrow = Held();
        escrow.Release(0.05m, "CONFIRMED_BY_BUYER", At);

        Assert.Equal("ESCROW_NOT_HELD", escrow.Release(0.05m, "RELEASE_TIME_REACHED", At).Error?.Code);
    }

    [Fact]
    public void A_partial_refund_reduces_what_is_released_and_a_full_one_refunds_the_escrow()
    {
        var partly = Held(100_000m);
        partly.Refund(40_000m, At);
        var entries = partly.Release(0.10m, "CONFIRMED_BY_BUYER", At).Value!;
        Assert.Equal([60_000m, -6_000m], entries.Select(e => e.Amount));

        var wholly = Held(100_000m);
        wholly.Refund(100_000m, At);
        Assert.Equal((EscrowStatus.Refunded, 0m), (wholly.Status, wholly.Remaining));
    }

    [Fact]
    public void A_frozen_escrow_is_not_released_until_the_dispute_ends()
    {
        var escrow = Held();

        Assert.True(escrow.Freeze());
        Assert.False(escrow.Freeze());
        Assert.False(escrow.Release(0.05m, "RELEASE_TIME_REACHED", At).Succeeded);
        escrow.Unfreeze();

        Assert.True(escrow.Release(0.05m, "RELEASE_TIME_REACHED", At).Succeeded);
    }

    [Fact]
    public void The_release_clock_starts_at_delivery_once()
    {
        var escrow = Held();
        Assert.Null(escrow.ReleaseDueAt);

        escrow.StartReleaseClock(At.AddDays(1), TimeSpan.FromDays(7));
        escrow.StartReleaseClock(At.AddDays(3), TimeSpan.FromDays(7));

        Assert.Equal(At.AddDays(8), escrow.ReleaseDueAt);
        Assert.Equal(At.AddDays(9), Held(deliveredAt: At.AddDays(2)).ReleaseDueAt);
    }

    [Fact]
    public void A_chargeback_after_release_takes_the_shops_net_back()
    {
        var escrow = Held(100_000m);
        escrow.Release(0.05m, "CONFIRMED_BY_BUYER", At);

        var debit = escrow.ChargeBack(At);

        Assert.Equal((LedgerEntryKind.Chargeback, -95_000m), (debit!.Kind, debit.Amount));
        Assert.Equal(EscrowStatus.Refunded, escrow.Status);
        Assert.Null(Held().ChargeBack(At));
    }
}
