using System.Globalization;
using GoShop.BuildingBlocks.Domain;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.Workflow;

/// <summary>What a buyer asks to return: the order, why, which units (none: all of them) and photos.</summary>
public sealed record ReturnRequest(Guid OrderId, string? Reason, IReadOnlyList<ReturnLineRequest>? Lines, IReadOnlyList<Guid>? MediaIds);

/// <summary>Which return a seller decides on: by its id, or as the return of an order (exactly one of them).</summary>
public sealed record ReturnTarget(Guid? ReturnId, Guid? OrderId);

/// <summary>A return and its order after a change.</summary>
public sealed record ReturnChange(Return Return, Order Order);

/// <summary>
/// Moves returns, always with their order locked and beside the order's own move: the buyer's request (DELIVERED →
/// RETURN_REQUESTED), the seller's approval (→ RETURNED) or rejection (→ COMPLETED), and what shipping and payments
/// report about the parcel and the refund. Events go to the outbox in the same unit of work, so they exist exactly when
/// the change does; a replayed or late report changes nothing.
/// </summary>
public sealed class ReturnWorkflow(OrderingDbContext db, OrderWorkflow orders, TimeProvider clock)
{
    /// <summary>The buyer asks to return some or all of a delivered order, within its return window, once per order.</summary>
    public async Task<Result<ReturnChange>> RequestAsync(ReturnRequest request, Guid userId, bool isAdmin, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.LockOrderAsync(request.OrderId, cancellationToken);
        if (order is null)
            return OrderErrors.OrderNotFound;
        var roles = order.RolesOf(userId, isAdmin);
        if (roles.Count == 0)
            return OrderErrors.NotParticipant;
        if (await db.Returns.AnyAsync(r => r.OrderId == order.Id, cancellationToken))
            return ReturnErrors.AlreadyRequested;
        var now = clock.GetUtcNow();
        var allowed = OrderTransitions.Decide(order.Status, OrderAction.RequestReturn, roles, request.Reason, order.ReturnWindowOpenAt(now));
        if (!allowed.Succeeded)
            return allowed.Error;
        var requested = Return.Request(order, request.Reason, request.Lines, request.MediaIds, now);
        if (!requested.Succeeded)
            return requested.Error;

        var @return = requested.Value;
        db.Returns.Add(@return);
        var moved = orders.Move(order, OrderAction.RequestReturn, new Actor(roles, userId), @return.Reason, @return: @return);
        if (!moved.Succeeded)
            return moved.Error;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReturnChange(@return, order);
    }

    /// <summary>The seller (or an admin) approves a requested return, or rejects it with a reason.</summary>
    public async Task<Result<ReturnChange>> DecideAsync(ReturnTarget target, bool approve, string? reason, Guid userId, bool isAdmin,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var field = target.ReturnId is null ? "orderId" : "returnId";
        var orderId = target.OrderId;
        if (target.ReturnId is { } returnId)
            orderId = await db.Returns.Where(r => r.Id == returnId).Select(r => (Guid?)r.OrderId).SingleOrDefaultAsync(cancellationToken);
        if (orderId is null)
            return ReturnErrors.ReturnNotFound(field);
        var order = await db.LockOrderAsync(orderId.Value, cancellationToken);
        if (order is null)
            return OrderErrors.OrderNotFound;
        var roles = order.RolesOf(userId, isAdmin);
        if (roles.Count == 0)
            return OrderErrors.NotParticipant;
        if (await db.ReturnOfLockedOrderAsync(order.Id, cancellationToken) is not { } @return)
            return ReturnErrors.ReturnNotFound(field);

        var now = clock.GetUtcNow();
        var action = approve ? OrderAction.ApproveReturn : OrderAction.RejectReturn;
        var returnCanMove = @return.CanMove(approve ? ReturnStatus.Approved : ReturnStatus.Rejected);
        if (!returnCanMove.Succeeded)
            return returnCanMove.Error;
        var allowed = OrderTransitions.Decide(order.Status, action, roles, reason, order.ReturnWindowOpenAt(now));
        if (!allowed.Succeeded)
            return allowed.Error;

        var returnMoved = approve ? @return.Approve(now) : @return.Reject(reason!, now);
        if (!returnMoved.Succeeded)
            return returnMoved.Error;
        var moved = orders.Move(order, action, new Actor(roles, userId), reason, explanation: approve ? ApprovedExplanation(@return) : null, @return: @return);
        if (!moved.Succeeded)
            return moved.Error;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReturnChange(@return, order);
    }

