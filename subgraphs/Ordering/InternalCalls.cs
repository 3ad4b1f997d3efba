using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;

namespace GoShop.Ordering;

/// <summary>
/// Calls to another subgraph's internal API from pricing and placement. A subgraph that cannot answer (refused, broken,
/// timed out after the client's retries) becomes <see cref="SubgraphUnavailableException"/> carrying the caller's
/// userError (CATALOG_UNAVAILABLE, SHOPS_UNAVAILABLE...), caught where the placement compensates; any other failure is a
/// fault and stays an exception.
/// </summary>
internal static class InternalCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, DomainError unavailable, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (InternalApi.IsUnreachable(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Another subgraph could not answer ({Code})", unavailable.Code);
            throw new SubgraphUnavailableException(unavailable, ex);
        }
    }
}

/// <summary>Another subgraph could not answer; <see cref="Error"/> is what to tell the buyer.</summary>
public sealed class SubgraphUnavailableException(DomainError error, Exception innerException) : Exception(error.Message, innerException)
{
    public DomainError Error { get; } = error;
}
