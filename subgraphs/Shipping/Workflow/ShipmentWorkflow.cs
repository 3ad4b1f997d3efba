using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Ordering;
using GoShop.Shipping.Assignment;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Geocoding;
using GoShop.Shipping.Tracking;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Workflow;

/// <summary>
/// Every change of a shipment: creation from a confirmed order (its delivery) or an approved return (a return shipment),
/// the delivery's cancellation with its order, accepting, declining and assigning, and the shipper's moves. Each runs on the locked shipment (then, when the shipper's load changes, the locked shipper:
/// always in that order), writes its integration events to the outbox and queues its live updates in the same unit of work.
/// </summary>
public sealed class ShipmentWorkflow(
    ShippingDbContext db,
    ShipmentDispatcher dispatcher,
    IGeocoder geocoder,
    TrackingEta eta,
    TimeProvider clock,
    ILogger<ShipmentWorkflow> logger)
{
    public const string CodPaymentMethod = "COD";

    /// <summary>
    /// The shipment of a confirmed order (once per order: a replay finds it), offered at once to the best shipper in
    /// reach. Runs inside the caller's transaction (the event handler's).
    /// </summary>
    public async Task<Shipment> CreateAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        if (await db.Shipments.DeliveryOf(order.OrderId).SingleOrDefaultAsync(cancellationToken) is { } existing)
            return existing;
        var now = clock.GetUtcNow();
        return await OfferNewAsync(Shipment.Create(await DraftAsync(order, cancellationToken), TrackingNumber.New(now), now), cancellationToken);
    }

    /// <summary>
    /// The return shipment of an approved return (once per return: a replay finds it): picked up at the buyer's address,
    /// delivered at the shop, never cash on delivery, then offered to shippers like a delivery. Inside the caller's transaction.
    /// </summary>
    public async Task<Shipment> CreateReturnAsync(OrderSnapshot order, ReturnSnapshot returned, CancellationToken cancellationToken)
    {
        if (await db.Shipments.SingleOrDefaultAsync(s => s.ReturnId == returned.ReturnId, cancellationToken) is { } existing)
            return existing;
        var now = clock.GetUtcNow();
        return await OfferNewAsync(Shipment.Create(await ReturnDraftAsync(order, returned, cancellationToken), TrackingNumber.New(now), now), cancellationToken);
    }

    private async Task<Shipment> OfferNewAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        var now = shipment.CreatedAt;
        db.Shipments.Add(shipment);
        db.Publish(ShipmentIntegrationEvents.Created(shipment));
        db.Announce(Live(shipment, eta.Snapshot(shipment, null, now)));
        await db.SaveChangesAsync(cancellationToken);
        await dispatcher.OfferNextAsync(shipment, cancellationToken);
        return shipment;
    }

    /// <summary>
    /// The order was cancelled: its delivery is cancelled if it has not been picked up (the shipper's slot is freed, an
    /// open offer withdrawn); after pickup it is left for the shipper to bring back. A cancellation of a confirmed order
    /// that overtook the confirmation (the two events travel on different queues) leaves a CANCELLED shipment behind, so
    /// the late confirmation finds it and creates nothing. Inside the caller's transaction.
    /// </summary>
    public async Task CancelForOrderAsync(OrderSnapshot order, bool wasConfirmed, string? reason, CancellationToken cancellationToken)
    {
        var why = reason ?? "ORDER_CANCELLED";
        var id = await db.Shipments.DeliveryOf(order.OrderId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            if (!wasConfirmed)
                return;
            var now = clock.GetUtcNow();
            var never = Shipment.Create(await DraftAsync(order, cancellationToken), TrackingNumber.New(now), now);
            never.Move(ShipmentStatus.Cancelled, ShipmentActor.System, why, now);
            db.Shipments.Add(never);
            return;
        }
        if (await db.LockShipmentAsync(id.Value, cancellationToken) is not { } shipment)
            return;
        if (shipment.Status is not (ShipmentStatus.AwaitingAssignment or ShipmentStatus.Assigned))
        {
            if (!shipment.Status.IsFinal())
                logger.LogWarning("Order {OrderId} was cancelled but its shipment {ShipmentId} is already {Status}", order.OrderId, shipment.Id, shipment.Status);
            return;
        }
        var moved = shipment.Move(ShipmentStatus.Cancelled, ShipmentActor.System, why, clock.GetUtcNow());
        if (!moved.Succeeded)
            return;
        await dispatcher.WithdrawOpenOfferAsync(shipment.Id, cancellationToken);
        await AfterMoveAsync(shipment, moved.Value, cancellationToken);
    }

    /// <summary>A shipper accepts the shipment offered to them: it is theirs if they still have a free slot.</summary>
    public async Task<Result<Shipment>> AcceptAsync(Guid shipperId, Guid shipmentId, CancellationToken cancellationToken) =>
        await InTransactionAsync(shipmentId, async shipment =>
        {
            if (await dispatcher.OpenOfferAsync(shipment.Id, shipperId, cancellationToken) is not { } offer)
                return shipment.ShipperId == shipperId ? ShipmentErrors.AlreadyAssigned : ShipmentErrors.NoOffer;
            var assigned = await AssignAsync(shipment, shipperId, new ShipmentActor(ShipmentActorRole.Shipper, shipperId), cancellationToken);
            if (assigned.Succeeded)
                offer.Close(OfferStatus.Accepted, null, clock.GetUtcNow());
            return assigned;
        }, cancellationToken);

    /// <summary>A shipper declines the shipment offered to them: it goes to the next shipper in reach (never back to them).</summary>
    public async Task<Result<Shipment>> DeclineAsync(Guid shipperId, Guid shipmentId, string? reason, CancellationToken cancellationToken) =>
        await InTransactionAsync(shipmentId, async shipment =>
        {
            if (await dispatcher.OpenOfferAsync(shipment.Id, shipperId, cancellationToken) is not { } offer)
                return ShipmentErrors.NoOffer;
            offer.Close(OfferStatus.Declined, reason, clock.GetUtcNow());
            // The declined offer is closed before the next one opens (one open offer per shipment).
            await db.SaveChangesAsync(cancellationToken);
            await dispatcher.OfferNextAsync(shipment, cancellationToken);
            return shipment;
        }, cancellationToken);

    /// <summary>The shop's owner or an admin gives a waiting shipment to a shipper of their choice (with a free slot).</summary>
    public async Task<Result<Shipment>> AssignManuallyAsync(Guid userId, bool isAdmin, Guid shipmentId, Guid shipperId, CancellationToken cancellationToken) =>
        await InTransactionAsync(shipmentId, async shipment =>
        {
            var role = userId == shipment.SellerId ? ShipmentActorRole.Seller : isAdmin ? ShipmentActorRole.Admin : (ShipmentActorRole?)null;
            if (role is null)
                return ShipmentErrors.NotShopOwner;
            var assigned = await AssignAsync(shipment, shipperId, new ShipmentActor(role.Value, userId), cancellationToken);
            if (assigned.Succeeded)
                await dispatcher.WithdrawOpenOfferAsync(shipment.Id, cancellationToken);
            return assigned;
        }, cancellationToken);

    /// <summary>
    /// A move asked for through <c>updateShipmentStatus</c>: the assigned shipper moves the parcel on (DELIVERED with
    /// proof and, for COD, exactly the cash due); the shop's owner or an admin may only take a failed parcel back.
    /// </summary>
    public async Task<Result<Shipment>> UpdateStatusAsync(Guid userId, bool isAdmin, Guid shipmentId, ShipmentStatus to, string? note,
        DeliveryProof proof, CancellationToken cancellationToken) =>
        await InTransactionAsync(shipmentId, async shipment =>
        {
            if (shipment.RoleOf(userId, isAdmin) is not { } role)
                return ShipmentErrors.NotAssignedShipper;
            if (role != ShipmentActorRole.Shipper && to != ShipmentStatus.ReturnedToShop)
                return ShipmentErrors.NotAssignedShipper;
            GeoPoint? where = null;
            if (role == ShipmentActorRole.Shipper)
                where = (await db.Shippers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == userId, cancellationToken))?.Position;
            var moved = shipment.MoveTo(to, new ShipmentActor(role, userId, where), note, proof, clock.GetUtcNow());
            if (!moved.Succeeded)
                return moved.Error;
            await AfterMoveAsync(shipment, moved.Value, cancellationToken);
            return shipment;
        }, cancellationToken);

    private async Task<Result<Shipment>> AssignAsync(Shipment shipment, Guid shipperId, ShipmentActor actor, CancellationToken cancellationToken)
    {
        if (shipment.ShipperId is not null)
            return ShipmentErrors.AlreadyAssigned;
        // The shipper's row stays locked to the end of the transaction: a racing accept or assignment waits, then sees
        // this one's slot taken.
        var shipper = await db.LockShipperAsync(shipperId, cancellationToken);
        if (shipper is null)
            return ShipmentErrors.ShipperNotFound;
        var now = clock.GetUtcNow();
        var moved = shipment.Assign(shipperId, actor with { Where = actor.Role == ShipmentActorRole.Shipper ? shipper.Position : actor.Where }, now);
        if (!moved.Succeeded)
            return moved.Error;
        var taken = shipper.Take(now);
        if (!taken.Succeeded)
            return taken.Error;
        await AfterMoveAsync(shipment, moved.Value, cancellationToken, shipper);
        return shipment;
    }

    /// <summary>The consequences of a move: its events, its live update, and the shipper's load and counters.</summary>
    private async Task AfterMoveAsync(Shipment shipment, AppliedShipmentMove move, CancellationToken cancellationToken, Shipper? lockedShipper = null)
    {
        foreach (var integrationEvent in ShipmentIntegrationEvents.Of(shipment, move))
            db.Publish(integrationEvent);
        var shipper = lockedShipper;
        if (shipper is null && shipment.ShipperId is { } shipperId
            && (move.Transition.ReleasesShipper || move.Transition.To == ShipmentStatus.FailedDelivery))
        {
            shipper = await db.LockShipperAsync(shipperId, cancellationToken);
            if (move.Transition.ReleasesShipper)
                shipper?.Release(move.Transition.To, move.At);
            else
                shipper?.CountFailedAttempt(move.At);
        }
        shipper ??= shipment.ShipperId is { } id ? await db.Shippers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        db.Announce(Live(shipment, eta.Snapshot(shipment, shipper?.Position, move.At)));
        if (shipment.Status.IsFinal())
        {
            // The trail is kept for the trip only; the history keeps where each move was made.
            await db.TripPoints.Where(p => p.ShipmentId == shipment.Id).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<Result<Shipment>> InTransactionAsync(Guid shipmentId, Func<Shipment, Task<Result<Shipment>>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var shipment = await db.LockShipmentAsync(shipmentId, cancellationToken);
        if (shipment is null)
            return ShipmentErrors.ShipmentNotFound;
        var result = await change(shipment);
        if (!result.Succeeded)
            return result;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<ShipmentDraft> DraftAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        var address = order.DeliveryAddress;
        var (dropoff, note) = await LocateAsync(address, cancellationToken);
        return new ShipmentDraft(
            order.OrderId,
            order.Number,
            order.ShopId,
            order.SellerId,
            order.BuyerId,
            new GeoPoint(order.ShopLatitude, order.ShopLongitude),
            dropoff,
            AddressLine(address),
            address.RecipientName,
            address.Phone,
            order.WeightGrams,
            order.PaymentMethod == CodPaymentMethod ? order.Total : 0,
            order.Currency,
            note);
    }

    /// <summary>
    /// A return travels the other way: from the buyer's address (located as a delivery's drop-off is, or where the order's
    /// delivery went) to the shop's location.
    /// </summary>
    private async Task<ShipmentDraft> ReturnDraftAsync(OrderSnapshot order, ReturnSnapshot returned, CancellationToken cancellationToken)
    {
        var address = returned.PickupAddress;
        var (pickup, note) = await LocateAsync(address, cancellationToken, "pickup");
        if (pickup is null)
        {
            // The same address took the order's parcel somewhere: the shipper who delivered it found the door.
            var delivered = await db.Shipments.AsNoTracking()
                .DeliveryOf(order.OrderId)
                .Where(s => s.Dropoff != null)
                .Select(s => s.Dropoff)
                .SingleOrDefaultAsync(cancellationToken);
            pickup = delivered is null ? null : Shipment.PositionOf(delivered);
            note = delivered is null ? note : "Pickup located where the order was delivered; call the buyer if unsure.";
        }
        if (pickup is null)
        {
            // Nowhere to send a shipper: the message fails (and is retried, then parked) rather than inventing a point.
            throw new InvalidOperationException($"Return {returned.ReturnId}: the pickup address '{AddressLine(address)}' could not be located.");
        }
        var shop = new GeoPoint(returned.ShopLatitude, returned.ShopLongitude);
        return new ShipmentDraft(
            order.OrderId,
            order.Number,
            returned.ShopId,
            returned.SellerId,
            returned.BuyerId,
            pickup,
            shop,
            FormattableString.Invariant($"The shop's location ({shop.Lat:0.000000}, {shop.Lng:0.000000})"),
            address.RecipientName,
            address.Phone,
            returned.WeightGrams,
            0,
            returned.Currency,
            note,
            ShipmentKind.Return,
            returned.ReturnId,
            AddressLine(address));
    }

    /// <summary>Locates the buyer's end of a trip (<paramref name="end"/>: the drop-off of a delivery, the pickup of a return).</summary>
    private async Task<(GeoPoint? Point, string? Note)> LocateAsync(OrderAddressSnapshot address, CancellationToken cancellationToken, string end = "drop-off")
    {
        if (address.Latitude is { } lat && address.Longitude is { } lng && GeoPoint.IsValid(lat, lng))
            return (new GeoPoint(lat, lng), null);
        var found = await geocoder.GeocodeAsync(new AddressQuery(address.Line1, address.Ward, address.District, address.City, address.Country),
            cancellationToken);
        if (found.Point is { } point)
            return (point, $"{char.ToUpperInvariant(end[0])}{end[1..]} located from the address ({found.Precision?.ToString().ToLowerInvariant() ?? "approximate"}); call the recipient if unsure.");
        // Located nowhere: better no point than a wrong one. The shipment waits for the shop or an admin to assign it.
        var city = await geocoder.GeocodeAsync(new AddressQuery(City: address.City, Country: address.Country), cancellationToken);
        if (city.Point is { } centre)
            return (centre, $"Address not found ({found.Error?.Code}); the {end} is the centre of {city.Place?.City ?? address.City}: call the recipient.");
        return (null, $"ADDRESS_NOT_LOCATED: '{AddressLine(address)}' could not be located ({found.Error?.Code}); not offered to shippers automatically — the shop or an admin assigns one.");
    }

    private static string AddressLine(OrderAddressSnapshot address) =>
        string.Join(", ", new[] { address.Line1, address.Line2, address.Ward, address.District, address.City, address.Country }
            .Where(p => !string.IsNullOrWhiteSpace(p)));

    internal static LiveMessage Live(Shipment shipment, ShipmentTrackingMessage message) => new(ShippingTopics.Tracking(shipment), message);
}
