using System.Security.Cryptography;
using System.Buffers.Text;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.Identity.Sessions;

/// <summary>A started or renewed session: the tokens to hand to the client.</summary>
public sealed record IssuedSession(Guid SessionId, AccessToken AccessToken, string RefreshToken);

/// <summary>
/// A session its user is still signed in to, as <c>mySessions</c> shows it: the device and address are those of its
/// newest refresh token (where it was last used); <paramref name="Current"/> when it is the session of the request.
/// </summary>
public sealed record SignedInSession(
    Guid SessionId, DateTimeOffset StartedAt, DateTimeOffset? LastRefreshedAt, string? UserAgent, string? IpAddress, bool Current);

/// <summary>
/// Login sessions. A session is a family of refresh tokens; each refresh rotates the token. Revoking a session
/// revokes its refresh tokens in the database and denies its access tokens until they would have expired.
/// </summary>
public sealed class SessionService(
    IdentityDbContext db,
    AccessTokenIssuer accessTokens,
    AccessTokenDenyList denyList,
    TimeProvider clock,
    IOptions<IdentityOptions> options,
    ILogger<SessionService> logger)
{
    public static DomainError InvalidRefreshToken { get; } = new("INVALID_REFRESH_TOKEN", "The refresh token is not valid; sign in again.", "refreshToken");
    public static DomainError RefreshTokenExpired { get; } = new("REFRESH_TOKEN_EXPIRED", "The refresh token has expired; sign in again.", "refreshToken");
    public static DomainError RefreshTokenReused { get; } = new("REFRESH_TOKEN_REUSED",
        "This refresh token was already used. The session has been closed for your safety; sign in again.", "refreshToken");

    /// <summary>Starts a session for a user; the caller saves the unit of work.</summary>
    public IssuedSession Start(User user, ClientInfo client)
    {
        var sessionId = Guid.CreateVersion7();
        return Issue(user, sessionId, client).Session;
    }

    /// <summary>
    /// Rotates a refresh token. A token used twice revokes its whole session (the second presenter may be a thief,
    /// and we cannot tell which one is the owner).
    /// </summary>
    public async Task<Result<(User User, IssuedSession Session)>> RefreshAsync(string refreshToken, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = HashOf(refreshToken);
        var current = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (current is null || current.RevokedAt is not null)
            return InvalidRefreshToken;
        if (current.UsedAt is not null)
        {
            logger.LogWarning("Refresh token {TokenId} of session {SessionId} was reused; revoking the session", current.Id, current.SessionId);
            await RevokeSessionAsync(current.SessionId, "refresh token reuse", cancellationToken);
            return RefreshTokenReused;
        }
        if (current.IsExpired(now))
            return RefreshTokenExpired;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == current.UserId, cancellationToken);
        if (user is { Status: UserStatus.Suspended })
            return IdentityErrors.AccountSuspended;
        if (user is not { IsActive: true })
            return InvalidRefreshToken;

        var (session, next) = Issue(user, current.SessionId, client);
        current.MarkUsed(next.Id, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request rotated this token in the meantime: the same token was presented twice.
            db.ChangeTracker.Clear();
            logger.LogWarning("Refresh token {TokenId} was rotated concurrently; revoking session {SessionId}", current.Id, current.SessionId);
            await RevokeSessionAsync(current.SessionId, "refresh token reuse", cancellationToken);
            return RefreshTokenReused;
        }
        return (user, session);
    }

    /// <summary>
    /// The user's sessions whose refresh token still works, newest first. A session's usable token is its newest one
    /// (rotation marks the one before it used), so its creation is the last refresh unless it is also the first token.
    /// </summary>
    public async Task<IReadOnlyList<SignedInSession>> SignedInAsync(Guid userId, Guid? currentSessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new
            {
                t.SessionId,
                StartedAt = db.RefreshTokens.Where(f => f.SessionId == t.SessionId).Min(f => f.CreatedAt),
                t.CreatedAt,
                t.UserAgent,
                t.CreatedByIp,
            })
            .OrderByDescending(s => s.StartedAt)
            .ThenByDescending(s => s.SessionId)
            .ToListAsync(cancellationToken);
        return sessions
            .Select(s => new SignedInSession(s.SessionId, s.StartedAt, s.CreatedAt > s.StartedAt ? s.CreatedAt : null, s.UserAgent, s.CreatedByIp,
                s.SessionId == currentSessionId))
            .ToList();
    }

    /// <summary>Whether one of the user's sessions still has a refresh token that works.</summary>
    public Task<bool> IsSignedInAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.AnyAsync(
            t => t.SessionId == sessionId && t.UserId == userId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The session a refresh token belongs to, if the token is one of ours.</summary>
    public async Task<RefreshToken?> FindAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = HashOf(refreshToken);
        return await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    public async Task RevokeSessionAsync(Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.RefreshTokens
            .Where(t => t.SessionId == sessionId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        await DenyAsync([sessionId]);
    }

    /// <summary>Revokes every session of a user but <paramref name="keep"/> (the one making the request, if any).</summary>
    public async Task<IReadOnlyList<Guid>> RevokeAllAsync(Guid userId, Guid? keep, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now && t.SessionId != keep)
            .Select(t => t.SessionId)
            .Distinct()
            .ToListAsync(cancellationToken);
        await db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.SessionId != keep)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        await DenyAsync(sessions);
        return sessions;
    }

    private async Task DenyAsync(IEnumerable<Guid> sessions)
    {
        try
        {
            foreach (var session in sessions)
                await denyList.DenySessionAsync(session, options.Value.AccessTokenLifetime);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The refresh tokens are revoked already; the session's access tokens die on their own within minutes.
            logger.LogError(ex, "Could not deny revoked sessions' access tokens");
        }
    }

    private (IssuedSession Session, RefreshToken Token) Issue(User user, Guid sessionId, ClientInfo client)
    {
        var now = clock.GetUtcNow();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = RefreshToken.Issue(user.Id, sessionId, HashOf(secret), now, options.Value.RefreshTokenLifetime, client.IpAddress, client.UserAgent);
        db.RefreshTokens.Add(token);
        return (new IssuedSession(sessionId, accessTokens.Issue(user, sessionId), secret), token);
    }

    private static byte[] HashOf(string refreshToken) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken));
}
