using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Identity;
using GoShop.Identity.Account;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GoShop.Identity.Sessions;

/// <summary>A new account as its owner describes it, already checked.</summary>
public sealed record NewAccount(string Email, string Password, string FullName, string? Phone);

/// <summary>
/// Opening and closing sessions: registering (a new buyer's account, signed in at once), signing in with a password
/// under the login throttle, signing out, and signing out one chosen session of one's own. Refreshing a session is
/// <see cref="SessionService.RefreshAsync"/>.
/// </summary>
public sealed class SessionDesk(
    IdentityDbContext db,
    PasswordHasher hasher,
    SessionService sessions,
    LoginThrottle throttle,
    AccountEvents accountEvents,
    AccessTokenDenyList denyList,
    TimeProvider clock)
{
    public async Task<Result<(User User, IssuedSession Session)>> RegisterAsync(NewAccount account, ClientInfo client, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(account.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email, cancellationToken))
            return IdentityErrors.EmailTaken;

        var now = clock.GetUtcNow();
        var user = User.Register(account.Email, hasher.Hash(account.Password), account.FullName, account.Phone, now);
        db.Users.Add(user);
        db.Publish(new UserRegistered(user.Id, user.Email, user.FullName, now));
        var session = sessions.Start(user, client);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone registered the same email between our check and our insert.
            return IdentityErrors.EmailTaken;
        }
        return (user, session);
    }

    /// <summary>
    /// Signs in with a password. An unknown email costs as much time as a wrong password, and both count against the
    /// email's lock; a hash made with older parameters is upgraded on the way. A suspended account opens no session.
    /// </summary>
    public async Task<Result<(User User, IssuedSession Session)>> LoginAsync(string email, string password, ClientInfo client, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        if (await throttle.CheckAsync(normalized, client.IpAddress) is { } wait)
            return IdentityErrors.TooManySignInAttempts(wait);

        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.Status != UserStatus.Deleted, cancellationToken);
        if (user is null)
        {
            hasher.VerifyNothing(password);
            await throttle.RecordFailureAsync(normalized);
            return IdentityErrors.InvalidCredentials;
        }
        if (!hasher.Verify(password, user.PasswordHash))
        {
            await throttle.RecordFailureAsync(normalized);
            return IdentityErrors.InvalidCredentials;
        }
        await throttle.RecordSuccessAsync(normalized);
        // Told only to someone who proved the password, so it reveals nothing to anyone else.
        if (user.Status == UserStatus.Suspended)
            return IdentityErrors.AccountSuspended;
        if (hasher.NeedsRehash(user.PasswordHash))
            user.ChangePassword(hasher.Hash(password), clock.GetUtcNow());
        var session = sessions.Start(user, client);
        await db.SaveChangesAsync(cancellationToken);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.SignedIn, session.SessionId, client.UserAgent);
        return (user, session);
    }

    /// <summary>
    /// Closes the session of <paramref name="refreshToken"/> (one of the caller's own when someone is signed in), or else
    /// the caller's current session. The access token the caller presented is refused from now on either way.
    /// </summary>
    public async Task<Result> LogoutAsync(string? refreshToken, AccountHolder? caller, CancellationToken cancellationToken)
    {
        Guid sessionId;
        Guid userId;
        if (refreshToken is not null)
        {
            var token = await sessions.FindAsync(refreshToken, cancellationToken);
            if (token is null || (caller is not null && token.UserId != caller.UserId))
                return SessionService.InvalidRefreshToken;
            (sessionId, userId) = (token.SessionId, token.UserId);
        }
        else if (caller is { SessionId: { } current })
        {
            (sessionId, userId) = (current, caller.UserId);
        }
        else
        {
            // Nothing names a session to close.
            return SessionService.InvalidRefreshToken;
        }

        await sessions.RevokeSessionAsync(sessionId, "logout", cancellationToken);
        if (caller is not null)
            await caller.DenyTokenAsync(denyList, clock.GetUtcNow());
        await accountEvents.PublishAsync(userId, AccountEventKind.SignedOut, sessionId);
        return Result.Success;
    }

    /// <summary>
    /// Signs one of the caller's signed-in sessions out, as logout would on it (the current one included). Another
    /// user's session, an unknown one and one already closed are all the same SESSION_NOT_FOUND, so nothing is learnt
    /// about sessions that are not the caller's.
    /// </summary>
    public async Task<Result> RevokeAsync(AccountHolder caller, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await sessions.IsSignedInAsync(caller.UserId, sessionId, cancellationToken))
            return IdentityErrors.SessionNotFound;
        await sessions.RevokeSessionAsync(sessionId, "revoked by user", cancellationToken);
        await accountEvents.PublishAsync(caller.UserId, AccountEventKind.SessionRevoked, sessionId);
        return Result.Success;
    }
}
