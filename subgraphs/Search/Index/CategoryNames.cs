using GoShop.Contracts.Catalog;

namespace GoShop.Search.Index;

/// <summary>
/// The names of catalog's categories (Vietnamese, and English where given), read from catalog's category tree at start
/// and every <see cref="RefreshInterval"/>: they label the category facet, feed suggestions, and let "dien thoai" find
/// a phone whose title does not say it. An unreachable catalog leaves the last names known (none at first). New
/// categories, renames and moves arrive sooner through the index feed (<see cref="Apply"/>), before the products they
/// concern are indexed.
/// </summary>
public sealed class CategoryNames(IServiceScopeFactory scopes, ILogger<CategoryNames> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private volatile IReadOnlyDictionary<Guid, CategorySummary> _categories = new Dictionary<Guid, CategorySummary>();
    // What the category events told, laid over every read of the tree: a read that began before an event's change was
    // committed would otherwise drop a category just added (or undo a rename) until the next read.
    private volatile IReadOnlyDictionary<Guid, CategorySummary> _fromEvents = new Dictionary<Guid, CategorySummary>();
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var categories = await scope.ServiceProvider.GetRequiredService<CatalogExport>().CategoriesAsync(cancellationToken);
            var read = categories.ToDictionary(c => c.Id);
            foreach (var (id, category) in _fromEvents)
                read[id] = category;
            _categories = read;
            _refreshedAt = DateTimeOffset.UtcNow;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Could not read catalog's categories; keeping the {Count} names known", _categories.Count);
        }
    }

    /// <summary>Takes categories added, renamed or moved (search's category copies, as the index feed reads them).</summary>
    public void Apply(IEnumerable<CategorySummary> changed)
    {
        var categories = new Dictionary<Guid, CategorySummary>(_categories);
        var fromEvents = new Dictionary<Guid, CategorySummary>(_fromEvents);
        foreach (var category in changed)
            categories[category.Id] = fromEvents[category.Id] = category;
        _fromEvents = fromEvents;
        _categories = categories;
    }

    /// <summary>Refreshes when the names are older than <see cref="RefreshInterval"/>.</summary>
    public Task RefreshIfStaleAsync(CancellationToken cancellationToken) =>
        DateTimeOffset.UtcNow - _refreshedAt >= RefreshInterval ? RefreshAsync(cancellationToken) : Task.CompletedTask;

    public string? NameOf(Guid id) => _categories.GetValueOrDefault(id)?.Name;

    /// <summary>The names along a path (each category's Vietnamese name, then its English one), those known.</summary>
    public IReadOnlyList<string> NamesOf(IReadOnlyList<Guid> path)
    {
        var names = new List<string>();
        foreach (var id in path)
        {
            if (!_categories.TryGetValue(id, out var category))
                continue;
            if (!string.IsNullOrWhiteSpace(category.NameEn))
                names.Add(category.NameEn);
            names.Add(category.Name);
        }
        return names;
    }

    /// <summary>The category and all its descendants (a filter on a category finds its subcategories' products).</summary>
    public bool Exists(Guid id) => _categories.ContainsKey(id);

    public bool Known => _categories.Count > 0;
}
