using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Payments;
using GoShop.Payments.Domain;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>refundPayment: the seller (or an admin) gives money back to the original method through the gateway, once per key.</summary>
public sealed class RefundTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Theory]
    [InlineData("VNPAY", "CARD")]
    [InlineData("MOMO", "E_WALLET")]
    [InlineData("STRIPE", "CARD")]
    [InlineData("PAYPAL", "E_WALLET")]
    public async Task A_seller_refunds_part_of_a_payment_through_its_gateway(string gateway, string method)
    {
        var (paid, seller) = await app.PaidWithSellerAsync(gateway, method, 250_000m);

        var payload = (await seller.RefundAsync(paid.PaymentId, 50_000m, "r-1")).Succeeded();

        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(paid.PaymentId)).Status == PaymentStatus.PartiallyRefunded, "the refund to complete");
        var payment = await app.PaymentAsync(paid.PaymentId);
        // PayPal authorises first (the buyer approved the order), then GoShop captures.
        Assert.Equal([TransactionKind.Capture, TransactionKind.Refund],
            payment.Transactions.OrderBy(t => t.Sequence).Select(t => t.Kind).SkipWhile(k => gateway == "PAYPAL" && k == TransactionKind.Authorization));
        Assert.Equal(50_000m, payment.Refunded);
        Assert.Equal(50_000m, payload.GetProperty("refund").GetProperty("amount").Amount());
        Assert.Equal(50_000m, (await app.EscrowAsync(paid.Order.OrderId))!.RefundedAmount);
        var completed = (await app.EventsAsync(typeof(RefundCompleted))).Single(e => e.GetProperty("paymentId").GetGuid() == paid.PaymentId);
        Assert.Equal((paid.Order.OrderId, 50_000m), (completed.GetProperty("orderId").GetGuid(), completed.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task The_same_key_answers_the_same_refund_and_the_whole_rest_can_be_refunded()
    {
        var (paid, seller) = await app.PaidWithSellerAsync("VNPAY", "CARD", 100_000m);

        var first = (await seller.RefundAsync(paid.PaymentId, 30_000m, "same")).Succeeded().GetProperty("refund").Id();
        var again = (await seller.RefundAsync(paid.PaymentId, 30_000m, "same")).Succeeded().GetProperty("refund").Id();
        var rest = (await seller.RefundAsync(paid.PaymentId, null, "rest")).Succeeded().GetProperty("refund");

        Assert.Equal(first, again);
        Assert.Equal(70_000m, rest.GetProperty("amount").Amount());
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(paid.PaymentId)).Status == PaymentStatus.Refunded, "the payment to be refunded");
        Assert.Equal(EscrowStatus.Refunded, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        Assert.Equal(["NOT_REFUNDABLE"], (await seller.RefundAsync(paid.PaymentId, 1m, "more")).Codes());
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], (await seller.RefundAsync(paid.PaymentId, 1m, "same")).Codes());
    }

    [Fact]
    public async Task Bad_refunds_are_refused_and_nothing_is_written()
    {
        var (paid, seller) = await app.PaidWithSellerAsync("VNPAY", "CARD", 100_000m);
        var pending = await app.StartPaymentAsync();

        Assert.Equal(["REFUND_EXCEEDS_REFUNDABLE"], (await seller.RefundAsync(paid.PaymentId, 100_001m, "k1")).Codes());
        Assert.Equal(["INVALID_AMOUNT"], (await seller.RefundAsync(paid.PaymentId, -5m, "k2")).Codes());
        Assert.Equal(["INVALID_AMOUNT"], (await seller.RefundAsync(paid.PaymentId, 10.5m, "k3")).Codes());
        Assert.Equal(["REQUIRED", "REQUIRED"], (await seller.Client.MutateAsync(Operations.RefundPayment,
            new { input = new { paymentId = paid.PaymentId, reason = " ", idempotencyKey = "" } })).Codes());
        Assert.Equal(["NOT_SELLER"], (await paid.Buyer.RefundAsync(paid.PaymentId, 1_000m, "k4")).Codes());
        Assert.Equal(["PAYMENT_NOT_FOUND"], (await app.SignIn(Roles.Seller).RefundAsync(paid.PaymentId, 1_000m, "k5")).Codes());
        Assert.Equal(["PAYMENT_NOT_FOUND"], (await seller.RefundAsync(Guid.NewGuid(), 1_000m, "k6")).Codes());
        Assert.Equal(["NOT_REFUNDABLE"], (await app.Admin().RefundAsync(pending.PaymentId, 1_000m, "k7")).Codes());
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Refunds.CountAsync(r => r.PaymentId == paid.PaymentId || r.PaymentId == pending.PaymentId)));
        Assert.Equal(PaymentStatus.Captured, (await app.PaymentAsync(paid.PaymentId)).Status);
    }

    [Fact]
    public async Task Money_already_released_to_the_shop_comes_back_out_of_its_balance()
    {
        var (paid, seller) = await app.PaidWithSellerAsync("VNPAY", "CARD", 100_000m);
        await app.InDatabaseAsync(async db =>
        {
            var escrow = await db.Escrows.SingleAsync(e => e.OrderId == paid.Order.OrderId);
            db.ShopLedger.AddRange(escrow.Release(0.05m, "CONFIRMED_BY_BUYER", app.Clock.GetUtcNow()).Value!);
            await db.SaveChangesAsync();
        });

        (await app.Admin().RefundAsync(paid.PaymentId, 20_000m, "after-release")).Succeeded();

        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.ShopLedger.AnyAsync(e => e.OrderId == paid.Order.OrderId && e.Kind == LedgerEntryKind.Refund)),
            "the shop's balance to pay the refund");
        Assert.Equal(75_000m, await app.InDatabaseAsync(db => db.ShopLedger.Where(e => e.ShopId == paid.Order.ShopId).SumAsync(e => e.Amount)));
        _ = seller;
    }
}
