using System.Security.Claims;
using GoShop.BuildingBlocks.Auth;
using GoShop.Ordering.Domain;
using GraphQL;

namespace GoShop.Ordering.GraphQL;

/// <summary>
/// Who is looking at orders, and what they may see: the buyer, the seller and admins see an order; a checkout only its
/// buyer and admins. Read from the operation's principal (<c>context.User</c>, captured when the request arrived)
/// rather than the request's <see cref="ICurrentUser"/>, because the events of a subscription are resolved long after
/// the request started, outside its HTTP context.
/// </summary>
public sealed record OrderViewer(Guid? UserId, bool IsAdmin)
{
    public static OrderViewer Of(IResolveFieldContext context) => Of(context.User);

    public static OrderViewer Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(GoShopClaims.Subject), out var id))
            return new OrderViewer(null, false);
        return new OrderViewer(id, user.HasClaim(GoShopClaims.Role, Roles.Admin));
    }

    public bool CanSee(Order order) => RolesOn(order).Count > 0;

    public bool CanSee(Checkout checkout) => IsAdmin || (UserId is { } id && id == checkout.BuyerId);

    public IReadOnlyList<ActorRole> RolesOn(Order order) => order.RolesOf(UserId, IsAdmin);
}
