using StackExchange.Redis;

namespace GoShop.BuildingBlocks.Auth;

/// <summary>
/// Access tokens live ~15 minutes and are not stored, so revoking one before it expires means denying it: by its id
/// (logout) or by its session (password change, account deletion, refresh-token reuse). Entries expire with the
/// tokens they deny. Every subgraph checks the list when it validates a token.
/// </summary>
public sealed class AccessTokenDenyList(IConnectionMultiplexer redis)
{
    private static RedisKey TokenKey(string tokenId) => "goshop:auth:denied:jti:" + tokenId;

    private static RedisKey SessionKey(Guid sessionId) => "goshop:auth:denied:sid:" + sessionId.ToString("N");

    public Task DenyTokenAsync(string tokenId, TimeSpan remainingLifetime) =>
        remainingLifetime <= TimeSpan.Zero
            ? Task.CompletedTask
            : redis.GetDatabase().StringSetAsync(TokenKey(tokenId), 1, remainingLifetime);

    /// <summary>Denies every access token of a session issued so far, for as long as such a token can live.</summary>
    public Task DenySessionAsync(Guid sessionId, TimeSpan accessTokenLifetime) =>
        redis.GetDatabase().StringSetAsync(SessionKey(sessionId), 1, accessTokenLifetime);

    public async Task<bool> IsDeniedAsync(string? tokenId, Guid? sessionId)
    {
        var keys = new List<RedisKey>(2);
        if (!string.IsNullOrEmpty(tokenId))
            keys.Add(TokenKey(tokenId));
        if (sessionId is { } sid)
            keys.Add(SessionKey(sid));
        return keys.Count > 0 && await redis.GetDatabase().KeyExistsAsync([.. keys]) > 0;
    }
}
