using GoShop.Shipping.Domain;

namespace GoShop.Shipping.Data;

/// <summary>
/// "The shipment of an order" is its delivery: an order also has a return shipment per approved return, which is
/// asked for by its own id. The one place that says which shipment an order id means.
/// </summary>
public static class ShipmentQueries
{
    /// <summary>Delivery shipments only (orders to their buyers), not the parcels of returns.</summary>
    public static IQueryable<Shipment> Deliveries(this IQueryable<Shipment> shipments) =>
        shipments.Where(s => s.Kind == ShipmentKind.Delivery);

    /// <summary>The delivery of one order (at most one: a unique index says so).</summary>
    public static IQueryable<Shipment> DeliveryOf(this IQueryable<Shipment> shipments, Guid orderId) =>
        shipments.Deliveries().Where(s => s.OrderId == orderId);
}
