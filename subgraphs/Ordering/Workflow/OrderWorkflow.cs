using GoShop.BuildingBlocks.Domain;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.Live;
using Microsoft.Extensions.Options;

namespace GoShop.Ordering.Workflow;

/// <summary>
/// Moves orders for everyone who may: people through the mutations, other subgraphs' events, the sweeper. A move is
/// made on the locked row, and its integration event (outbox) and live update are queued in the same unit of work, so
/// they exist exactly when the move does.
/// </summary>
public sealed class OrderWorkflow(OrderingDbContext db, TimeProvider clock, IOptions<OrderingOptions> options)
{
    public OrderPolicy Policy => new(options.Value.PaymentTimeout, options.Value.ConfirmationTimeout, options.Value.ReturnWindow);

    /// <summary>
    /// Applies a move to an order locked in the current transaction; the caller saves. A move of a return passes the
    /// return, already moved, for its events to carry.
    /// </summary>
    public Result<AppliedTransition> Move(Order order, OrderAction action, Actor actor, string? reason = null, ShipmentDetails? shipment = null,
        string? explanation = null, Return? @return = null)
    {
        var moved = order.Apply(action, actor, reason, Policy, clock.GetUtcNow(), shipment, explanation);
        if (!moved.Succeeded)
            return moved;
        foreach (var integrationEvent in OrderIntegrationEvents.Of(order, moved.Value, @return))
            db.Publish(integrationEvent);
        db.Announce(OrderStatusUpdateMessage.Moved(order, moved.Value));
        return moved;
    }

    /// <summary>Writes news that does not move the order on its timeline; the caller saves.</summary>
    public void Report(Order order, OrderTimelineKind kind, string title, string? detail) => order.Report(kind, title, detail, clock.GetUtcNow());

    /// <summary>
    /// A person's move (the mutations): in a transaction of its own, on the locked order, in whichever of the roles
    /// they hold on it the move allows. Of two racing moves the second sees the first one's status.
    /// </summary>
    public async Task<Result<Order>> MoveAsync(Guid orderId, OrderAction action, Guid userId, bool isAdmin, string? reason,
        ShipmentDetails? shipment, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.LockOrderAsync(orderId, cancellationToken);
        if (order is null)
            return OrderErrors.OrderNotFound;
        var roles = order.RolesOf(userId, isAdmin);
        if (roles.Count == 0)
            return OrderErrors.NotParticipant;
        var moved = Move(order, action, new Actor(roles, userId), reason, shipment);
        if (!moved.Succeeded)
            return moved.Error;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order;
    }
}
