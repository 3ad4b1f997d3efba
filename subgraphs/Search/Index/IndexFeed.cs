using GoShop.Search.Data;
using GoShop.Search.Domain;
using GoShop.Search.Index.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Search.Index;

/// <summary>
/// Keeps this instance's index in step with the product copies in PostgreSQL, which the event handlers write once for
/// all instances. Every change to a copy stamps the row with its transaction id (a trigger); each instance reads the rows
/// stamped at or after the oldest transaction still running when it last read (<c>pg_snapshot_xmin</c>), so a
/// transaction that commits late is still picked up, and re-reading a row is harmless. An index that is empty, or was
/// written in another format, is rebuilt from the copies first (and the copies from catalog when they are empty).
/// </summary>
public sealed class IndexFeed(
    IServiceScopeFactory scopes,
    ISearchIndex index,
    CategoryNames categories,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<IndexFeed> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Reads and rebuilds take turns: a reindex asked for while the feed runs waits for the read under way.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _source = "";
    private long _position;
    private DateTimeOffset _lastRead;

    /// <summary>Completes once the index has caught up with the copies at start (rebuilt if it had to be).</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CatchUpAsync(stoppingToken);
        var lastCommit = TimeProvider.System.GetUtcNow();
        var uncommitted = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await categories.RefreshIfStaleAsync(stoppingToken);
                uncommitted |= await ReadChangesAsync(stoppingToken) > 0;
                if (uncommitted && TimeProvider.System.GetUtcNow() - lastCommit >= options.Value.CommitInterval)
                {
                    index.Commit(new IndexState(LuceneSearchIndex.FormatVersion, _source, _position));
                    lastCommit = TimeProvider.System.GetUtcNow();
                    uncommitted = false;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reading product changes into the index failed; trying again");
            }
            // Real time, whatever clock the domain runs on: this is the index's refresh cadence.
            await Task.Delay(options.Value.FeedInterval, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_ready.Task.IsCompletedSuccessfully)
            index.Commit(new IndexState(LuceneSearchIndex.FormatVersion, _source, _position));
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await categories.RefreshAsync(cancellationToken);
                _source = await SourceAsync(cancellationToken);
                var state = index.State;
                if (state.FormatVersion != LuceneSearchIndex.FormatVersion || state.Source != _source || index.Count == 0)
                    await RebuildAsync(fromCatalog: false, cancellationToken);
                else
                    _position = state.FeedPosition;
                _lastRead = clock.GetUtcNow();
                await ReadChangesAsync(cancellationToken);
                _ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Preparing the search index failed; trying again in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Empties the index and fills it again from every product copy, after importing the copies from catalog when there
    /// are none or when <paramref name="fromCatalog"/> asks for it (<c>make reindex</c>: products catalog wrote without
    /// events, such as <c>seed-large</c>'s).
    /// </summary>
    public async Task<int> RebuildAsync(bool fromCatalog, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RebuildUnderGateAsync(fromCatalog, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> RebuildUnderGateAsync(bool fromCatalog, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        _source = await SourceAsync(cancellationToken);
        if (fromCatalog || (options.Value.ImportFromCatalogWhenEmpty && !await db.Products.AnyAsync(cancellationToken)))
            await scope.ServiceProvider.GetRequiredService<CatalogImport>().ImportAsync(cancellationToken);
        var started = TimeProvider.System.GetTimestamp();
        var position = await SnapshotBoundAsync(db, cancellationToken);
        var shops = await db.Shops.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        index.Clear();
        var count = 0;
        Guid? after = null;
        while (true)
        {
            var page = await db.Products.AsNoTracking()
                .Where(p => after == null || p.Id.CompareTo(after.Value) > 0)
                .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
                break;
            count += Apply(page, shops);
            after = page[^1].Id;
        }
        _position = position;
        index.Compact();
        index.Commit(new IndexState(LuceneSearchIndex.FormatVersion, _source, position));
        logger.LogInformation("Rebuilt the search index: {Count} products in {Elapsed} ms", count,
            (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        // A rebuild reads every copy and writes the whole index: some hundred megabytes of short-lived objects, which the
        // GC would keep committed for minutes (the bench saw 375 MB resident just after a rebuild of 100,000 products and
        // 287 MB a few minutes later). Hand them back at once; a rebuild is rare, and one blocking collection is its cost.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return count;
    }

    /// <summary>Indexes the copies changed since the last read, and those whose discount started or ended meanwhile.</summary>
    public async Task<int> ReadChangesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReadChangesUnderGateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> ReadChangesUnderGateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        var bound = await SnapshotBoundAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var since = _lastRead;
        // Categories renamed or moved first: their products, touched in the same transaction, are read next with the new names.
        var categoryChanges = await db.Categories.FromSql($"SELECT * FROM category_copies WHERE change_txid >= ({_position}::text)::xid8")
            .AsNoTracking().ToListAsync(cancellationToken);
        if (categoryChanges.Count > 0)
            categories.Apply(categoryChanges.Select(c => new Contracts.Catalog.CategorySummary(c.Id, c.ParentId, c.Name, c.NameEn, c.Path)));
        var changed = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM product_copies
            WHERE change_txid >= ({_position}::text)::xid8
               OR (sale_starts_at > {since} AND sale_starts_at <= {now})
               OR (sale_ends_at > {since} AND sale_ends_at <= {now})
            """).ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var chunk in changed.Chunk(BatchSize))
        {
            var products = await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken);
            var shopIds = products.Select(p => p.ShopId).Distinct().ToList();
            var shops = await db.Shops.AsNoTracking().Where(s => shopIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            applied += products.Count;
            Apply(products, shops);
        }
        if (changed.Count > 0)
            index.Refresh();
        _position = bound;
        _lastRead = now;
        return applied;
    }

    private int Apply(IReadOnlyList<ProductCopy> products, IReadOnlyDictionary<Guid, ShopCopy> shops)
    {
        var now = clock.GetUtcNow();
        var upserts = new List<IndexedProduct>();
        var removals = new List<Guid>();
        foreach (var product in products)
        {
            var shop = shops.GetValueOrDefault(product.ShopId);
            // A shop search has not heard of yet does not hide its products; one that is suspended or closed does.
            if (!product.Searchable || shop is { IsActive: false })
            {
                removals.Add(product.Id);
                continue;
            }
            upserts.Add(new IndexedProduct(product.Id, product.ShopId, product.Title, product.Description, product.Brand, product.Model,
                product.CategoryId, product.CategoryPath, categories.NamesOf(product.CategoryPath), product.EffectivePriceAt(now), product.Currency,
                product.InStock, product.RatingAverage, product.RatingCount, product.SoldCount, product.CreatedAt, shop?.Latitude, shop?.Longitude));
        }
        index.Upsert(upserts);
        index.Remove(removals);
        return upserts.Count;
    }

    /// <summary>Which database the copies live in: its name and oid, so an index fed from a database since recreated is rebuilt.</summary>
    private async Task<string> SourceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        return (await db.Database.SqlQuery<string>($"""
            SELECT current_database() || ':' || (SELECT oid FROM pg_database WHERE datname = current_database())::text AS "Value"
            """).ToListAsync(cancellationToken))[0];
    }

    /// <summary>The oldest transaction still running now: everything older has committed or rolled back.</summary>
    private static async Task<long> SnapshotBoundAsync(SearchDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>($"""SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "Value" """).ToListAsync(cancellationToken))[0];
}