    /// <summary>
    /// Approves, as the clock, the requested return of <paramref name="order"/> (locked by the caller's claim) that its
    /// shop left unanswered past <paramref name="timeout"/>; the caller saves. False when there is nothing to approve
    /// (answered meanwhile: the claim re-checks under the lock).
    /// </summary>
    public async Task<bool> ApproveUnansweredAsync(Order order, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (order.Status != OrderStatus.ReturnRequested
            || await db.ReturnOfLockedOrderAsync(order.Id, cancellationToken) is not { Status: ReturnStatus.Requested } @return)
        {
            return false;
        }
        if (!@return.Approve(clock.GetUtcNow()).Succeeded)
            return false;
        var why = $"The shop did not answer the return within {OrderSweeper.Span(timeout)}, so it is approved. " + ApprovedExplanation(@return);
        return orders.Move(order, OrderAction.ApproveReturn, Actor.System, explanation: why, @return: @return).Succeeded;
    }

    private static string ApprovedExplanation(Return @return) =>
        $"A shipper will fetch the parcel from the buyer; {Amount(@return.RefundAmount, @return.Currency)} is refunded once it reaches the shop";

    /// <summary>Shipping created the shipment carrying the return's parcel; the caller saves.</summary>
    public void ShipmentCreated(Order order, Return @return, Guid shipmentId, string trackingNumber)
    {
        if (@return.RecordShipment(shipmentId, clock.GetUtcNow()))
            orders.Report(order, OrderTimelineKind.ShipmentUpdate, "Looking for a shipper to fetch the return", $"Tracking number {trackingNumber}");
    }

    /// <summary>A shipper picked the return's parcel up at the buyer's (APPROVED → IN_TRANSIT); the caller saves.</summary>
    public void PickedUp(Order order, Return @return)
    {
        if (@return.PickUp(clock.GetUtcNow()))
            orders.Report(order, OrderTimelineKind.ReturnPickedUp, "Return picked up", "A shipper is taking the parcel back to the shop");
    }

    /// <summary>
    /// The return's parcel reached the shop (→ RECEIVED): ReturnReceived asks catalog to restock its units and payments
    /// to refund it. The caller saves.
    /// </summary>
    public void Received(Order order, Return @return)
    {
        if (!@return.Receive(clock.GetUtcNow()))
            return;
        orders.Report(order, OrderTimelineKind.ReturnReceived, "Return received by the shop",
            $"{Amount(@return.RefundAmount, @return.Currency)} to be refunded");
        db.Publish(OrderIntegrationEvents.Received(order, @return));
    }

    /// <summary>
    /// The refund of a received return reached the buyer (→ REFUNDED): the order becomes REFUNDED when all of it went
    /// back, else COMPLETED (the rest of the sale is final). The caller saves.
    /// </summary>
    public void Refunded(Order order, Return @return, decimal amount, string currency)
    {
        if (!@return.MarkRefunded(clock.GetUtcNow()))
            return;
        var refunded = Amount(amount, currency) + " refunded";
        if (@return.WholeOrder)
        {
            orders.Move(order, OrderAction.Refund, Actor.System, explanation: refunded);
            return;
        }
        orders.Report(order, OrderTimelineKind.Refunded, "Refund completed", refunded);
        orders.Move(order, OrderAction.Complete, Actor.System, explanation: "Part of the order was returned and refunded; the rest is kept");
    }

    /// <summary>An amount as the timeline writes it, e.g. 1,234,000 VND.</summary>
    public static string Amount(decimal amount, string currency) => $"{amount.ToString("#,0", CultureInfo.InvariantCulture)} {currency}";
}
