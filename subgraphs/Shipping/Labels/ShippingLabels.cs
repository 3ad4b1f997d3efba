using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Labels;

/// <summary>A printable label: where to open it and until when.</summary>
public sealed record ShippingLabel(Guid ShipmentId, string TrackingNumber, Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// A shipment's label, regenerated from the shipment whenever it is opened rather than stored: it always shows the
/// shipment as it is (a corrected address, the COD amount), costs no table nor clean-up, and rendering one A6 page takes
/// milliseconds. The shop is named as the shops subgraph tells it now: the sender of a delivery, the recipient of a return
/// (sent by the buyer, from the address it is picked up at).
/// </summary>
public sealed class ShippingLabels(
    ShippingDbContext db,
    ShopDirectory shops,
    LabelRenderer renderer,
    LabelUrls urls,
    TimeProvider clock,
    ILogger<ShippingLabels> logger)
{
    public static DomainError ShipmentCancelled { get; } =
        new("SHIPMENT_CANCELLED", "This shipment was cancelled: there is no parcel to label.", "shipmentId");

    public static DomainError ShopsUnavailable { get; } =
        new("SHOPS_UNAVAILABLE", "The shop's details could not be read; try again shortly.", "shipmentId");

    /// <summary>Someone who is neither the shop's owner, an admin nor the assigned shipper asked for the label.</summary>
    public static DomainError NotAllowed { get; } =
        new("FORBIDDEN", "Only the shop's owner, an admin or the assigned shipper can print this label.", "shipmentId");

    /// <summary>
    /// A signed URL of the shipment's label that works for a while, for the shop's owner, an admin or the assigned
    /// shipper (<see cref="NotAllowed"/> for anyone else); none for a cancelled shipment.
    /// </summary>
    public async Task<Result<ShippingLabel>> CreateAsync(Guid shipmentId, Guid userId, bool isAdmin, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shipmentId, cancellationToken);
        if (shipment is null)
            return ShipmentErrors.ShipmentNotFound;
        if (shipment.RoleOf(userId, isAdmin) is null)
            return NotAllowed;
        if (shipment.Status == ShipmentStatus.Cancelled)
            return ShipmentCancelled;
        var signed = urls.Sign(shipment.Id);
        return new ShippingLabel(shipment.Id, shipment.TrackingNumber, signed.Url, signed.ExpiresAt);
    }

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
        var content = ContentOf(shipment, shop.Value, clock.GetUtcNow());
        return (shipment, renderer.Render(content));
    }

    /// <summary>
    /// What a shipment's label says. A delivery goes from the shop (as shops tells it now) to the buyer; a return goes the
    /// other way, from the buyer (who hands it over, reachable by phone) at the pickup address, to the shop.
    /// </summary>
    public static LabelContent ContentOf(Shipment shipment, ShopSnapshot? shop, DateTimeOffset at)
    {
        var shopName = shop?.Name ?? "GoShop seller";
        var shopAddress = shop?.Address ?? Coordinates(shipment.IsReturn ? shipment.DropoffPosition! : shipment.PickupPosition);
        return shipment.IsReturn
            ? new LabelContent(shipment.TrackingNumber, shipment.OrderNumber,
                $"{shipment.RecipientName} · {shipment.RecipientPhone}", shipment.PickupAddress ?? Coordinates(shipment.PickupPosition),
                shopName, "", shopAddress, shipment.WeightGrams, 0, shipment.Currency, at, shipment.Note)
            : new LabelContent(shipment.TrackingNumber, shipment.OrderNumber, shopName, shopAddress,
                shipment.RecipientName, shipment.RecipientPhone, shipment.DropoffAddress, shipment.WeightGrams, shipment.CodAmount, shipment.Currency,
                at, shipment.Note);
    }

    private static string Coordinates(GeoPoint point) => FormattableString.Invariant($"{point.Lat:0.00000}, {point.Lng:0.00000}");
}
