using GoShop.BuildingBlocks.GraphQL.Transport;
using GoShop.Gateway.Supergraph;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GoShop.Gateway.Execution;

/// <summary>
/// Runs every operation against the current supergraph's schema, and keeps documents that parsed and validated
/// against it, keyed by their text, so a repeated operation skips parsing and validation (and finds its plan, kept
/// with the document). A reloaded supergraph starts an empty cache: nothing validated against the old schema is
/// trusted against the new one.
/// </summary>
internal sealed class GatewayDocumentCache(SupergraphSource supergraph, IOptions<GraphQLHttpOptions> options) : IConfigureExecution, IDisposable
{
    private readonly Lock _gate = new();
    private (SupergraphSnapshot Snapshot, MemoryCache Documents)? _cache;

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        var snapshot = supergraph.Current;
        execution.Schema = snapshot.Schema;
        if (execution.Document is not null || execution.Query is not { } query)
            return await next(execution);

        var documents = DocumentsFor(snapshot);
        if (documents.TryGetValue<GraphQLDocument>(query, out var cached) && cached is not null)
        {
            execution.Document = cached;
            execution.ValidationRules = execution.CachedDocumentValidationRules ?? [];
            return await next(execution);
        }

        var result = await next(execution);
        if (result.Executed && result.Document is { } parsed)
        {
            documents.Set(query, parsed, new MemoryCacheEntryOptions
            {
                SlidingExpiration = TimeSpan.FromHours(1),
                Size = Math.Max(query.Length, 1),
            });
        }
        return result;
    }

    private MemoryCache DocumentsFor(SupergraphSnapshot snapshot)
    {
        var cache = _cache;
        if (cache is { } current && ReferenceEquals(current.Snapshot, snapshot))
            return current.Documents;
        lock (_gate)
        {
            if (_cache is { } again && ReferenceEquals(again.Snapshot, snapshot))
                return again.Documents;
            var old = _cache?.Documents;
            var documents = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.DocumentCacheSize });
            _cache = (snapshot, documents);
            old?.Dispose();
            return documents;
        }
    }

    public void Dispose() => _cache?.Documents.Dispose();
}
