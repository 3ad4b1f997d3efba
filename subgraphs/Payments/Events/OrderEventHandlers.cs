using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Ordering;
using GoShop.Payments.Charges;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Payments.Events;

/// <summary>
/// An order was placed: payments keeps its copy, and a cash-on-delivery order gets its payment, AWAITING_COLLECTION
/// until the shipper collects the cash (the same payment a buyer's startPayment(COD) answers).
/// </summary>
public sealed class OrderPlacedHandler(PaymentsDbContext db, TimeProvider clock, ILogger<OrderPlacedHandler> logger)
    : IntegrationEventHandler<OrderPlaced, PaymentsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderPlaced message, CancellationToken cancellationToken)
    {
        var order = message.Order;
        var cod = PaymentMethods.FromContractName(order.PaymentMethod) == PaymentMethod.Cod;
        var key = PaymentStarter.CodKey(order.OrderId);
        // The buyer's startPayment(COD) may be creating the same payment: its lock first, then the order's, as it takes them.
        if (cod)
            await Db.LockAsync(PaymentStarter.LockScope, $"{order.BuyerId:N}:{key}", cancellationToken);
        await Db.LockOrdersAsync([order.OrderId], cancellationToken);
        await Db.RememberOrderAsync(order, Clock.GetUtcNow(), cancellationToken);
        if (!cod)
            return;
        if (await Db.Payments.AnyAsync(p => p.BuyerId == order.BuyerId && p.IdempotencyKey == key, cancellationToken))
            return;
        Db.Payments.Add(Payment.Start(order.BuyerId, order.CheckoutId, PaymentMethod.Cod, null,
            [new PaymentOrder(order.OrderId, order.ShopId, order.SellerId, order.Number, order.Total)], key, null, Clock.GetUtcNow()));
    }
}

/// <summary>
/// An order was cancelled: its copy says so (a payment captured later is refunded automatically), a captured share of
/// it is refunded from its escrow (nothing goes to the shop), and an uncollected cash-on-delivery payment is cancelled.
/// </summary>
public sealed class OrderCancelledHandler(PaymentsDbContext db, RefundDesk refunds, TimeProvider clock, ILogger<OrderCancelledHandler> logger)
    : IntegrationEventHandler<OrderCancelled, PaymentsDbContext>(db, clock, logger)
{
    public const string Reason = "ORDER_CANCELLED";

    protected override async Task HandleAsync(OrderCancelled message, CancellationToken cancellationToken)
    {
        var orderId = message.Order.OrderId;
        var payments = await OrderPayments.LockAllAsync(Db, orderId, cancellationToken);
        await Db.LockOrdersAsync([orderId], cancellationToken);
        await Db.RememberOrderAsync(message.Order, Clock.GetUtcNow(), cancellationToken);
        foreach (var payment in payments)
        {
            if (payment.IsCod && payment.Captured == 0)
                payment.RecordFailure(PaymentStatus.Cancelled, Reason, message.OccurredAt);
            else
                refunds.Queue(payment, orderId, await refunds.RefundableAsync(payment, orderId, cancellationToken), Reason, RefundDesk.AutomaticKey(Reason, orderId), Clock.GetUtcNow());
        }
    }
}

/// <summary>
/// The seller accepted a return. Returns go by line now: nothing is refunded until the parcel reaches the shop
/// (<see cref="ReturnReceivedHandler"/>), so only the order's copy changes. A message without a return predates that and
/// meant "refund the whole order now": the buyer gets what is left of the order's share back, as it always did.
/// </summary>
public sealed class ReturnApprovedHandler(PaymentsDbContext db, RefundDesk refunds, TimeProvider clock, ILogger<ReturnApprovedHandler> logger)
    : IntegrationEventHandler<ReturnApproved, PaymentsDbContext>(db, clock, logger)
{
    public const string Reason = "RETURN_APPROVED";

    protected override async Task HandleAsync(ReturnApproved message, CancellationToken cancellationToken)
    {
        var orderId = message.Order.OrderId;
        if (message.Return is not null)
        {
            await Db.LockOrdersAsync([orderId], cancellationToken);
            await Db.RememberOrderAsync(message.Order, Clock.GetUtcNow(), cancellationToken);
            return;
        }
        var payments = await OrderPayments.LockAllAsync(Db, orderId, cancellationToken);
        await Db.LockOrdersAsync([orderId], cancellationToken);
        await Db.RememberOrderAsync(message.Order, Clock.GetUtcNow(), cancellationToken);
        foreach (var payment in payments)
            refunds.Queue(payment, orderId, await refunds.RefundableAsync(payment, orderId, cancellationToken), Reason, RefundDesk.AutomaticKey(Reason, orderId), Clock.GetUtcNow());
    }
}

