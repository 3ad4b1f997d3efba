using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Payments;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.Notifications.Events;

/// <summary>
/// Payments' events name orders, not people: the buyer or seller comes from the orders notifications kept from ordering's
/// events. A payment of several orders (one checkout) makes one notification, naming its first order.
/// </summary>
public sealed class NotifyPaymentSucceeded(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyPaymentSucceeded> logger)
    : IntegrationEventHandler<PaymentSucceeded, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PaymentSucceeded message, CancellationToken cancellationToken)
    {
        if (await PaymentParties.FirstOrderAsync(Db, message.OrderIds, logger, cancellationToken) is not { } order)
            return;
        await inbox.NotifyAsync(new NotificationRequest(order.BuyerId, NotificationKinds.PaymentSucceeded, new Dictionary<string, object?>
        {
            ["order_number"] = order.Number,
            ["amount"] = NotificationInbox.Amount(message.Amount),
            ["currency"] = message.Currency,
        }, Links.Order(order.OrderId), $"payment-succeeded:{message.PaymentId}"), cancellationToken);
    }
}

public sealed class NotifyPaymentFailed(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyPaymentFailed> logger)
    : IntegrationEventHandler<PaymentFailed, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PaymentFailed message, CancellationToken cancellationToken)
    {
        if (await PaymentParties.FirstOrderAsync(Db, message.OrderIds, logger, cancellationToken) is not { } order)
            return;
        await inbox.NotifyAsync(new NotificationRequest(order.BuyerId, NotificationKinds.PaymentFailed, new Dictionary<string, object?>
        {
            ["order_number"] = order.Number,
            ["reason"] = message.Reason,
        }, Links.Order(order.OrderId), $"payment-failed:{message.PaymentId}"), cancellationToken);
    }
}

public sealed class NotifyRefundCompleted(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyRefundCompleted> logger)
    : IntegrationEventHandler<RefundCompleted, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(RefundCompleted message, CancellationToken cancellationToken)
    {
        if (await PaymentParties.FirstOrderAsync(Db, [message.OrderId], logger, cancellationToken) is not { } order)
            return;
        await inbox.NotifyAsync(new NotificationRequest(order.BuyerId, NotificationKinds.RefundCompleted, new Dictionary<string, object?>
        {
            ["order_number"] = order.Number,
            ["amount"] = NotificationInbox.Amount(message.Amount),
            ["currency"] = message.Currency,
        }, Links.Order(order.OrderId), $"refund-completed:{message.RefundId}"), cancellationToken);
    }
}

public sealed class NotifyEscrowReleased(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyEscrowReleased> logger)
    : IntegrationEventHandler<EscrowReleased, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(EscrowReleased message, CancellationToken cancellationToken)
    {
        if (await PaymentParties.FirstOrderAsync(Db, [message.OrderId], logger, cancellationToken) is not { } order)
            return;
        await inbox.NotifyAsync(new NotificationRequest(order.SellerId, NotificationKinds.EscrowReleased, new Dictionary<string, object?>
        {
            ["order_number"] = order.Number,
            ["amount"] = NotificationInbox.Amount(message.Amount - message.Commission),
            ["currency"] = message.Currency,
        }, Links.ShopOrder(order.OrderId), $"escrow-released:{message.EscrowId}"), cancellationToken);
    }
}

internal static class PaymentParties
{
    /// <summary>The first of the orders notifications knows of; none (logged) for orders placed before it heard of them.</summary>
    public static async Task<OrderParty?> FirstOrderAsync(NotificationsDbContext db, IReadOnlyList<Guid> orderIds, ILogger logger, CancellationToken cancellationToken)
    {
        var known = await db.OrderParties.AsNoTracking().Where(o => orderIds.Contains(o.OrderId)).ToListAsync(cancellationToken);
        var first = orderIds.Select(id => known.FirstOrDefault(o => o.OrderId == id)).FirstOrDefault(o => o is not null);
        if (first is null)
            logger.LogWarning("No order of {OrderIds} is known to notifications; nobody is told", string.Join(", ", orderIds));
        return first;
    }
}
