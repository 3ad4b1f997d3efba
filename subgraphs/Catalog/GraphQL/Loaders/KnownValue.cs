using GraphQL.DataLoader;

namespace GoShop.Catalog.GraphQL.Loaders;

/// <summary>A loader result known without loading anything (a product with no brand has no brand to load).</summary>
public sealed class KnownValue<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}

/// <summary>Two pending loader results combined without awaiting either, so both keys join their batches.</summary>
public sealed class Combined<TFirst, TSecond, TResult>(
    IDataLoaderResult<TFirst> first,
    IDataLoaderResult<TSecond> second,
    Func<TFirst, TSecond, TResult> combine) : IDataLoaderResult<TResult>
{
    public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
        combine(await first.GetResultAsync(cancellationToken), await second.GetResultAsync(cancellationToken));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
