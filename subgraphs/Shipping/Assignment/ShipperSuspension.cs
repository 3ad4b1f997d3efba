using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tracking;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Assignment;

/// <summary>
/// A shipper suspended in identity goes off duty and the shipments offered to them pass on to the next shipper, as a
/// lapsed offer's would; reinstated, they may go AVAILABLE again. Shipments they already accepted stay theirs to finish.
/// Runs inside the identity event handler's transaction.
/// </summary>
public sealed class ShipperSuspension(ShippingDbContext db, ShipmentDispatcher dispatcher, ShipperLocationIndex index, TimeProvider clock)
{
    public const string WithdrawnReason = "The shipper was suspended.";

    /// <summary>
    /// Takes the shipper off duty and passes their open offers on; answers how many offers were withdrawn, or null when
    /// the user is no shipper or a later decision about them was applied already.
    /// </summary>
    public async Task<int?> SuspendAsync(Guid shipperId, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        // The offered shipments first, then the shipper: the order assignment locks in, so this never deadlocks with it.
        var offered = await db.ClaimAsync(
            $"""
            SELECT id AS "Value" FROM shipments
            WHERE id IN (SELECT shipment_id FROM shipment_offers WHERE shipper_id = {shipperId} AND status = 'Pending')
            ORDER BY id
            FOR NO KEY UPDATE
            """, cancellationToken);
        var shipper = await db.LockShipperAsync(shipperId, cancellationToken);
        var now = clock.GetUtcNow();
        if (shipper is null || !shipper.Suspend(decidedAt, now))
            return null;

        // Every open offer closes, also one made between the claim and the shipper's lock (the shipper, now OFFLINE,
        // could not accept it anyway); the sweeper offers that one's shipment again, as it does any waiting shipment.
        var open = await db.ShipmentOffers.Where(o => o.ShipperId == shipperId && o.Status == OfferStatus.Pending).ToListAsync(cancellationToken);
        foreach (var offer in open)
            offer.Close(OfferStatus.Withdrawn, WithdrawnReason, now);
        // Closed before the next offers open (one open offer per shipment), and the shipper OFFLINE before candidates are sought.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var shipmentId in offered)
        {
            if (await db.Shipments.SingleOrDefaultAsync(s => s.Id == shipmentId, cancellationToken) is { } shipment)
                await dispatcher.OfferNextAsync(shipment, cancellationToken);
        }
        // Before the commit, unlike a shipper's own change: the index only feeds availableShippers, which checks the
        // database anyway, and a suspension rolled back is retried and removes the shipper again.
        await index.UpdateAsync(shipper);
        return open.Count;
    }

    /// <summary>Lifts the suspension; answers whether the user is a shipper whose standing changed.</summary>
    public async Task<bool> ReinstateAsync(Guid shipperId, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        var shipper = await db.LockShipperAsync(shipperId, cancellationToken);
        return shipper is not null && shipper.Reinstate(decidedAt, clock.GetUtcNow());
    }
}
