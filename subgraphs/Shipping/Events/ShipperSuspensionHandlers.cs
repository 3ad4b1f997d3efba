using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Identity;
using GoShop.Shipping.Assignment;
using GoShop.Shipping.Data;

namespace GoShop.Shipping.Events;

/// <summary>A suspended user who is a shipper goes off duty and their open offers pass to the next shipper.</summary>
public sealed class UserSuspendedHandler(ShippingDbContext db, ShipperSuspension suspension, TimeProvider clock, ILogger<UserSuspendedHandler> logger)
    : IntegrationEventHandler<UserSuspended, ShippingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserSuspended message, CancellationToken cancellationToken)
    {
        if (await suspension.SuspendAsync(message.UserId, message.OccurredAt, cancellationToken) is { } withdrawn)
            logger.LogInformation("Shipper {ShipperId} was suspended; went offline, {Count} offer(s) passed on", message.UserId, withdrawn);
    }
}

/// <summary>A reinstated shipper may go AVAILABLE again.</summary>
public sealed class UserReinstatedHandler(ShippingDbContext db, ShipperSuspension suspension, TimeProvider clock, ILogger<UserReinstatedHandler> logger)
    : IntegrationEventHandler<UserReinstated, ShippingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserReinstated message, CancellationToken cancellationToken)
    {
        if (await suspension.ReinstateAsync(message.UserId, message.OccurredAt, cancellationToken))
            logger.LogInformation("Shipper {ShipperId} was reinstated", message.UserId);
    }
}
