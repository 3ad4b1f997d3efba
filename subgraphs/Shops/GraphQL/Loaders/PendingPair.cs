using GraphQL.DataLoader;

namespace GoShop.Shops.GraphQL.Loaders;

public static class PendingPair
{
    /// <summary>
    /// Combines two pending loader results without awaiting either, so both keys still join their level's batches
    /// (e.g. a campaign's promotions and its shop, whose owner decides what the viewer may see).
    /// </summary>
    public static IDataLoaderResult<TResult> Zip<TFirst, TSecond, TResult>(
        this IDataLoaderResult<TFirst> first, IDataLoaderResult<TSecond> second, Func<TFirst, TSecond, TResult> combine) =>
        new Zipped<TFirst, TSecond, TResult>(first, second, combine);

    private sealed class Zipped<TFirst, TSecond, TResult>(
        IDataLoaderResult<TFirst> first, IDataLoaderResult<TSecond> second, Func<TFirst, TSecond, TResult> combine) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            combine(await first.GetResultAsync(cancellationToken), await second.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
