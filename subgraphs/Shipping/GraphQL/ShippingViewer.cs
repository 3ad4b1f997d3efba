using System.Security.Claims;
using GoShop.BuildingBlocks.Auth;
using GoShop.Shipping.Domain;
using GraphQL;

namespace GoShop.Shipping.GraphQL;

/// <summary>
/// Who is looking at shipments and shippers, read from the operation's principal (<c>context.User</c>: subscription
/// events are resolved outside the request). A shipment is seen by the order's buyer, the shop's owner, its assigned
/// shipper and admins; a shipper's position by the shipper and admins.
/// </summary>
public sealed record ShippingViewer(Guid? UserId, bool IsAdmin)
{
    public static ShippingViewer Of(IResolveFieldContext context) => Of(context.User);

    public static ShippingViewer Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(GoShopClaims.Subject), out var id))
            return new ShippingViewer(null, false);
        return new ShippingViewer(id, user.HasClaim(GoShopClaims.Role, Roles.Admin));
    }

    public bool CanSee(Shipment shipment) =>
        IsAdmin || (UserId is { } id && (id == shipment.BuyerId || id == shipment.SellerId || id == shipment.ShipperId));

    public bool CanLocate(Shipper shipper) => IsAdmin || UserId == shipper.Id;
}
