using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>
/// Keeps documents that parsed and validated, keyed by their text, so a repeated operation (the gateway sends the
/// same few shapes over and over) skips parsing and the document-only validation rules. Rules registered for cached
/// documents still run.
/// </summary>
internal sealed class ParsedDocumentCache(IOptions<GraphQLHttpOptions> options) : IConfigureExecution, IDisposable
{
    private static readonly MemoryCacheEntryOptions EntryDefaults = new() { SlidingExpiration = TimeSpan.FromHours(1) };

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = options.Value.DocumentCacheSize });

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
            return await next(options);

        if (_documents.TryGetValue<GraphQLDocument>(query, out var cached) && cached is not null)
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } parsed)
        {
            _documents.Set(query, parsed, new MemoryCacheEntryOptions
            {
                SlidingExpiration = EntryDefaults.SlidingExpiration,
                Size = Math.Max(query.Length, 1),
            });
        }
        return result;
    }

    public void Dispose() => _documents.Dispose();
}
