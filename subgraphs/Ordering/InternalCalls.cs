using System.Runtime.CompilerServices;
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
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, DomainError unavailable, ILogger logger, CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(call))] string asking = "")
    {
        var answer = await InternalApi.CallAsync(call, unavailable, logger, cancellationToken, asking);
        return answer.Succeeded ? answer.Value : throw new SubgraphUnavailableException(answer.Error);
    }
}

/// <summary>Another subgraph could not answer (the failure is logged where it happened); <see cref="Error"/> is what to tell the buyer.</summary>
public sealed class SubgraphUnavailableException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}