/// <summary>
/// A return's parcel reached the shop: the buyer gets what the return is worth (<see cref="ReturnSnapshot.RefundAmount"/>,
/// never more than is left to refund of the order) back from the order's payments, in payment order, one refund per
/// payment keyed by the return, so a re-sent event finds them and refunds nothing twice. The refund takes the money from
/// the escrow while it is held (the shop gets the rest at release), or from the shop's balance once released (a debt
/// where it falls short), as every refund does when it completes; its RefundCompleted names the return. A cash-on-delivery
/// order is paid back by the platform itself, like any refund of collected cash.
/// </summary>
public sealed class ReturnReceivedHandler(PaymentsDbContext db, RefundDesk refunds, TimeProvider clock, ILogger<ReturnReceivedHandler> logger)
    : IntegrationEventHandler<ReturnReceived, PaymentsDbContext>(db, clock, logger)
{
    public const string Reason = "RETURN_RECEIVED";

    protected override async Task HandleAsync(ReturnReceived message, CancellationToken cancellationToken)
    {
        var orderId = message.Order.OrderId;
        var returned = message.Return;
        var payments = await OrderPayments.LockAllAsync(Db, orderId, cancellationToken);
        await Db.LockOrdersAsync([orderId], cancellationToken);
        await Db.RememberOrderAsync(message.Order, Clock.GetUtcNow(), cancellationToken);
        if (await Db.Refunds.AnyAsync(r => r.ReturnId == returned.ReturnId, cancellationToken))
            return;
        var key = RefundDesk.AutomaticKey(Reason, returned.ReturnId);
        var left = returned.RefundAmount;
        foreach (var payment in payments)
        {
            if (left <= 0)
                break;
            if (payment.Currency != returned.Currency)
            {
                logger.LogError("Return {ReturnId} of order {OrderId} is priced in {ReturnCurrency} but payment {PaymentId} is in {PaymentCurrency}; not refunded from it",
                    returned.ReturnId, orderId, returned.Currency, payment.Id, payment.Currency);
                continue;
            }
            var share = Math.Min(left, await refunds.RefundableAsync(payment, orderId, cancellationToken));
            if (refunds.Queue(payment, orderId, share, Reason, key, Clock.GetUtcNow(), returnId: returned.ReturnId) is { } refund)
                left -= refund.Amount;
        }
        if (left > 0)
        {
            // Already refunded in part (a seller's own refund, a dispute), or never captured (cash not collected yet).
            logger.LogWarning("Return {ReturnId} of order {OrderId} asked for {Asked} {Currency}; {Short} of it was not left to refund",
                returned.ReturnId, orderId, returned.RefundAmount, returned.Currency, left);
        }
    }
}

/// <summary>The order reached the buyer: the release clock of its escrow starts (an escrow made later starts from the same time).</summary>
public sealed class OrderDeliveredHandler(PaymentsDbContext db, IOptions<PaymentsOptions> options, TimeProvider clock,
    ILogger<OrderDeliveredHandler> logger)
    : IntegrationEventHandler<OrderDelivered, PaymentsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderDelivered message, CancellationToken cancellationToken)
    {
        var orderId = message.Order.OrderId;
        await Db.LockOrdersAsync([orderId], cancellationToken);
        await Db.RememberOrderAsync(message.Order, Clock.GetUtcNow(), cancellationToken, deliveredAt: message.OccurredAt);
        if (await Db.Escrows.SingleOrDefaultAsync(e => e.OrderId == orderId, cancellationToken) is { } escrow)
            escrow.StartReleaseClock(message.OccurredAt, options.Value.EscrowReleaseAfterDelivery);
    }
}

/// <summary>
/// The buyer asked to return some of a delivered order: its copy says so, and its held money waits (a refund follows only
/// when the returned parcel reaches the shop).
/// </summary>
public sealed class ReturnRequestedHandler(PaymentsDbContext db, TimeProvider clock, ILogger<ReturnRequestedHandler> logger)
    : IntegrationEventHandler<ReturnRequested, PaymentsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ReturnRequested message, CancellationToken cancellationToken)
    {
        await Db.LockOrdersAsync([message.Order.OrderId], cancellationToken);
        await Db.RememberOrderAsync(message.Order, Clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>The payments of an order, locked in id order (payments first, then the order: the order every writer takes them in).</summary>
internal static class OrderPayments
{
    public static async Task<List<Payment>> LockAllAsync(PaymentsDbContext db, Guid orderId, CancellationToken cancellationToken)
    {
        var ids = await db.PaymentOrders.Where(o => o.OrderId == orderId).Select(o => o.PaymentId).OrderBy(id => id).ToListAsync(cancellationToken);
        var payments = new List<Payment>();
        foreach (var id in ids)
            payments.Add((await db.LockPaymentAsync(id, cancellationToken))!);
        return payments;
    }
}
