using System.Collections.Concurrent;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using Microsoft.EntityFrameworkCore;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

/// <summary>The keys of every batch the loaders fetched, so tests can see what reached the database.</summary>
public sealed class FetchLog
{
    private readonly ConcurrentQueue<(string Loader, IReadOnlyList<Guid> Keys)> _batches = new();

    public IReadOnlyList<IReadOnlyList<Guid>> BatchesOf<TLoader>() =>
        _batches.Where(b => b.Loader == typeof(TLoader).Name).Select(b => b.Keys).ToList();

    public void Clear() => _batches.Clear();

    internal void Record<TLoader>(IReadOnlyList<Guid> keys) => _batches.Enqueue((typeof(TLoader).Name, keys.ToList()));
}

public sealed class CategoryByIdLoader(TestDbContext db, FetchLog log) : BatchLoader<Guid, Category>
{
    protected override async Task<IReadOnlyDictionary<Guid, Category>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        log.Record<CategoryByIdLoader>(keys);
        return await db.Categories.AsNoTracking().Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }
}

public sealed class WidgetByIdLoader(TestDbContext db, FetchLog log) : BatchLoader<Guid, Widget>
{
    protected override async Task<IReadOnlyDictionary<Guid, Widget>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        log.Record<WidgetByIdLoader>(keys);
        return await db.Widgets.AsNoTracking().Where(w => keys.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
    }
}

public sealed class PartsByWidgetLoader(TestDbContext db, FetchLog log) : GroupLoader<Guid, Part>
{
    protected override async Task<ILookup<Guid, Part>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        log.Record<PartsByWidgetLoader>(keys);
        var parts = await db.Parts.AsNoTracking().Where(p => keys.Contains(p.WidgetId)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return parts.ToLookup(p => p.WidgetId);
    }
}
