using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Payments;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Workflow;

namespace GoShop.Ordering.Events;

/// <summary>
/// An online payment arrived: each of its orders still waiting moves PENDING_PAYMENT → PENDING (SYSTEM) and waits for
/// its seller. An order already past that (a replay, or one the sweeper cancelled first) is left as it is.
/// </summary>
public sealed class PaymentSucceededHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<PaymentSucceededHandler> logger)
    : IntegrationEventHandler<PaymentSucceeded, OrderingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PaymentSucceeded message, CancellationToken cancellationToken)
    {
        // One order after another in id order: two events about the same orders never lock them crosswise.
        foreach (var orderId in message.OrderIds.Distinct().Order())
        {
            if (await Db.LockOrderAsync(orderId, cancellationToken) is { Status: OrderStatus.PendingPayment } order)
                workflow.Move(order, OrderAction.MarkPaid, Actor.System);
        }
    }
}

/// <summary>
/// An online payment failed for good: each of its orders still waiting is cancelled (SYSTEM, PAYMENT_FAILED), which
/// puts its stock back on sale and gives its coupons back. An order already past that is left as it is.
/// </summary>
public sealed class PaymentFailedHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<PaymentFailedHandler> logger)
    : IntegrationEventHandler<PaymentFailed, OrderingDbContext>(db, clock, logger)
{
    public const string Reason = "PAYMENT_FAILED";

    protected override async Task HandleAsync(PaymentFailed message, CancellationToken cancellationToken)
    {
        foreach (var orderId in message.OrderIds.Distinct().Order())
        {
            if (await Db.LockOrderAsync(orderId, cancellationToken) is { Status: OrderStatus.PendingPayment } order)
                workflow.Move(order, OrderAction.Cancel, Actor.System, Reason);
        }
    }
}

/// <summary>
/// A refund reached the buyer. The refund of a return (<see cref="RefundCompleted.ReturnId"/>) marks that return
/// REFUNDED, and its order REFUNDED when all of it went back, else COMPLETED. Any other refund: a RETURNED order whose
/// return was approved before returns went by line becomes REFUNDED (SYSTEM); any other order (a cancelled paid one)
/// only tells it on its timeline. A replay changes nothing.
/// </summary>
public sealed class RefundCompletedHandler(OrderingDbContext db, OrderWorkflow workflow, ReturnWorkflow returns, TimeProvider clock,
    ILogger<RefundCompletedHandler> logger)
    : IntegrationEventHandler<RefundCompleted, OrderingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(RefundCompleted message, CancellationToken cancellationToken)
    {
        var order = await Db.LockOrderAsync(message.OrderId, cancellationToken);
        if (order is null)
            return;
        if (message.ReturnId is { } returnId)
        {
            if (await Db.ReturnOfLockedOrderAsync(order.Id, cancellationToken) is { } @return && @return.Id == returnId)
                returns.Refunded(order, @return, message.Amount, message.Currency);
            return;
        }
        switch (order.Status)
        {
            case OrderStatus.Refunded:
                return;
            case OrderStatus.Returned:
                workflow.Move(order, OrderAction.Refund, Actor.System);
                return;
            default:
                workflow.Report(order, OrderTimelineKind.Refunded, "Refund completed", ReturnWorkflow.Amount(message.Amount, message.Currency) + " refunded");
                return;
        }
    }
}
