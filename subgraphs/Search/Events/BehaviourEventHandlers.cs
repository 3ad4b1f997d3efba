using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Reviews;
using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Events;

/// <summary>A buyer added a product to their cart: it counts toward the product's trend.</summary>
public sealed class CartItemAddedHandler(SearchDbContext db, TimeProvider clock, ILogger<CartItemAddedHandler> logger)
    : IntegrationEventHandler<CartItemAdded, SearchDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(CartItemAdded message, CancellationToken cancellationToken) =>
        Db.AddToTrendAsync(message.ProductId, Trend.CartAdd, message.OccurredAt, cancellationToken);
}

/// <summary>Reviews' rating summary of a product: the rating filter, facet and sort use it (the newest version wins).</summary>
public sealed class RatingSummaryChangedHandler(SearchDbContext db, TimeProvider clock, ILogger<RatingSummaryChangedHandler> logger)
    : IntegrationEventHandler<RatingSummaryChanged, SearchDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(RatingSummaryChanged message, CancellationToken cancellationToken)
    {
        if (message.SubjectKind != ReviewSubjects.Product)
            return;
        var product = await Db.LockProductAsync(message.SubjectId, cancellationToken);
        product.ApplyRating(message.Average, message.Count, message.Version);
    }
}

/// <summary>
/// A deleted account: search forgets what the person did (recent searches, price alerts) and unlinks their views,
/// searches and clicks from them; the anonymous counts stay for trending and popularity.
/// </summary>
public sealed class UserDeletedHandler(SearchDbContext db, TimeProvider clock, ILogger<UserDeletedHandler> logger)
    : IntegrationEventHandler<UserDeleted, SearchDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserDeleted message, CancellationToken cancellationToken)
    {
        var userId = message.UserId;
        await Db.RecentSearches.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await Db.PriceAlerts.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await Db.ProductViews.Where(v => v.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.UserId, (Guid?)null), cancellationToken);
        await Db.Searches.Where(v => v.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.UserId, (Guid?)null), cancellationToken);
        await Db.SearchClicks.Where(v => v.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.UserId, (Guid?)null), cancellationToken);
    }
}
