using GoShop.Search.Data;
using GoShop.Search.Domain;
using GoShop.Search.GraphQL.Queries;
using GoShop.Search.Index;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Behaviour;

/// <summary>
/// What buyers do while they look: product views (recently viewed, trending, analytics), searches (recent and popular)
/// and clicks on results (click-through). Each write is one small transaction of its own.
/// </summary>
public sealed class BehaviourLog(SearchDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan PopularWindow = TimeSpan.FromDays(7);

    /// <summary>Records a view of a listed product; false when search lists no such product.</summary>
    public async Task<bool> ViewAsync(Guid productId, Guid? userId, string? visitorId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId && !p.Deleted && (p.Status == ProductCopy.Active || p.Status == "OUT_OF_STOCK"))
            .Select(p => new { p.ShopId }).SingleOrDefaultAsync(cancellationToken);
        if (product is null)
            return false;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ProductViews.Add(new ProductViewRecord
        {
            Id = Guid.CreateVersion7(),
            ProductId = productId,
            ShopId = product.ShopId,
            UserId = userId,
            VisitorId = userId is null ? visitorId : null,
            ViewedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.AddToTrendAsync(productId, Trend.View, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<Guid> SearchAsync(string query, int? resultCount, Guid? userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = TextFolding.Fold(query);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new SearchRecord
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Query = query.Trim(),
            Normalized = normalized,
            ResultCount = resultCount ?? 0,
            SearchedAt = now,
        };
        db.Searches.Add(record);
        if (userId is { } buyer)
        {
            await db.LockAsync("search.recent", buyer.ToString(), cancellationToken);
            var recent = await db.RecentSearches.SingleOrDefaultAsync(r => r.UserId == buyer && r.Normalized == normalized, cancellationToken);
            if (recent is null)
                db.RecentSearches.Add(new RecentSearch { UserId = buyer, Normalized = normalized, Query = record.Query, SearchedAt = now });
            else
            {
                recent.Query = record.Query;
                recent.SearchedAt = now;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (userId is { } owner)
        {
            // Keep the latest few per buyer.
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM recent_searches WHERE user_id = {owner} AND normalized NOT IN
                  (SELECT normalized FROM recent_searches WHERE user_id = {owner} ORDER BY searched_at DESC LIMIT {SearchLimits.RecentSearchesKept})
                """, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return record.Id;
    }

    public async Task<bool> ClickAsync(Guid productId, Guid? searchId, int position, string? query, Guid? userId, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId && !p.Deleted, cancellationToken))
            return false;
        db.SearchClicks.Add(new SearchClick
        {
            Id = Guid.CreateVersion7(),
            SearchId = searchId,
            UserId = userId,
            ProductId = productId,
            Position = position,
            Query = query?.Trim(),
            ClickedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes one recent search (any wording that folds the same) or, without a query, all of them; how many went.</summary>
    public Task<int> ClearRecentSearchesAsync(Guid userId, string? query, CancellationToken cancellationToken)
    {
        var searches = db.RecentSearches.Where(r => r.UserId == userId);
        if (query is not null)
        {
            var normalized = TextFolding.Fold(query);
            searches = searches.Where(r => r.Normalized == normalized);
        }
        return searches.ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> RecentlyViewedAsync(Guid userId, int first, CancellationToken cancellationToken) =>
        await (
            from view in db.ProductViews.AsNoTracking()
            join product in db.Products.AsNoTracking() on view.ProductId equals product.Id
            where view.UserId == userId && !product.Deleted && (product.Status == ProductCopy.Active || product.Status == "OUT_OF_STOCK")
            group view by view.ProductId into views
            orderby views.Max(v => v.ViewedAt) descending, views.Key
            select views.Key).Take(first).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RecentSearch>> RecentSearchesAsync(Guid userId, int first, CancellationToken cancellationToken) =>
        await db.RecentSearches.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.SearchedAt).ThenBy(r => r.Normalized)
            .Take(first).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PopularSearch>> PopularSearchesAsync(int first, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - PopularWindow;
        var groups = await db.Searches.AsNoTracking().Where(s => s.SearchedAt >= since && s.Normalized != "")
            .GroupBy(s => s.Normalized)
            .Select(g => new { Normalized = g.Key, Count = g.Count(), Last = g.Max(s => s.SearchedAt) })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Last).Take(first).ToListAsync(cancellationToken);
        var normalized = groups.Select(g => g.Normalized).ToList();
        var wordings = await db.Searches.AsNoTracking().Where(s => s.SearchedAt >= since && normalized.Contains(s.Normalized))
            .GroupBy(s => s.Normalized).Select(g => g.OrderByDescending(s => s.SearchedAt).Select(s => s.Query).First())
            .ToListAsync(cancellationToken);
        var byKey = wordings.ToDictionary(TextFolding.Fold, w => w);
        return groups.Select(g => new PopularSearch(byKey.GetValueOrDefault(g.Normalized, g.Normalized), g.Count)).ToList();
    }
}
