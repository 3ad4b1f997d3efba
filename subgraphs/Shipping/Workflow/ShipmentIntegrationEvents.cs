using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts;
using GoShop.Contracts.Shipping;
using GoShop.Shipping.Domain;

namespace GoShop.Shipping.Workflow;

/// <summary>
/// The integration events of a shipment, each carrying the shipment as it is after the change; a return shipment's
/// carry Kind RETURN and its return's id, and it never collects cash.
/// </summary>
public static class ShipmentIntegrationEvents
{
    public static ShipmentCreated Created(Shipment shipment) => new(Snapshot(shipment), shipment.CreatedAt);

    /// <summary>The shipment was offered to one shipper (it is still AWAITING_ASSIGNMENT until they accept).</summary>
    public static ShipmentOffered Offered(Shipment shipment, ShipmentOffer offer) =>
        new(Snapshot(shipment), offer.Id, offer.ShipperId, offer.ExpiresAt, offer.OfferedAt);

    /// <summary>The events a move publishes (IN_TRANSIT and CANCELLED publish none).</summary>
    public static IEnumerable<IIntegrationEvent> Of(Shipment shipment, AppliedShipmentMove move)
    {
        var snapshot = Snapshot(shipment);
        var shipperId = shipment.ShipperId;
        switch (move.Transition.To)
        {
            case ShipmentStatus.Assigned:
                yield return new ShipmentAssigned(snapshot, shipperId!.Value, move.At);
                break;
            case ShipmentStatus.PickedUp:
                yield return new ShipmentPickedUp(snapshot, shipperId!.Value, move.At);
                break;
            case ShipmentStatus.Delivered:
                yield return new ShipmentDelivered(snapshot, shipperId!.Value, shipment.ReceivedBy, shipment.ProofMediaId, move.At);
                if (shipment.IsCod && !shipment.IsReturn)
                    yield return new CodCollected(shipment.Id, shipment.OrderId, shipperId.Value, shipment.CodAmount, shipment.Currency, move.At);
                break;
            case ShipmentStatus.FailedDelivery:
                yield return new ShipmentFailed(snapshot, shipperId, move.Reason ?? "DELIVERY_FAILED", false, move.At);
                break;
            case ShipmentStatus.ReturnedToShop:
                yield return new ShipmentFailed(snapshot, shipperId, move.Reason ?? "RETURNED_TO_SHOP", true, move.At);
                break;
        }
    }

    public static ShipmentSnapshot Snapshot(Shipment shipment) => new(
        shipment.Id,
        shipment.OrderId,
        shipment.ShopId,
        shipment.BuyerId,
        shipment.TrackingNumber,
        shipment.Status.ToContractName(),
        shipment.ShipperId,
        shipment.CodAmount,
        shipment.Currency,
        shipment.IsReturn ? ShipmentKinds.Return : ShipmentKinds.Delivery,
        shipment.ReturnId);
}
