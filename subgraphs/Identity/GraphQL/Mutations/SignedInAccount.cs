using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.GraphQL.Mutations;

/// <summary>Loads the account of the signed-in user for a mutation that changes it.</summary>
internal static class SignedInAccount
{
    /// <summary>
    /// The signed-in user's active account, tracked for changes; an UNAUTHENTICATED error when nobody is signed in or
    /// the account is gone. With <paramref name="lockForUpdate"/> (inside a transaction), the user's row stays locked
    /// until the transaction ends, so changes to one account run one after another: two at once would each check
    /// their invariants (the address limit, the default address) on a copy the other one is changing.
    /// </summary>
    public static async Task<User> LoadAsync(
        IdentityDbContext db, ICurrentUser currentUser, CancellationToken cancellationToken,
        bool withAddresses = false, bool lockForUpdate = false)
    {
        var userId = currentUser.RequireId();
        if (lockForUpdate)
            await db.LockUserAsync(userId, cancellationToken);
        IQueryable<User> users = withAddresses ? db.Users.Include(u => u.Addresses) : db.Users;
        return await users.FirstOrDefaultAsync(u => u.Id == userId && u.Status == UserStatus.Active, cancellationToken)
            ?? throw GraphQLErrors.Unauthenticated("This account no longer exists.");
    }
}
