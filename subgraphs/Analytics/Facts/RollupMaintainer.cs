using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GoShop.Analytics.Facts;

/// <summary>
/// Keeps the rollups equal to the facts. An event handler marks the shop-days its facts belong to
/// (<see cref="Touch"/>); <see cref="RefreshAsync"/> then recomputes those days' rollups from the facts in the same
/// transaction. Recounting a whole day rather than adding a delta is what makes a redelivered, late or out-of-order event
/// give the same totals. Concurrent handlers of the same shop-day (or, for categories, the same day) are serialised by
/// advisory locks taken in one global order, so no recount misses a committed fact and none deadlocks; a product's
/// change of category is serialised against every recount (a shared lock the change takes alone).
/// </summary>
public sealed class RollupMaintainer(AnalyticsDbContext db)
{
    private readonly HashSet<(Guid Shop, DateOnly Day)> _days = [];
    private readonly HashSet<Guid> _productsRecategorised = [];

    /// <summary>The shop's day containing <paramref name="at"/> needs a recount.</summary>
    public void Touch(Guid shopId, DateTimeOffset at) => _days.Add((shopId, AnalyticsCalendar.DayOf(at)));

    /// <summary>A product changed category: every day it has a fact needs its categories recounted.</summary>
    public void Recategorised(Guid productId) => _productsRecategorised.Add(productId);

    /// <summary>Saves the pending facts, then recounts every touched day. Call inside the handler's transaction.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (_days.Count == 0 && _productsRecategorised.Count == 0)
            return;
        // A product changing category must not race a recount that files the product's new facts under the old
        // category: the change lists the product's days before it takes their locks, so a fact committed after that
        // list, counted under the old category, would stay there. Recounts hold this lock shared, a change holds it
        // alone, and both take it before listing anything: whichever comes second sees what the first committed.
        if (_productsRecategorised.Count > 0)
            await db.LockAsync("analytics-categories", "all", cancellationToken);
        else
            await db.LockSharedAsync("analytics-categories", "all", cancellationToken);
        await ExecuteAsync(RollupSql.CreateWorkTables, cancellationToken);
        await ExecuteAsync(RollupSql.ListDays, cancellationToken,
            new NpgsqlParameter<Guid[]>("shops", _days.Select(d => d.Shop).ToArray()),
            new NpgsqlParameter<DateOnly[]>("days", _days.Select(d => d.Day).ToArray()));
        foreach (var product in _productsRecategorised)
            await ExecuteAsync(RollupSql.ListDaysOfProduct, cancellationToken, new NpgsqlParameter<Guid>("product", product));
        await ExecuteAsync(RollupSql.ListCategoryDays, cancellationToken);

        var listed = await ListedDaysAsync(cancellationToken);
        foreach (var (shop, day) in listed.Order())
            await db.LockAsync("analytics-shop-day", $"{shop}:{day:yyyy-MM-dd}", cancellationToken);
        foreach (var day in listed.Select(d => d.Day).Distinct().Order())
            await db.LockAsync("analytics-day", day.ToString("yyyy-MM-dd"), cancellationToken);

        await RecountListedAsync(cancellationToken);
        _days.Clear();
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
        await ExecuteAsync(RollupSql.ListCategoryDays, cancellationToken);
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

    private async Task<List<(Guid Shop, DateOnly Day)>> ListedDaysAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "SELECT shop_id, day FROM rollup_days";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<(Guid, DateOnly)>();
        while (await reader.ReadAsync(cancellationToken))
            days.Add((reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1)));
        return days;
    }
}
