namespace GoShop.Gateway.Execution;

/// <summary>Picks what a subgraph may see of the client's request: its token, its address, its request id.</summary>
internal static class RequestHeaders
{
    /// <summary>
    /// Where a WebSocket connection's token (from its <c>connection_init</c>) travels to the execution strategies: the
    /// operation's user context. It stands in for the Authorization header of the socket's opening request.
    /// </summary>
    public const string ConnectionAuthorization = "GoShop.Gateway.ConnectionAuthorization";

    /// <summary>The headers for one operation: the request's, with the connection's token when it came over a WebSocket.</summary>
    public static ForwardedHeaders From(GraphQL.Execution.ExecutionContext context, HttpContext? http) =>
        From(http, context.UserContext.TryGetValue(ConnectionAuthorization, out var token) ? token as string : null);

    public static ForwardedHeaders From(HttpContext? http, string? authorization = null)
    {
        if (http is null)
            return new ForwardedHeaders(authorization, null, null, null, null);
        var request = http.Request;
        var headers = request.Headers;
        // Subgraphs rate-limit per client address: they get the chain the client came through, then the client.
        var remote = http.Connection.RemoteIpAddress?.ToString();
        var forwarded = headers["X-Forwarded-For"].ToString();
        var forwardedFor = string.IsNullOrEmpty(forwarded) ? remote : remote is null ? forwarded : forwarded + ", " + remote;
        var requestId = headers["X-Request-Id"].ToString();
        var preflight = headers["GraphQL-Preflight"].ToString();
        if (preflight.Length == 0)
            preflight = headers["Apollo-Require-Preflight"].ToString();
        return new ForwardedHeaders(
            authorization ?? NullIfEmpty(headers.Authorization.ToString()),
            forwardedFor,
            requestId.Length > 0 ? requestId : http.TraceIdentifier,
            NullIfEmpty(headers.UserAgent.ToString()),
            NullIfEmpty(preflight));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
