using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GoShop.Analytics.Facts;

/// <summary>
/// Keeps the rollups equal to the facts. An event handler marks the shop-days its facts belong to (<see cref="Touch"/>)
/// and, when it changed what a category counts, the order or product whose categories it touched
/// (<see cref="TouchCategoriesOfOrder"/>, <see cref="Recategorised"/>). Recounting a whole shop-day or category-day from
/// the facts rather than adding a delta is what makes a redelivered, late or out-of-order event give the same totals.
/// <see cref="RefreshAsync"/> queues the recounts of shop-days and orders' categories for <see cref="PendingRecounts"/>,
/// in the handler's transaction, so a busy shop's events are recounted together; a change of category is recounted at
/// once (it is rare, and ordering it against every category recount below is simpler done in one place). Views and cart
/// adds are the exception (<see cref="Add"/>): facts that are only ever appended, each recorded once (by its id, or by its
/// event's inbox entry), so their rollups take a delta in the fact's own transaction. Concurrent recounts and deltas of the
/// same shop-day or the same category-day are serialised by advisory locks taken in one global order (shop-days sorted,
/// then category-days sorted), so no recount misses a committed fact and none deadlocks; other categories of the same day
/// do not wait for each other. A product's change of category is serialised against every category recount (a lock
/// recounts hold shared and the change holds alone).
/// </summary>
public sealed class RollupMaintainer(AnalyticsDbContext db)
{
    private readonly HashSet<(Guid Shop, DateOnly Day)> _days = [];
    private readonly HashSet<Guid> _ordersOfCategories = [];
    private readonly Dictionary<Guid, Guid?> _productsRecategorised = [];
    private readonly List<(Guid Shop, Guid Product, DateTimeOffset At, int Views, int CartAdds)> _deltas = [];

    /// <summary>The shop's day containing <paramref name="at"/> needs a recount.</summary>
    public void Touch(Guid shopId, DateTimeOffset at) => TouchDay(shopId, AnalyticsCalendar.DayOf(at));

    /// <summary>The shop's local <paramref name="day"/> needs a recount.</summary>
    public void TouchDay(Guid shopId, DateOnly day) => _days.Add((shopId, day));

    /// <summary>
    /// The order's categories need their placement day recounted: it is new, or it was cancelled or revived (what a
    /// category counts of an order is its lines, whether it is cancelled, and when it was placed, nothing else).
    /// </summary>
    public void TouchCategoriesOfOrder(Guid orderId) => _ordersOfCategories.Add(orderId);

    /// <summary>
    /// A product changed category from <paramref name="previousCategory"/>: every day it has a fact needs that category
    /// and its new one recounted. The first change of a unit of work keeps its previous category (the one the rollups
    /// were counted with).
    /// </summary>
    public void Recategorised(Guid productId, Guid? previousCategory) => _productsRecategorised.TryAdd(productId, previousCategory);

    /// <summary>
    /// A view or a cart add of the product recorded now (never before: the caller checked), added to the rollups of its
    /// shop, product and category at <paramref name="at"/> without a recount.
    /// </summary>
    public void Add(Guid shopId, Guid productId, DateTimeOffset at, int views, int cartAdds) => _deltas.Add((shopId, productId, at, views, cartAdds));

