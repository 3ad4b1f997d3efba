using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Reviews;
using GoShop.Shops.Data;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Events;

/// <summary>
/// A shop's published shop reviews changed: Shop.ratingAverage and ratingCount follow, keeping the newest summary by
/// version, so a late or repeated event never brings an old one back.
/// </summary>
public sealed class RatingSummaryChangedHandler(ShopsDbContext db, TimeProvider clock, ILogger<RatingSummaryChangedHandler> logger)
    : IntegrationEventHandler<RatingSummaryChanged, ShopsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(RatingSummaryChanged message, CancellationToken cancellationToken)
    {
        if (message.SubjectKind != ReviewSubjects.Shop)
            return;
        var shop = await Db.Shops.FromSql($"SELECT * FROM shops WHERE id = {message.SubjectId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (shop is null)
        {
            logger.LogInformation("Ratings of unknown shop {ShopId} ignored", message.SubjectId);
            return;
        }
        shop.ApplyPublishedRatings(message.Average, message.Count, message.Version);
    }
}
