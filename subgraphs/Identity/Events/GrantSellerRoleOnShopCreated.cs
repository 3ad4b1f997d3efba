using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Shops;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using AuthRoles = GoShop.BuildingBlocks.Auth.Roles;

namespace GoShop.Identity.Events;

/// <summary>
/// Opening a shop makes its owner a SELLER (in access tokens issued from then on). Granting is idempotent: a second
/// shop, or the same event again, changes nothing. An owner identity does not know, or whose account is deleted,
/// is logged and the event acknowledged: retrying would never make the account appear. A suspended owner still gets the
/// role: the shop was opened before the suspension, and is theirs again once they are reinstated.
/// </summary>
public sealed class GrantSellerRoleOnShopCreated(IdentityDbContext db, TimeProvider clock, ILogger<GrantSellerRoleOnShopCreated> logger)
    : IntegrationEventHandler<ShopCreated, IdentityDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ShopCreated message, CancellationToken cancellationToken)
    {
        var ownerId = message.Shop.OwnerId;
        // Locked like every other change to an account, so a concurrent profile change cannot write the old roles back.
        await Db.LockUserAsync(ownerId, cancellationToken);
        var owner = await Db.Users.FirstOrDefaultAsync(u => u.Id == ownerId, cancellationToken);
        if (owner is null || owner.Status == UserStatus.Deleted)
        {
            logger.LogWarning("Shop {ShopId} was opened by user {OwnerId}, who is {State}; no SELLER role granted",
                message.Shop.ShopId, ownerId, owner is null ? "unknown" : "deleted");
            return;
        }
        owner.GrantRole(AuthRoles.Seller, Clock.GetUtcNow());
    }
}
