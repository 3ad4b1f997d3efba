using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Quotes;
using GoShop.Shipping.Tracking;
using GoShop.Shipping.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Assignment;

/// <summary>
/// Offers waiting shipments to shippers: the nearest AVAILABLE shipper within <c>Shipping:Assignment:RadiusKm</c> of the
/// shop with a free slot (counting the offers they already hold), never one who was offered the shipment before (a
/// decline or a lapse), and among shippers about equally near (<c>EquallyNearKm</c>) the one with fewer deliveries on
/// hand. The candidate's row is locked while the offer is made, after the shipment's (always in that order), so two
/// shipments offered at once cannot both take a shipper's last slot. No one in reach: the shipment stays
/// AWAITING_ASSIGNMENT and is offered again when a shipper near it comes online or moves, and by the sweeper.
/// </summary>
public sealed class ShipmentDispatcher(ShippingDbContext db, IOptions<ShippingOptions> options, TimeProvider clock)
{
    private const int Candidates = 10;

    private AssignmentOptions Options => options.Value.Assignment;

    /// <summary>
    /// Offers a locked, waiting shipment to the best shipper in reach; answers the offer, or none (nobody in reach, an
    /// offer already open, the drop-off unknown, or the shipment no longer waiting).
    /// </summary>
    public async Task<ShipmentOffer?> OfferNextAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        if (shipment.Status != ShipmentStatus.AwaitingAssignment || shipment.DropoffPosition is null)
            return null;
        if (await db.ShipmentOffers.AnyAsync(o => o.ShipmentId == shipment.Id && o.Status == OfferStatus.Pending, cancellationToken))
            return null;
        var pickup = shipment.PickupPosition;
        var radiusMetres = Options.RadiusKm * 1000;
        var bandMetres = Math.Max(Options.EquallyNearKm, 0.001) * 1000;
        var candidates = await db.Database.SqlQuery<Guid>(
            $"""
            SELECT s.id AS "Value" FROM shippers s
            WHERE s.status = 'Available' AND s.location IS NOT NULL
              AND ST_DWithin(s.location, ST_SetSRID(ST_MakePoint({pickup.Lng}, {pickup.Lat}), 4326)::geography, {radiusMetres})
              AND s.active_shipments + (SELECT count(*) FROM shipment_offers p WHERE p.shipper_id = s.id AND p.status = 'Pending') < s.capacity
              AND NOT EXISTS (SELECT 1 FROM shipment_offers o WHERE o.shipment_id = {shipment.Id} AND o.shipper_id = s.id)
            ORDER BY floor(ST_Distance(s.location, ST_SetSRID(ST_MakePoint({pickup.Lng}, {pickup.Lat}), 4326)::geography) / {bandMetres}),
                     s.active_shipments,
                     ST_Distance(s.location, ST_SetSRID(ST_MakePoint({pickup.Lng}, {pickup.Lat}), 4326)::geography)
            LIMIT {Candidates}
            """).ToListAsync(cancellationToken);
        foreach (var candidateId in candidates)
        {
            // Checked again under the shipper's lock: another offer or assignment may have taken the slot meanwhile.
            var shipper = await db.LockShipperAsync(candidateId, cancellationToken);
            if (shipper?.Position is not { } position || !shipper.CanTake().Succeeded)
                continue;
            var held = await db.ShipmentOffers.CountAsync(o => o.ShipperId == shipper.Id && o.Status == OfferStatus.Pending, cancellationToken);
            if (shipper.ActiveShipments + held >= shipper.Capacity)
                continue;
            var now = clock.GetUtcNow();
            var offer = ShipmentOffer.Make(shipment.Id, shipper.Id, Math.Round(position.DistanceKmTo(pickup), 3), now, Options.OfferTimeout);
            db.ShipmentOffers.Add(offer);
            db.Announce(new LiveMessage(ShippingTopics.Offers(shipper.Id),
                new ShipmentOfferMessage(offer.Id, shipment.Id, shipper.Id, offer.DistanceKm, offer.ExpiresAt)));
            // The live offer reaches an open app only; notifications tells the shipper wherever they are.
            db.Publish(ShipmentIntegrationEvents.Offered(shipment, offer));
            return offer;
        }
        return null;
    }

    /// <summary>Closes the open offer of a locked shipment (an assignment by the shop made it moot); answers whether there was one.</summary>
    public async Task<ShipmentOffer?> WithdrawOpenOfferAsync(Guid shipmentId, CancellationToken cancellationToken)
    {
        var open = await db.ShipmentOffers.SingleOrDefaultAsync(o => o.ShipmentId == shipmentId && o.Status == OfferStatus.Pending, cancellationToken);
        open?.Close(OfferStatus.Withdrawn, null, clock.GetUtcNow());
        return open;
    }

    /// <summary>The open, unexpired offer of a shipment to a shipper, if any.</summary>
    public async Task<ShipmentOffer?> OpenOfferAsync(Guid shipmentId, Guid shipperId, CancellationToken cancellationToken)
    {
        var offer = await db.ShipmentOffers.SingleOrDefaultAsync(
            o => o.ShipmentId == shipmentId && o.ShipperId == shipperId && o.Status == OfferStatus.Pending, cancellationToken);
        return offer is not null && offer.IsOpenAt(clock.GetUtcNow()) ? offer : null;
    }

    /// <summary>
    /// Offers the waiting shipments near <paramref name="shipper"/> again (it just came online or moved), oldest first,
    /// each to whoever is best placed for it now. Runs in its own transaction, after the shipper's change committed.
    /// </summary>
    public async Task<int> RetryNearAsync(Shipper shipper, CancellationToken cancellationToken)
    {
        if (shipper.Position is not { } at || shipper.EffectiveStatus != ShipperStatus.Available)
            return 0;
        var radiusMetres = Options.RadiusKm * 1000;
        return await RetryAsync(
            $"""
            SELECT id AS "Value" FROM shipments s
            WHERE s.status = 'AwaitingAssignment' AND s.dropoff IS NOT NULL
              AND ST_DWithin(s.pickup, ST_SetSRID(ST_MakePoint({at.Lng}, {at.Lat}), 4326)::geography, {radiusMetres})
              AND NOT EXISTS (SELECT 1 FROM shipment_offers o WHERE o.shipment_id = s.id AND o.status = 'Pending')
            ORDER BY s.created_at
            LIMIT 5
            FOR NO KEY UPDATE SKIP LOCKED
            """, cancellationToken);
    }

    /// <summary>Offers every waiting shipment with no open offer again (the sweeper's retry), oldest first.</summary>
    public Task<int> RetryAllAsync(int limit, CancellationToken cancellationToken) => RetryAsync(
        $"""
        SELECT id AS "Value" FROM shipments s
        WHERE s.status = 'AwaitingAssignment' AND s.dropoff IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM shipment_offers o WHERE o.shipment_id = s.id AND o.status = 'Pending')
        ORDER BY s.created_at
        LIMIT {limit}
        FOR NO KEY UPDATE SKIP LOCKED
        """, cancellationToken);

    /// <summary>
    /// Lets the open offers past their deadline lapse and offers each of their shipments to the next shipper; answers
    /// how many lapsed.
    /// </summary>
    public async Task<int> ExpireDueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.ClaimAsync(
            $"""
            SELECT id AS "Value" FROM shipments
            WHERE id IN (SELECT shipment_id FROM shipment_offers WHERE status = 'Pending' AND expires_at <= {now})
            ORDER BY id
            LIMIT {limit}
            FOR NO KEY UPDATE SKIP LOCKED
            """, cancellationToken);
        var lapsed = 0;
        foreach (var id in ids)
        {
            var offer = await db.ShipmentOffers.SingleOrDefaultAsync(o => o.ShipmentId == id && o.Status == OfferStatus.Pending, cancellationToken);
            if (offer is null || offer.ExpiresAt > now)
                continue;
            offer.Close(OfferStatus.Expired, null, now);
            lapsed++;
            // The lapsed offer is closed before the next one opens (one open offer per shipment).
            await db.SaveChangesAsync(cancellationToken);
            if (await db.Shipments.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } shipment)
                await OfferNextAsync(shipment, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return lapsed;
    }

    private async Task<int> RetryAsync(FormattableString due, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.ClaimAsync(due, cancellationToken);
        var offered = 0;
        foreach (var id in ids)
        {
            if (await db.Shipments.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } shipment
                && await OfferNextAsync(shipment, cancellationToken) is not null)
            {
                offered++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return offered;
    }
}
