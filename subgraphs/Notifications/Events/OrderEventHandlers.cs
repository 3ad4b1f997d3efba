using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Ordering;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.Notifications.Events;

/// <summary>
/// Ordering's events: the buyer hears of their order's progress, the seller of new orders, cancellations and return
/// requests. Every order event also keeps who the order concerns (<see cref="OrderParty"/>) for the events that name
/// only the order.
/// </summary>
public abstract class OrderEventHandler<TEvent>(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger logger)
    : IntegrationEventHandler<TEvent, NotificationsDbContext>(db, clock, logger)
    where TEvent : class, GoShop.Contracts.IIntegrationEvent
{
    protected NotificationInbox Inbox { get; } = inbox;

    /// <summary>Keeps who the order concerns; an upsert, so two events of one order handled at once never collide.</summary>
    protected Task RememberAsync(OrderSnapshot order, CancellationToken cancellationToken) => Db.Database.ExecuteSqlAsync(
        $"""
        INSERT INTO order_parties (order_id, buyer_id, seller_id, shop_id, number, total, currency)
        VALUES ({order.OrderId}, {order.BuyerId}, {order.SellerId}, {order.ShopId}, {order.Number}, {order.Total}, {order.Currency})
        ON CONFLICT (order_id) DO NOTHING
        """, cancellationToken);

    protected Task TellAsync(Guid userId, NotificationKind kind, OrderSnapshot order, string link, string eventName, DateTimeOffset occurredAt,
        CancellationToken cancellationToken, string? reason = null) =>
        Inbox.NotifyAsync(new NotificationRequest(userId, kind, Values(order, reason), link, $"{eventName}:{order.OrderId}:{occurredAt.UtcTicks}"),
            cancellationToken);

    private static Dictionary<string, object?> Values(OrderSnapshot order, string? reason) => new()
    {
        ["order_number"] = order.Number,
        ["total"] = NotificationInbox.Amount(order.Total),
        ["currency"] = order.Currency,
        ["reason"] = reason,
    };
}

public sealed class NotifyOrderPlaced(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyOrderPlaced> logger)
    : OrderEventHandler<OrderPlaced>(db, inbox, clock, logger)
{
    protected override async Task HandleAsync(OrderPlaced message, CancellationToken cancellationToken)
    {
        var order = message.Order;
        await RememberAsync(order, cancellationToken);
        await TellAsync(order.BuyerId, NotificationKinds.OrderPlaced, order, Links.Order(order.OrderId), "placed", message.OccurredAt, cancellationToken);
        await TellAsync(order.SellerId, NotificationKinds.NewOrder, order, Links.ShopOrder(order.OrderId), "placed", message.OccurredAt, cancellationToken);
    }
}

public sealed class NotifyOrderConfirmed(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyOrderConfirmed> logger)
    : OrderEventHandler<OrderConfirmed>(db, inbox, clock, logger)
{
    protected override async Task HandleAsync(OrderConfirmed message, CancellationToken cancellationToken)
    {
        await RememberAsync(message.Order, cancellationToken);
        await TellAsync(message.Order.BuyerId, NotificationKinds.OrderConfirmed, message.Order, Links.Order(message.Order.OrderId), "confirmed",
            message.OccurredAt, cancellationToken);
    }
}

public sealed class NotifyOrderCancelled(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyOrderCancelled> logger)
    : OrderEventHandler<OrderCancelled>(db, inbox, clock, logger)
{
    protected override async Task HandleAsync(OrderCancelled message, CancellationToken cancellationToken)
    {
        var order = message.Order;
        await RememberAsync(order, cancellationToken);
        var reason = message.Actor.Reason;
        // Whoever cancelled knows it already; the other side is told.
        if (message.Actor.UserId != order.BuyerId)
            await TellAsync(order.BuyerId, NotificationKinds.OrderCancelled, order, Links.Order(order.OrderId), "cancelled", message.OccurredAt, cancellationToken, reason);
        if (message.Actor.UserId != order.SellerId)
            await TellAsync(order.SellerId, NotificationKinds.OrderCancelledForSeller, order, Links.ShopOrder(order.OrderId), "cancelled", message.OccurredAt,
                cancellationToken, reason);
    }
}

public sealed class NotifyOrderShipped(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyOrderShipped> logger)
    : OrderEventHandler<OrderShipped>(db, inbox, clock, logger)
{
    protected override async Task HandleAsync(OrderShipped message, CancellationToken cancellationToken)
    {
        await RememberAsync(message.Order, cancellationToken);
        await TellAsync(message.Order.BuyerId, NotificationKinds.OrderShipped, message.Order, Links.Order(message.Order.OrderId), "shipped",
            message.OccurredAt, cancellationToken);
    }
}

public sealed class NotifyOrderDelivered(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyOrderDelivered> logger)
    : OrderEventHandler<OrderDelivered>(db, inbox, clock, logger)
{
    protected override async Task HandleAsync(OrderDelivered message, CancellationToken cancellationToken)
    {
        await RememberAsync(message.Order, cancellationToken);
        await TellAsync(message.Order.BuyerId, NotificationKinds.OrderDelivered, message.Order, Links.Order(message.Order.OrderId), "delivered",
            message.OccurredAt, cancellationToken);
    }
}

public sealed class NotifyReturnRequested(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyReturnRequested> logger)
    : OrderEventHandler<ReturnRequested>(db, inbox, clock, logger)
{
    protected override async Task HandleAsync(ReturnRequested message, CancellationToken cancellationToken)
    {
        await RememberAsync(message.Order, cancellationToken);
        await TellAsync(message.Order.SellerId, NotificationKinds.ReturnRequested, message.Order, Links.ShopOrder(message.Order.OrderId), "return-requested",
            message.OccurredAt, cancellationToken, message.Return?.Reason ?? message.Actor.Reason);
    }
}

public sealed class NotifyReturnApproved(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyReturnApproved> logger)
    : OrderEventHandler<ReturnApproved>(db, inbox, clock, logger)
{
    protected override async Task HandleAsync(ReturnApproved message, CancellationToken cancellationToken)
    {
        await RememberAsync(message.Order, cancellationToken);
        await TellAsync(message.Order.BuyerId, NotificationKinds.ReturnApproved, message.Order, Links.Order(message.Order.OrderId), "return-approved",
            message.OccurredAt, cancellationToken);
    }
}
