using GoShop.BuildingBlocks.Messaging;
using GoShop.Catalog.Data;
using GoShop.Contracts.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Events;

/// <summary>
/// A product's published reviews changed: its ratingAverage and ratingCount (which search filters and sorts by) follow,
/// keeping the newest summary by version, so a late or repeated event never brings an old one back.
/// </summary>
public sealed class RatingSummaryChangedHandler(CatalogDbContext db, TimeProvider clock, ILogger<RatingSummaryChangedHandler> logger)
    : IntegrationEventHandler<RatingSummaryChanged, CatalogDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(RatingSummaryChanged message, CancellationToken cancellationToken)
    {
        if (message.SubjectKind != ReviewSubjects.Product)
            return;
        var product = await Db.Products.FromSql($"SELECT * FROM products WHERE id = {message.SubjectId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            logger.LogInformation("Ratings of unknown product {ProductId} ignored", message.SubjectId);
            return;
        }
        product.ApplyPublishedRatings(message.Average, message.Count, message.Version, Clock.GetUtcNow());
    }
}
