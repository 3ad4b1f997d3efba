using GoShop.BuildingBlocks.Subscriptions;
using Microsoft.Extensions.Logging;

namespace GoShop.Identity.Account;

public enum AccountEventKind
{
    SignedIn,
    SignedOut,
    SessionRevoked,
    PasswordChanged,
    ProfileUpdated,
    AddressesChanged,
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
