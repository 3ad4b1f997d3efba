using GoShop.BuildingBlocks.Auth;
using GoShop.Shipping.Domain;

namespace GoShop.Shipping.GraphQL;

/// <summary>
/// Who may see what in shipping: a shipment is seen by the order's buyer, the shop's owner, its assigned shipper and
/// admins; a shipper's position by the shipper and admins.
/// </summary>
public static class ShippingVisibility
{
    public static bool CanSee(this Viewer viewer, Shipment shipment) =>
        viewer.IsAdmin || (viewer.UserId is { } id && (id == shipment.BuyerId || id == shipment.SellerId || id == shipment.ShipperId));

    public static bool CanLocate(this Viewer viewer, Shipper shipper) => viewer.IsAdmin || viewer.UserId == shipper.Id;
}
