using GraphQL.DataLoader;

namespace GoShop.BuildingBlocks.GraphQL.Loaders;

public static class DataLoaderResultExtensions
{
    /// <summary>
    /// Maps a pending loader result without awaiting it, so the field stays pending and its key still joins the
    /// level's batch (awaiting inside a resolver would fetch one key at a time).
    /// </summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> pending, Func<T, TResult> map) =>
        new Mapped<T, TResult>(pending, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> pending, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await pending.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
