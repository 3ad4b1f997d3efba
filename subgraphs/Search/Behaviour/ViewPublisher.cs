using GoShop.BuildingBlocks.Hosting;
using GoShop.Contracts.Search;
using GoShop.Search.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Search.Behaviour;

/// <summary>
/// Sends recorded product views to analytics in batches (ProductViewsRecorded), oldest first: a batch is claimed with
/// SKIP LOCKED (several instances share the work), marked published and written to the outbox in one transaction.
/// </summary>
public sealed class ViewPublisher(IServiceScopeFactory scopes, IOptions<SearchOptions> options, TimeProvider clock, ILogger<ViewPublisher> logger)
    : PeriodicSweeper(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ViewPublishInterval;

    protected override string Subject => "product views";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        while (await PublishBatchAsync(cancellationToken) == options.Value.ViewBatchSize)
        {
        }
    }

    /// <summary>Publishes one batch of unpublished views; how many it held.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var size = options.Value.ViewBatchSize;
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM product_views WHERE published_at IS NULL ORDER BY viewed_at, id LIMIT {size} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return 0;
        var views = await db.ProductViews.Where(v => ids.Contains(v.Id)).OrderBy(v => v.ViewedAt).ThenBy(v => v.Id).ToListAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        foreach (var view in views)
            view.PublishedAt = now;
        db.Publish(new ProductViewsRecorded(views.Select(v => new ProductView(v.Id, v.ProductId, v.ShopId, v.UserId, v.VisitorId, v.ViewedAt)).ToList(), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Logger.LogInformation("Published {Count} product views", views.Count);
        return views.Count;
    }
}
