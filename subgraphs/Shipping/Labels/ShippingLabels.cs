using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Labels;

/// <summary>
/// A shipment's label, regenerated from the shipment whenever it is opened rather than stored: it always shows the
/// shipment as it is (a corrected address, the COD amount), costs no table nor clean-up, and rendering one A6 page takes
/// milliseconds. The sender is the shop as the shops subgraph tells it now.
/// </summary>
public sealed class ShippingLabels(ShippingDbContext db, ShopDirectory shops, LabelRenderer renderer, TimeProvider clock, ILogger<ShippingLabels> logger)
{
    public static DomainError ShipmentCancelled { get; } =
        new("SHIPMENT_CANCELLED", "This shipment was cancelled: there is no parcel to label.", "shipmentId");

    public static DomainError ShopsUnavailable { get; } =
        new("SHOPS_UNAVAILABLE", "The shop's details could not be read; try again shortly.", "shipmentId");

    /// <summary>The label's PDF, or why there is none (no such shipment, cancelled, the shop's details unavailable).</summary>
    public async Task<Result<(Shipment Shipment, byte[] Pdf)>> RenderAsync(Guid shipmentId, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shipmentId, cancellationToken);
        if (shipment is null)
            return ShipmentErrors.ShipmentNotFound;
        if (shipment.Status == ShipmentStatus.Cancelled)
            return ShipmentCancelled;
        var shop = await InternalApi.CallAsync(() => shops.FindAsync(shipment.ShopId, cancellationToken), ShopsUnavailable, logger, cancellationToken);
        if (!shop.Succeeded)
            return shop.Error;
        var pickup = shipment.PickupPosition;
        var content = new LabelContent(shipment.TrackingNumber, shipment.OrderNumber,
            shop.Value?.Name ?? "GoShop seller",
            shop.Value?.Address ?? FormattableString.Invariant($"{pickup.Lat:0.00000}, {pickup.Lng:0.00000}"),
            shipment.RecipientName, shipment.RecipientPhone, shipment.DropoffAddress, shipment.WeightGrams, shipment.CodAmount, shipment.Currency,
            clock.GetUtcNow(), shipment.Note);
        return (shipment, renderer.Render(content));
    }
}
