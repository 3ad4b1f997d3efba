using System.ComponentModel;
using GoShop.BuildingBlocks.Subscriptions;
using Microsoft.Extensions.Logging;

namespace GoShop.Identity.Account;

public enum AccountEventKind
{
    [Description("A session signed in with the password (login); sessionId is the new session, detail the device's User-Agent.")]
    SignedIn,

    [Description("A session signed out (logout); sessionId is that session.")]
    SignedOut,

    [Description("Sessions were signed out from elsewhere: one by revokeSession (sessionId), or every one because the account was deleted or " +
        "suspended (sessionId null, detail says which). An app whose session is named, or every app when none is, should sign out.")]
    SessionRevoked,

    [Description("The password changed. After changePassword every other session is signed out (sessionId is the one that changed it); after " +
        "resetPassword every session is (sessionId null).")]
    PasswordChanged,

    [Description("The name or phone changed (updateProfile); sessionId is the session that changed it.")]
    ProfileUpdated,

    [Description("An address was added, changed or removed, or another became the default; sessionId is the session that changed it.")]
    AddressesChanged,

    [Description("The user registered as a shipper; a refreshed access token carries the SHIPPER role.")]
    BecameShipper,
}

/// <summary>Something happened to an account; the owner's open apps hear it live (e.g. to sign out a revoked session).</summary>
public sealed record AccountEvent(AccountEventKind Kind, DateTimeOffset OccurredAt, Guid? SessionId = null, string? Detail = null);

/// <summary>The live account-event topic of each user, over the shared topic bus.</summary>
public sealed class AccountEvents(ITopicBus topics, TimeProvider clock, ILogger<AccountEvents> logger)
{
    public Task<IObservable<AccountEvent>> OfAsync(Guid userId, CancellationToken cancellationToken) =>
        topics.ObserveAsync<AccountEvent>(Topic(userId), cancellationToken);

    /// <summary>Announces an event after its change committed. Live updates are best effort: a failure is logged, not thrown.</summary>
    public async Task PublishAsync(Guid userId, AccountEventKind kind, Guid? sessionId = null, string? detail = null)
    {
        try
        {
            await topics.PublishAsync(Topic(userId), new AccountEvent(kind, clock.GetUtcNow(), sessionId, detail));
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not publish the {Kind} account event of user {UserId}", kind, userId);
        }
    }

    private static string Topic(Guid userId) => $"identity.account.{userId:N}";
}
