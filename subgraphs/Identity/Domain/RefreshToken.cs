namespace GoShop.Identity.Domain;

/// <summary>
/// One refresh token of a session (a family of tokens that replace each other). Only the SHA-256 of the token is
/// stored. Every use rotates it: the token is marked used and a new one of the same family is issued. Presenting a
/// used token again means it was stolen or replayed, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The login session; also the <c>sid</c> claim of its access tokens.</summary>
    public Guid SessionId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public Guid? ReplacedById { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedReason { get; private set; }

    public string? CreatedByIp { get; private set; }

    public string? UserAgent { get; private set; }

    public static RefreshToken Issue(Guid userId, Guid sessionId, byte[] tokenHash, DateTimeOffset now, TimeSpan lifetime, string? ip, string? userAgent) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        SessionId = sessionId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
        CreatedByIp = ip,
        UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
    };

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && RevokedAt is null && !IsExpired(now);

    public void MarkUsed(Guid replacedBy, DateTimeOffset now)
    {
        UsedAt = now;
        ReplacedById = replacedBy;
    }

    public void Revoke(string reason, DateTimeOffset now)
    {
        if (RevokedAt is not null)
            return;
        RevokedAt = now;
        RevokedReason = reason;
    }
}
