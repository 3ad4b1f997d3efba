using GoShop.BuildingBlocks.Domain;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Account;

/// <summary>Loads the account a signed-in user changes.</summary>
internal static class ActiveAccount
{
    /// <summary>
    /// The user's active account, tracked for changes, or <see cref="IdentityErrors.AccountGone"/>. With
    /// <paramref name="lockForUpdate"/> (inside a transaction), the user's row stays locked until the transaction ends,
    /// so changes to one account run one after another: two at once would each check their invariants (the address
    /// limit, the default address) on a copy the other one is changing.
    /// </summary>
    public static async Task<Result<User>> LoadAsync(
        IdentityDbContext db, Guid userId, CancellationToken cancellationToken, bool withAddresses = false, bool lockForUpdate = false)
    {
        if (lockForUpdate)
            await db.LockUserAsync(userId, cancellationToken);
        IQueryable<User> users = withAddresses ? db.Users.Include(u => u.Addresses) : db.Users;
        var user = await users.FirstOrDefaultAsync(u => u.Id == userId && u.Status == UserStatus.Active, cancellationToken);
        return user is null ? IdentityErrors.AccountGone : user;
    }
}
