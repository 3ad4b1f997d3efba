using GoShop.BuildingBlocks.Auth;

namespace GoShop.Shops.GraphQL;

/// <summary>Who may manage a shop: its owner and admins. They also see what buyers do not (drafts, closed shops).</summary>
public static class ShopManagers
{
    public static bool Manages(this ICurrentUser viewer, Guid ownerId) =>
        viewer.IsAuthenticated && (viewer.Id == ownerId || viewer.IsInRole(Roles.Admin));

    public static bool IsAdmin(this ICurrentUser viewer) => viewer.IsAuthenticated && viewer.IsInRole(Roles.Admin);
}
