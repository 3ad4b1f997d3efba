namespace GoShop.Gateway;

/// <summary>The gateway's own settings (configuration section <c>Gateway</c>); GraphQL limits are in <c>GraphQL</c>, as in every subgraph.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The composed supergraph the gateway serves (reloaded when the file changes).</summary>
    public string Supergraph { get; set; } = "../../schema/supergraph.graphql";

    /// <summary>Longest the gateway waits for one subgraph's answer; past it that part of the response is an error.</summary>
    public double SubgraphTimeoutSeconds { get; set; } = 30;

    /// <summary>Plans kept per document (one per operation name and @skip/@include combination).</summary>
    public int MaxPlansPerDocument { get; set; } = 16;

    /// <summary>
    /// Whether clients may introspect the schema (<c>__schema</c>, <c>__type</c>): unset, it is on in Development and
    /// off elsewhere. The explorer needs it; a public production endpoint usually publishes its schema otherwise.
    /// </summary>
    public bool? Introspection { get; set; }

    /// <summary>Most aliased fields one document may hold (see <c>MaxAliasesRule</c>).</summary>
    public int MaxAliases { get; set; } = 200;

    /// <summary>
    /// Longest a subgraph's subscription stream may stay silent (subgraphs send a keep-alive comment every 12 s)
    /// before the gateway counts it as broken and ends its subscribers' streams with SUBGRAPH_UNAVAILABLE.
    /// </summary>
    public double SubscriptionIdleSeconds { get; set; } = 45;

    /// <summary>Longest a WebSocket client may take to send connection_init before its socket is closed (4408).</summary>
    public double WebSocketInitTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Subscription fields whose stream starts with where things stand now (shipmentTracking: the shipment's current
    /// status and position first). A client joining such a stream that others already share gets its latest event at
    /// once, as it would from a stream of its own; on other streams a joining client waits for the next event.
    /// </summary>
    public string[] CurrentStateSubscriptions { get; set; } = ["shipmentTracking"];
}
