using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Identity;
using GoShop.Shops.Data;
using GoShop.Shops.Registry;

namespace GoShop.Shops.Events;

/// <summary>A suspended user's shops are hidden from buyers while the suspension lasts.</summary>
public sealed class UserSuspendedHandler(ShopsDbContext db, OwnerSuspension suspension, TimeProvider clock, ILogger<UserSuspendedHandler> logger)
    : IntegrationEventHandler<UserSuspended, ShopsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserSuspended message, CancellationToken cancellationToken)
    {
        var hidden = await suspension.SuspendAsync(message.UserId, message.OccurredAt, cancellationToken);
        if (hidden > 0)
            logger.LogInformation("User {UserId} was suspended; hid {Count} shop(s)", message.UserId, hidden);
    }
}

/// <summary>A reinstated user's shops that the suspension hid are shown again.</summary>
public sealed class UserReinstatedHandler(ShopsDbContext db, OwnerSuspension suspension, TimeProvider clock, ILogger<UserReinstatedHandler> logger)
    : IntegrationEventHandler<UserReinstated, ShopsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserReinstated message, CancellationToken cancellationToken)
    {
        var restored = await suspension.ReinstateAsync(message.UserId, message.OccurredAt, cancellationToken);
        if (restored > 0)
            logger.LogInformation("User {UserId} was reinstated; showed {Count} shop(s) again", message.UserId, restored);
    }
}
