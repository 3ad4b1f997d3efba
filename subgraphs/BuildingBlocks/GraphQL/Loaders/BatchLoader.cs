using GraphQL.DataLoader;

namespace GoShop.BuildingBlocks.GraphQL.Loaders;

/// <summary>
/// A request-scoped batching loader, the small piece graphql-dotnet's DataLoader package would give us.
/// <see cref="Load"/> only records the key and returns a pending result; graphql-dotnet's execution strategies
/// run every other field of the level first, so all keys of the level are known when the first pending result is
/// awaited, and <see cref="FetchAsync"/> runs once for all of them (one SQL query instead of N).
/// Results are cached per key for the rest of the request.
/// </summary>
public abstract class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, PendingValue> _loaded = [];
    private Batch? _collecting;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(key, out var known))
                return known;
            _collecting ??= new Batch(this);
            _collecting.Keys.Add(key);
            var pending = new PendingValue(_collecting, key);
            _loaded[key] = pending;
            return pending;
        }
    }

    /// <summary>Loads every key of one batch. Keys with no value are simply absent from the answer.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private void Close(Batch batch)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_collecting, batch))
                _collecting = null;
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        private readonly Lock _gate = new();
        private Task<IReadOnlyDictionary<TKey, TValue>>? _fetch;

        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> ResultAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_fetch is null)
                {
                    // Keys asked for from now on belong to the next batch.
                    owner.Close(this);
                    _fetch = owner.FetchAsync(Keys, cancellationToken);
                }
                return _fetch;
            }
        }
    }

    private sealed class PendingValue(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.ResultAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

/// <summary>A batching loader of one-to-many relations: each key gets a (possibly empty) list.</summary>
public abstract class GroupLoader<TKey, TValue> : BatchLoader<TKey, IReadOnlyList<TValue>> where TKey : notnull
{
    protected sealed override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> FetchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var groups = await FetchGroupsAsync(keys, cancellationToken);
        return keys.Distinct().ToDictionary(key => key, key => (IReadOnlyList<TValue>)groups[key].ToList());
    }

    protected abstract Task<ILookup<TKey, TValue>> FetchGroupsAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
}
