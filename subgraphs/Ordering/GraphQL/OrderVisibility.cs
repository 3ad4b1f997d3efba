using GoShop.BuildingBlocks.Auth;
using GoShop.Ordering.Domain;

namespace GoShop.Ordering.GraphQL;

/// <summary>Who may see what in ordering: the buyer, the seller and admins see an order; a checkout only its buyer and admins.</summary>
public static class OrderVisibility
{
    public static bool CanSee(this Viewer viewer, Order order) => viewer.RolesOn(order).Count > 0;

    public static bool CanSee(this Viewer viewer, Checkout checkout) =>
        viewer.IsAdmin || (viewer.UserId is { } id && id == checkout.BuyerId);

    public static IReadOnlyList<ActorRole> RolesOn(this Viewer viewer, Order order) => order.RolesOf(viewer.UserId, viewer.IsAdmin);
}