    /// <summary>
    /// Saves the pending facts, queues the recounts of the touched shop-days and orders' categories (or makes them now
    /// with a change of category), and adds the deltas. Call inside the handler's transaction.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (_productsRecategorised.Count == 0)
            await QueueRecountsAsync(cancellationToken);
        await RecountNowAsync(cancellationToken);
    }

    private async Task QueueRecountsAsync(CancellationToken cancellationToken)
    {
        if (_days.Count > 0)
        {
            var shops = _days.Select(d => d.Shop).ToArray();
            var days = _days.Select(d => d.Day).ToArray();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO pending_recounts (shop_id, day, requested_at) SELECT shop_id, day, now() FROM unnest({shops}, {days}) AS t(shop_id, day)",
                cancellationToken);
        }
        if (_ordersOfCategories.Count > 0)
        {
            var orders = _ordersOfCategories.ToArray();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO pending_recounts (order_id, requested_at) SELECT order_id, now() FROM unnest({orders}) AS t(order_id)",
                cancellationToken);
        }
        _days.Clear();
        _ordersOfCategories.Clear();
    }

    /// <summary>
    /// Recounts every touched shop-day and category-day and adds the deltas, now (<see cref="PendingRecounts"/>, and a
    /// handler's change of category). Call inside a transaction, with the facts saved.
    /// </summary>
    public async Task RecountNowAsync(CancellationToken cancellationToken)
    {
        var recounts = _days.Count > 0 || _ordersOfCategories.Count > 0 || _productsRecategorised.Count > 0;
        var deltas = _deltas.Count > 0;
        // A delta reads its product's category, so it is ordered against a change of category as a recount is.
        var categories = _ordersOfCategories.Count > 0 || _productsRecategorised.Count > 0 || deltas;
        if (!recounts && !deltas)
            return;
        // A product changing category must not race a recount that files the product's new facts under the old
        // category: the change lists the product's days before it takes their locks, so a fact committed after that
        // list, counted under the old category, would stay there. Category recounts hold this lock shared, a change holds
        // it alone, and both take it before listing anything (a recount reads its products' categories after it): whichever
        // comes second sees what the first committed. A recount of shop-days only (a refund, a shipment) reads no category.
        if (_productsRecategorised.Count > 0)
            await db.LockAsync("analytics-categories", "all", cancellationToken);
        else if (categories)
            await db.LockSharedAsync("analytics-categories", "all", cancellationToken);
        await ExecuteAsync(RollupSql.CreateWorkTables, cancellationToken);
        if (_days.Count > 0)
            await ExecuteAsync(RollupSql.ListDays, cancellationToken,
                new NpgsqlParameter<Guid[]>("shops", _days.Select(d => d.Shop).ToArray()),
                new NpgsqlParameter<DateOnly[]>("days", _days.Select(d => d.Day).ToArray()));
        if (_ordersOfCategories.Count > 0)
            await ExecuteAsync(RollupSql.ListCategoryDaysOfOrders, cancellationToken,
                new NpgsqlParameter<Guid[]>("orders", _ordersOfCategories.ToArray()));
        foreach (var (product, previous) in _productsRecategorised)
            await ExecuteAsync(RollupSql.ListCategoryDaysOfRecategorised, cancellationToken,
                new NpgsqlParameter<Guid>("product", product),
                new NpgsqlParameter("previous", NpgsqlDbType.Uuid) { Value = (object?)previous ?? DBNull.Value });

        if (deltas)
            await ExecuteAsync(RollupSql.CreateDeltaTable, cancellationToken,
                new NpgsqlParameter<Guid[]>("shops", _deltas.Select(d => d.Shop).ToArray()),
                new NpgsqlParameter<Guid[]>("products", _deltas.Select(d => d.Product).ToArray()),
                new NpgsqlParameter<DateTimeOffset[]>("ats", _deltas.Select(d => d.At.ToUniversalTime()).ToArray()),
                new NpgsqlParameter<int[]>("views", _deltas.Select(d => d.Views).ToArray()),
                new NpgsqlParameter<int[]>("adds", _deltas.Select(d => d.CartAdds).ToArray()));

        // Deltas take the same locks as recounts, in the same global order: a recount of a shop-day either counted a
        // delta's fact or runs after the delta committed.
        var shopDays = deltas
            ? "SELECT shop_id, day FROM rollup_days UNION SELECT shop_id, day FROM rollup_deltas"
            : "SELECT shop_id, day FROM rollup_days";
        var categoryDays = deltas
            ? "SELECT category_id, day FROM rollup_category_days UNION SELECT category_id, day FROM rollup_deltas WHERE category_id IS NOT NULL"
            : "SELECT category_id, day FROM rollup_category_days";
        foreach (var (shop, day) in await ListedAsync(shopDays, cancellationToken))
            await db.LockAsync("analytics-shop-day", $"{shop}:{day:yyyy-MM-dd}", cancellationToken);
        foreach (var (category, day) in await ListedAsync(categoryDays, cancellationToken))
            await db.LockAsync("analytics-category-day", $"{category}:{day:yyyy-MM-dd}", cancellationToken);

        if (recounts)
            await RecountListedAsync(cancellationToken);
        if (deltas)
        {
            await ExecuteAsync(RollupSql.AddDeltas, cancellationToken);
            await ExecuteAsync(RollupSql.BumpDeltaReportVersions, cancellationToken);
        }
        _deltas.Clear();
        _days.Clear();
        _ordersOfCategories.Clear();
        _productsRecategorised.Clear();
    }

    /// <summary>
    /// Recounts every rollup of the local days <paramref name="from"/> to <paramref name="to"/> from the facts, the
    /// same statements as the incremental path, with the rollups table locked against concurrent recounts meanwhile.
    /// Answers how many rollup rows it wrote.
    /// </summary>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var range = new[] { new NpgsqlParameter<DateOnly>("from", from), new NpgsqlParameter<DateOnly>("to", to) };
        await ExecuteAsync("LOCK TABLE rollups IN EXCLUSIVE MODE", cancellationToken);
        await ExecuteAsync(RollupSql.CreateWorkTables, cancellationToken);
        await ExecuteAsync(RollupSql.ListAllDays, cancellationToken, Clone(range));
        await ExecuteAsync(RollupSql.ListAllCategoryDays, cancellationToken);
        await ExecuteAsync("ANALYZE rollup_days; ANALYZE rollup_category_days", cancellationToken);
        await ExecuteAsync(RollupSql.DeleteRangeForRebuild, cancellationToken, Clone(range));
        await ExecuteAsync(RollupSql.BumpAllReportVersions, cancellationToken);
        return await RecountListedAsync(cancellationToken);
    }

    private async Task<int> RecountListedAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(RollupSql.DeleteListed, cancellationToken);
        await ExecuteAsync(RollupSql.BumpListedReportVersions, cancellationToken);
        return await ExecuteAsync(RollupSql.InsertShops, cancellationToken)
            + await ExecuteAsync(RollupSql.InsertProducts, cancellationToken)
            + await ExecuteAsync(RollupSql.InsertCategories, cancellationToken);
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) =>
        db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);

    private static NpgsqlParameter[] Clone(NpgsqlParameter[] parameters) => parameters.Select(p => p.Clone()).ToArray();

    /// <summary>The (id, day) pairs a work table lists, sorted: the order every transaction takes their locks in.</summary>
    private async Task<List<(Guid Id, DateOnly Day)>> ListedAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var listed = new List<(Guid, DateOnly)>();
        while (await reader.ReadAsync(cancellationToken))
            listed.Add((reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1)));
        listed.Sort();
        return listed;
    }
}
