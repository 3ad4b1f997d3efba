namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>Limits and behaviour of the GraphQL HTTP endpoint (configuration section <c>GraphQL</c>).</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted request body of a JSON request, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Most operations accepted in one batched (JSON array) request.</summary>
    public int MaxBatchSize { get; set; } = 25;

    /// <summary>
    /// Largest accepted multipart request (GraphQL multipart request spec: the operations, the map and every file
    /// together), in bytes. Only subgraphs whose schema has the <c>Upload</c> scalar take multipart requests.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most files one multipart request may carry.</summary>
    public int MaxUploadFiles { get; set; } = 10;

    public int MaxDepth { get; set; } = 15;

    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>
    /// How many items the complexity estimate counts for a list the operation does not size with <c>first</c> or
    /// <c>last</c> (a product's photos, an order's lines, a photo's sizes): see <see cref="ComplexityEstimate"/>.
    /// </summary>
    public int ListSizeEstimate { get; set; } = 5;

    /// <summary>Memory given to parsed documents, counted in characters of query text.</summary>
    public long DocumentCacheSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Seconds between SSE keep-alive comments on an idle subscription stream.</summary>
    public int KeepAliveSeconds { get; set; } = 12;

    /// <summary>Longest a query or mutation may run before it is answered with a TIMEOUT error.</summary>
    public int ExecutionTimeoutSeconds { get; set; } = 30;
}
