using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using GoShop.Contracts.Ordering;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Facts;

/// <summary>
/// Writes facts from events and marks the shop-days they change, and the categories when they change what a category
/// counts (an order's lines and whether it is cancelled, a view, a cart add; refunds, commission and deliveries are
/// figures of the shop's rollups only). Every write that concerns an order first takes that
/// order's lock, so two events of one order (or an order event and its refund) never race to create or read its fact.
/// Used by the event handlers and by the demo history, which goes through the very same path.
/// </summary>
public sealed class FactRecorder(AnalyticsDbContext db, RollupMaintainer rollups)
{
    /// <summary>Orders already locked in this transaction: a second lock of the same key would only cost a round trip.</summary>
    private readonly HashSet<Guid> _lockedOrders = [];

    public RollupMaintainer Rollups => rollups;

    /// <summary>Upserts an order from any of its events; the status follows the latest event by its time.</summary>
    public async Task<OrderFact> OrderAsync(OrderSnapshot order, OrderMilestone milestone, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var fact = await LockedOrderAsync(order.OrderId, cancellationToken);
        var wasLive = fact?.Status is { } status ? status != OrderFact.Cancelled : (bool?)null;
        if (fact is null)
        {
            fact = OrderFact.From(order);
            db.Orders.Add(fact);
        }
        fact.Apply(order, milestone, occurredAt);
        rollups.Touch(fact.ShopId, fact.PlacedAt);
        // A confirmation, a shipment or a delivery changes nothing a category counts: only a new order or a cancellation
        // (or an earlier event arriving late and reviving it) recounts its categories.
        if (wasLive != (fact.Status != OrderFact.Cancelled))
            rollups.TouchCategoriesOfOrder(fact.OrderId);
        return fact;
    }

    /// <summary>Upserts a return (and the order it belongs to, which its events carry).</summary>
    public async Task ReturnAsync(OrderSnapshot order, ReturnSnapshot? snapshot, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        await OrderAsync(order, OrderMilestone.Other, occurredAt, cancellationToken);
        if (snapshot is null)
            return;
        var fact = await db.Returns.FindAsync([snapshot.ReturnId], cancellationToken);
        if (fact is null)
        {
            fact = ReturnFact.From(snapshot);
            db.Returns.Add(fact);
        }
        fact.Apply(snapshot, occurredAt);
    }

    public async Task PaymentSucceededAsync(Guid paymentId, IReadOnlyList<Guid> orderIds, string gateway, string method, decimal amount,
        DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var payment = await PaymentAsync(paymentId, orderIds, occurredAt, cancellationToken);
        payment.Succeed(gateway, method, amount, occurredAt);
    }

    public async Task PaymentFailedAsync(Guid paymentId, IReadOnlyList<Guid> orderIds, string? gateway, string? method, DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        var payment = await PaymentAsync(paymentId, orderIds, occurredAt, cancellationToken);
        payment.Fail(gateway, method, occurredAt);
    }

    /// <summary>A refund, counted once by its id; it counts toward its order whenever the order arrives.</summary>
    public async Task RefundAsync(Guid refundId, Guid orderId, decimal amount, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var order = await LockedOrderAsync(orderId, cancellationToken);
        if (await db.Refunds.FindAsync([refundId], cancellationToken) is null)
            db.Refunds.Add(new RefundFact(refundId, orderId, amount, occurredAt));
        if (order is not null)
            rollups.Touch(order.ShopId, order.PlacedAt);
    }

    /// <summary>An order's money released, with the platform's commission; counted once per order.</summary>
    public async Task ReleasedAsync(Guid orderId, Guid escrowId, decimal commission, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var order = await LockedOrderAsync(orderId, cancellationToken);
        if (await db.Escrows.FindAsync([orderId], cancellationToken) is null)
            db.Escrows.Add(new EscrowFact(orderId, escrowId, commission, occurredAt));
        if (order is not null)
            rollups.Touch(order.ShopId, order.PlacedAt);
    }

    /// <summary>A delivery's shipment (return shipments are ignored), created or updated by <paramref name="change"/>.</summary>
    public async Task ShipmentAsync(GoShop.Contracts.Shipping.ShipmentSnapshot shipment, DateTimeOffset occurredAt, Action<ShipmentFact> change,
        CancellationToken cancellationToken)
    {
        if (shipment.IsReturn)
            return;
        var order = await LockedOrderAsync(shipment.OrderId, cancellationToken);
        var fact = await db.Shipments.FindAsync([shipment.ShipmentId], cancellationToken);
        if (fact is null)
        {
            fact = ShipmentFact.From(shipment, occurredAt);
            db.Shipments.Add(fact);
        }
        fact.Seen(occurredAt);
        change(fact);
        if (order is not null)
            rollups.Touch(order.ShopId, order.PlacedAt);
    }

    /// <summary>Views, each counted once by its id however often its batch arrives.</summary>
    public async Task ViewsAsync(IReadOnlyList<ProductViewFact> views, CancellationToken cancellationToken)
    {
        var ids = views.Select(v => v.ViewId).ToArray();
        var known = await db.ProductViews.Where(v => ids.Contains(v.ViewId)).Select(v => v.ViewId).ToListAsync(cancellationToken);
        foreach (var view in views.DistinctBy(v => v.ViewId).Where(v => !known.Contains(v.ViewId)))
        {
            db.ProductViews.Add(view);
            rollups.Add(view.ShopId, view.ProductId, view.ViewedAt, views: 1, cartAdds: 0);
        }
    }

    public void CartAdd(CartAddFact add)
    {
        db.CartAdds.Add(add);
        rollups.Add(add.ShopId, add.ProductId, add.OccurredAt, views: 0, cartAdds: 1);
    }

    private async Task<OrderFact?> LockedOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (_lockedOrders.Add(orderId))
            await db.LockAsync("analytics-order", orderId.ToString(), cancellationToken);
        // Find: an order added earlier in this unit of work (the demo history plays a whole life at once) is found unsaved.
        return await db.Orders.FindAsync([orderId], cancellationToken);
    }

    private async Task<PaymentFact> PaymentAsync(Guid paymentId, IReadOnlyList<Guid> orderIds, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        await db.LockAsync("analytics-payment", paymentId.ToString(), cancellationToken);
        var payment = await db.Payments.FindAsync([paymentId], cancellationToken);
        if (payment is null)
        {
            payment = PaymentFact.Start(paymentId, orderIds.Count == 0 ? null : orderIds[0], occurredAt);
            db.Payments.Add(payment);
        }
        return payment;
    }
}
