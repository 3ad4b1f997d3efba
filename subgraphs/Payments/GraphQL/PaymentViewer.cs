using System.Security.Claims;
using GoShop.BuildingBlocks.Auth;
using GoShop.Payments.Domain;
using GraphQL;

namespace GoShop.Payments.GraphQL;

/// <summary>
/// Who is looking at payments, and what they may see: a payment its buyer, the sellers of its orders and admins; an
/// escrow its buyer, its shop's seller and admins.
/// </summary>
public sealed record PaymentViewer(Guid? UserId, bool IsAdmin)
{
    public static PaymentViewer Of(IResolveFieldContext context) => Of(context.User);

    public static PaymentViewer Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(GoShopClaims.Subject), out var id))
            return new PaymentViewer(null, false);
        return new PaymentViewer(id, user.HasClaim(GoShopClaims.Role, Roles.Admin));
    }

    public bool CanSee(Payment payment) => IsAdmin || (UserId is { } id && (payment.BuyerId == id || payment.Orders.Any(o => o.SellerId == id)));

    public bool CanSee(Escrow escrow) => IsAdmin || (UserId is { } id && (escrow.BuyerId == id || escrow.SellerId == id));

    public bool IsSellerOf(Payment payment, Guid orderId) =>
        UserId is { } id && payment.Orders.Any(o => o.OrderId == orderId && o.SellerId == id);
}
