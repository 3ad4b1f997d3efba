using System.Text.Json.Nodes;
using GraphQL;

namespace GoShop.Gateway.Execution;

/// <summary>Codes of errors the gateway itself raises (a subgraph's own codes pass through unchanged).</summary>
public static class GatewayErrorCodes
{
    /// <summary>The subgraph could not be reached (connection refused, reset, DNS).</summary>
    public const string SubgraphUnavailable = "SUBGRAPH_UNAVAILABLE";

    /// <summary>The subgraph did not answer within its timeout.</summary>
    public const string SubgraphTimeout = "SUBGRAPH_TIMEOUT";

    /// <summary>The subgraph answered something that is not a GraphQL response.</summary>
    public const string SubgraphInvalidResponse = "SUBGRAPH_INVALID_RESPONSE";

    /// <summary>A non-null field came back null without an error from its subgraph.</summary>
    public const string NullForNonNullField = "INTERNAL_SERVER_ERROR";

    /// <summary>The gateway cannot plan the operation against its supergraph.</summary>
    public const string PlanningFailed = "GATEWAY_PLANNING_FAILED";
}

/// <summary>
/// An error as the client will see it: a subgraph's error re-pathed to the client's path, with its extensions kept
/// and <c>serviceName</c> added, or one the gateway raised.
/// </summary>
public sealed class GatewayError : ExecutionError
{
    public GatewayError(string message, IReadOnlyList<object> path, string? serviceName, string? code, JsonObject? extensions = null)
        : base(message)
    {
        Path = path;
        ResponsePath = path;
        ServiceName = serviceName;
        SubgraphExtensions = extensions;
        Code = code ?? (extensions?["code"] is JsonValue c && c.TryGetValue<string>(out var text) ? text : null);
    }

    public IReadOnlyList<object> ResponsePath { get; }

    public string? ServiceName { get; }

    /// <summary>The extensions the subgraph gave, as it gave them.</summary>
    public JsonObject? SubgraphExtensions { get; }
}
