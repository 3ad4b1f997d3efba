using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Contracts.Shipping;
using GoShop.Payments.Domain;
using GoShop.Payments.Events;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>
/// Returns by line: approving a return moves no money; its parcel reaching the shop (ReturnReceived) refunds exactly
/// what the return is worth, once, from the held escrow or, once released, from the shop's balance (owed where it falls
/// short), and RefundCompleted names the return. The return shipment's own events move no money.
/// </summary>
public sealed class ReturnRefundTests(PaymentsApp app) : IClassFixture<PaymentsApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_approved_return_by_line_refunds_nothing_until_its_parcel_is_received()
    {
        var paid = await app.PaidAsync(total: 200_000m);
        var returned = ReturnOf(paid.Order.OrderId, 50_000m);

        await app.PublishAndWaitAsync(new ReturnApproved(app.Orders.Move(paid.Order.OrderId, "RETURN_REQUESTED"), new OrderActor("SELLER", Guid.NewGuid(), null),
            app.Clock.GetUtcNow(), returned));
        await app.SweepAsync();

        Assert.Equal(PaymentStatus.Captured, (await app.PaymentAsync(paid.PaymentId)).Status);
        Assert.False(await app.InDatabaseAsync(db => db.Refunds.AnyAsync(r => r.PaymentId == paid.PaymentId)));
        var escrow = (await app.EscrowAsync(paid.Order.OrderId))!;
        Assert.Equal((EscrowStatus.Held, 200_000m), (escrow.Status, escrow.Remaining));
    }

    [Fact]
    public async Task A_received_return_refunds_exactly_its_amount_once_from_the_held_escrow_and_the_shop_gets_the_rest()
    {
        var paid = await app.PaidAsync(total: 200_000m);
        var returned = ReturnOf(paid.Order.OrderId, 50_000m);
        var received = new ReturnReceived(app.Orders.Move(paid.Order.OrderId, "RETURN_REQUESTED"), returned, app.Clock.GetUtcNow());

        await app.PublishAndWaitAsync(received);
        await app.PublishAndWaitAsync(received);
        await app.SweepAsync();
        await app.PublishAndWaitAsync(received);
        await app.SweepAsync();

        var refund = Assert.Single(await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().Where(r => r.PaymentId == paid.PaymentId).ToListAsync()));
        Assert.Equal((RefundStatus.Succeeded, 50_000m, ReturnReceivedHandler.Reason, returned.ReturnId), (refund.Status, refund.Amount, refund.Reason, refund.ReturnId));
        var payment = await app.PaymentAsync(paid.PaymentId);
        Assert.Equal((PaymentStatus.PartiallyRefunded, 50_000m), (payment.Status, payment.Refunded));
        var escrow = (await app.EscrowAsync(paid.Order.OrderId))!;
        Assert.Equal((EscrowStatus.Held, 50_000m, 150_000m), (escrow.Status, escrow.RefundedAmount, escrow.Remaining));
        var completed = Assert.Single(await app.EventsAsync(typeof(RefundCompleted)), e => e.GetProperty("orderId").GetGuid() == paid.Order.OrderId);
        Assert.Equal((50_000m, returned.ReturnId), (completed.GetProperty("amount").GetDecimal(), completed.GetProperty("returnId").GetGuid()));

        await app.DeliverAsync(paid);
        (await paid.Buyer.Client.MutateAsync(Operations.ConfirmReceipt, new { input = new { orderId = paid.Order.OrderId } })).Succeeded();

        var entries = await ShopEntriesAsync(paid.Order.ShopId);
        Assert.Equal([(LedgerEntryKind.Commission, -7_500m), (LedgerEntryKind.EscrowRelease, 150_000m)], entries);
    }

    [Fact]
    public async Task A_return_received_after_release_is_paid_from_the_shops_balance_and_owed_where_it_falls_short()
    {
        var (paid, _) = await app.PaidWithSellerAsync("VNPAY", "CARD", 100_000m);
        var shopId = paid.Order.ShopId;
        await app.DeliverAsync(paid);
        (await paid.Buyer.Client.MutateAsync(Operations.ConfirmReceipt, new { input = new { orderId = paid.Order.OrderId } })).Succeeded();
        var order = app.Orders.Move(paid.Order.OrderId, "RETURN_REQUESTED");
        var first = ReturnOf(order.OrderId, 30_000m);
        // More than the 70,000 still refundable of the order: the buyer gets what is left, never more.
        var second = ReturnOf(order.OrderId, 90_000m);

        await app.PublishAndWaitAsync(new ReturnReceived(order, first, app.Clock.GetUtcNow()));
        await app.SweepAsync();
        await app.PublishAndWaitAsync(new ReturnReceived(order, second, app.Clock.GetUtcNow()));
        await app.SweepAsync();

        var refunds = await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().Where(r => r.PaymentId == paid.PaymentId).OrderBy(r => r.Amount).ToListAsync());
        Assert.Equal([(first.ReturnId, 30_000m), (second.ReturnId, 70_000m)], refunds.Select(r => (r.ReturnId!.Value, r.Amount)));
        Assert.All(refunds, r => Assert.Equal(RefundStatus.Succeeded, r.Status));
        Assert.Equal(PaymentStatus.Refunded, (await app.PaymentAsync(paid.PaymentId)).Status);
        // Released 100,000 less 5,000 commission; the first return takes 30,000 whole, the second the 65,000 left and owes 5,000.
        var entries = await ShopEntriesAsync(shopId);
        Assert.Equal([(LedgerEntryKind.Commission, -5_000m), (LedgerEntryKind.EscrowRelease, 100_000m), (LedgerEntryKind.Refund, -65_000m),
            (LedgerEntryKind.Refund, -30_000m)], entries);
        var debt = await app.InDatabaseAsync(db => db.ShopDebts.AsNoTracking().SingleAsync(d => d.ShopId == shopId));
        Assert.Equal((LedgerEntryKind.Refund, 5_000m, order.OrderId), (debt.Cause, debt.Outstanding, debt.OrderId));
        var completed = (await app.EventsAsync(typeof(RefundCompleted))).Where(e => e.GetProperty("orderId").GetGuid() == order.OrderId).ToList();
        Assert.Equal([first.ReturnId, second.ReturnId], completed.Select(e => e.GetProperty("returnId").GetGuid()));
    }

    [Fact]
    public async Task A_cod_orders_return_is_paid_back_by_the_platform_and_the_return_shipments_events_move_no_money()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, "COD", 135_000m);
        await app.PublishAndWaitAsync(new OrderPlaced(order, app.Clock.GetUtcNow()));
        var delivery = Guid.CreateVersion7();
        var shipperId = Guid.CreateVersion7();
        await app.PublishAndWaitAsync(new CodCollected(delivery, order.OrderId, shipperId, 135_000m, "VND", app.Clock.GetUtcNow()));
        var paymentId = await app.InDatabaseAsync(db => db.Payments.Where(p => p.BuyerId == buyer.Id).Select(p => p.Id).SingleAsync());
        var returned = ReturnOf(order.OrderId, 35_000m);
        var returnShipment = new ShipmentSnapshot(Guid.CreateVersion7(), order.OrderId, order.ShopId, buyer.Id, "GSX261207RETURN01", "DELIVERED", shipperId,
            0m, "VND", ShipmentKinds.Return, returned.ReturnId);

        await app.Service<IBus>().Publish(new ShipmentPickedUp(returnShipment with { Status = "PICKED_UP" }, shipperId, app.Clock.GetUtcNow()));
        await app.Service<IBus>().Publish(new ShipmentDelivered(returnShipment, shipperId, "Kho", null, app.Clock.GetUtcNow()));
        await app.PublishAndWaitAsync(new ReturnReceived(app.Orders.Move(order.OrderId, "RETURN_REQUESTED"), returned, app.Clock.GetUtcNow()));
        await app.SweepAsync();

        var payment = await app.PaymentAsync(paymentId);
        Assert.Equal((PaymentStatus.PartiallyRefunded, 135_000m, 35_000m), (payment.Status, payment.Captured, payment.Refunded));
        Assert.Equal([TransactionKind.Capture, TransactionKind.Refund], payment.Transactions.OrderBy(t => t.Sequence).Select(t => t.Kind));
        var refund = await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().SingleAsync(r => r.PaymentId == paymentId));
        Assert.Equal((RefundStatus.Succeeded, returned.ReturnId), (refund.Status, refund.ReturnId));
        var debt = Assert.Single(await app.InDatabaseAsync(db => db.CodDebts.AsNoTracking().Where(d => d.OrderId == order.OrderId).ToListAsync()));
        Assert.Equal((delivery, 135_000m), (debt.ShipmentId, debt.Amount));
        Assert.Equal(100_000m, (await app.EscrowAsync(order.OrderId))!.Remaining);
    }

    /// <summary>A return of part of an order worth <paramref name="refundAmount"/>, as ordering's events carry it.</summary>
    private ReturnSnapshot ReturnOf(Guid orderId, decimal refundAmount)
    {
        var order = app.Orders[orderId];
        var line = order.Lines[0];
        return new ReturnSnapshot(Guid.CreateVersion7(), orderId, order.BuyerId, order.ShopId, order.SellerId, "RECEIVED", "Hàng lỗi",
            [new ReturnLineSnapshot(Guid.CreateVersion7(), line.ProductId, line.VariantId, line.Title, line.VariantTitle, 1, refundAmount, line.WeightGrams)],
            refundAmount, order.Currency, false, line.WeightGrams, order.DeliveryAddress, order.ShopLatitude, order.ShopLongitude, app.Clock.GetUtcNow());
    }

    /// <summary>The shop's ledger by kind and amount (entries written together share a moment, so time cannot order them).</summary>
    private Task<List<(LedgerEntryKind Kind, decimal Amount)>> ShopEntriesAsync(Guid shopId) =>
        app.InDatabaseAsync(async db => (await db.ShopLedger.AsNoTracking().Where(e => e.ShopId == shopId).ToListAsync())
            .Select(e => (e.Kind, e.Amount)).OrderBy(e => e.Kind.ToString()).ThenBy(e => e.Amount).ToList());
}
