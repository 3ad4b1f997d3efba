using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Identity;
using GoShop.Identity.Account;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Sessions;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Suspensions;

/// <summary>
/// Admins taking a user off the marketplace and letting them back. Suspending signs the user out everywhere the way
/// account deletion does; the events tell shops and shipping to hide, and later restore, what the user offers.
/// </summary>
public sealed class SuspensionDesk(IdentityDbContext db, SessionService sessions, AccountEvents accountEvents, TimeProvider clock)
{
    private const string RevocationReason = "account suspended";

    /// <summary>
    /// Suspends <paramref name="userId"/> for <paramref name="reason"/> (already checked), on behalf of admin
    /// <paramref name="adminId"/>.
    /// </summary>
    public async Task<Result<User>> SuspendAsync(Guid adminId, Guid userId, string reason, CancellationToken cancellationToken)
    {
        // An admin locking themselves out would leave nobody to reinstate them when they are the only one.
        if (userId == adminId)
            return IdentityErrors.CannotSuspendSelf;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await LoadLockedAsync(userId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        var now = clock.GetUtcNow();
        var suspended = user.Suspend(reason, now);
        if (!suspended.Succeeded)
            return suspended.Error;
        db.Publish(new UserSuspended(user.Id, user.SuspensionReason!, now));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, keep: null, RevocationReason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.SessionRevoked, detail: RevocationReason);
        return user;
    }

    /// <summary>Lifts the suspension of <paramref name="userId"/>; they sign in again to get a session.</summary>
    public async Task<Result<User>> ReinstateAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await LoadLockedAsync(userId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        var now = clock.GetUtcNow();
        var reinstated = user.Reinstate(now);
        if (!reinstated.Succeeded)
            return reinstated.Error;
        db.Publish(new UserReinstated(user.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// The user, row-locked until the transaction ends: of two admins suspending (or reinstating) at once, the second
    /// gets ALREADY_SUSPENDED (NOT_SUSPENDED) instead of publishing the event twice.
    /// </summary>
    private async Task<Result<User>> LoadLockedAsync(Guid userId, CancellationToken cancellationToken)
    {
        await db.LockUserAsync(userId, cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? IdentityErrors.UserNotFound : user;
    }
}
