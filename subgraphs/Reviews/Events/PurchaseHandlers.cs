using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shipping;
using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Events;

/// <summary>
/// What a buyer may review comes from here: a delivered (or completed) order becomes a <see cref="Purchase"/>, whose
/// 30 days start when it was delivered; a delivered delivery shipment becomes a <see cref="Delivery"/>.
/// </summary>
internal static class Purchases
{
    public static async Task RecordAsync(ReviewsDbContext db, OrderSnapshot order, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        if (await db.Purchases.AnyAsync(p => p.OrderId == order.OrderId, cancellationToken))
            return;
        // An order holds each product (and variant) once per line; merge repeats so a line is one review.
        var lines = order.Lines.DistinctBy(l => (l.ProductId, l.VariantId))
            .Select(l => new PurchaseLine(l.ProductId, l.VariantId, l.Title, l.VariantTitle));
        db.Purchases.Add(new Purchase(order.OrderId, order.BuyerId, order.ShopId, order.SellerId, order.Number, deliveredAt, lines));
        // Shipping's ShipmentDelivered may come first: a delivery review already written learns whom to let reply.
        foreach (var review in await db.Reviews.Where(r => r.OrderId == order.OrderId && r.SellerId == Guid.Empty).ToListAsync(cancellationToken))
            review.LearnSeller(order.SellerId);
    }
}

/// <summary>The parcel reached the buyer: from now on, for 30 days, they may review its lines and its shop.</summary>
public sealed class OrderDeliveredHandler(ReviewsDbContext db, TimeProvider clock, ILogger<OrderDeliveredHandler> logger)
    : IntegrationEventHandler<OrderDelivered, ReviewsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(OrderDelivered message, CancellationToken cancellationToken) =>
        Purchases.RecordAsync(Db, message.Order, message.OccurredAt, cancellationToken);
}

/// <summary>
/// The sale is final. Usually the order was delivered before (nothing changes); if its delivery was never heard of,
/// the 30 days count from now.
/// </summary>
public sealed class OrderCompletedHandler(ReviewsDbContext db, TimeProvider clock, ILogger<OrderCompletedHandler> logger)
    : IntegrationEventHandler<OrderCompleted, ReviewsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(OrderCompleted message, CancellationToken cancellationToken) =>
        Purchases.RecordAsync(Db, message.Order, message.OccurredAt, cancellationToken);
}

/// <summary>Returned lines reached the shop: they can no longer be reviewed (reviews already written stay).</summary>
public sealed class ReturnReceivedHandler(ReviewsDbContext db, TimeProvider clock, ILogger<ReturnReceivedHandler> logger)
    : IntegrationEventHandler<ReturnReceived, ReviewsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ReturnReceived message, CancellationToken cancellationToken)
    {
        var purchase = await Db.Purchases.SingleOrDefaultAsync(p => p.OrderId == message.Order.OrderId, cancellationToken);
        if (purchase is null)
            return;
        foreach (var line in message.Return.Lines)
            purchase.MarkReturned(line.ProductId, line.VariantId);
    }
}

/// <summary>A delivery shipment reached its buyer: its shipper may be reviewed once, for 30 days. Return shipments are not.</summary>
public sealed class ShipmentDeliveredHandler(ReviewsDbContext db, TimeProvider clock, ILogger<ShipmentDeliveredHandler> logger)
    : IntegrationEventHandler<ShipmentDelivered, ReviewsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ShipmentDelivered message, CancellationToken cancellationToken)
    {
        var shipment = message.Shipment;
        if (shipment.IsReturn || await Db.Deliveries.AnyAsync(d => d.ShipmentId == shipment.ShipmentId, cancellationToken))
            return;
        Db.Deliveries.Add(new Delivery(shipment.ShipmentId, shipment.OrderId, shipment.BuyerId, shipment.ShopId, message.ShipperId, message.OccurredAt));
    }
}
