using GoShop.BuildingBlocks.Auth;

namespace GoShop.Identity.Account;

/// <summary>
/// The signed-in user a change to an account comes from: who they are, the session they use (kept when the others are
/// revoked, named in live account events) and the access token they presented (denied when they sign out or delete
/// the account).
/// </summary>
public sealed record AccountHolder(Guid UserId, Guid? SessionId, string? TokenId, DateTimeOffset? TokenExpiresAt)
{
    /// <summary>Denies the presented access token for the rest of its life, if one was presented.</summary>
    public Task DenyTokenAsync(AccessTokenDenyList denyList, DateTimeOffset now) =>
        TokenId is { } tokenId && TokenExpiresAt is { } expiresAt ? denyList.DenyTokenAsync(tokenId, expiresAt - now) : Task.CompletedTask;
}
