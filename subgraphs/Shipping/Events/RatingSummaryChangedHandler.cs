using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Reviews;
using GoShop.Shipping.Data;

namespace GoShop.Shipping.Events;

/// <summary>
/// A shipper's published delivery reviews changed: Shipper.rating and ratingCount follow, keeping the newest summary
/// by version, so a late or repeated event never brings an old one back.
/// </summary>
public sealed class RatingSummaryChangedHandler(ShippingDbContext db, TimeProvider clock, ILogger<RatingSummaryChangedHandler> logger)
    : IntegrationEventHandler<RatingSummaryChanged, ShippingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(RatingSummaryChanged message, CancellationToken cancellationToken)
    {
        if (message.SubjectKind != ReviewSubjects.Shipper)
            return;
        var shipper = await Db.LockShipperAsync(message.SubjectId, cancellationToken);
        if (shipper is null)
        {
            logger.LogInformation("Ratings of unknown shipper {ShipperId} ignored", message.SubjectId);
            return;
        }
        shipper.ApplyPublishedRatings(message.Average, message.Count, message.Version, Clock.GetUtcNow());
    }
}
