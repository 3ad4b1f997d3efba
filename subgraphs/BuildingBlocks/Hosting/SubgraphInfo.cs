namespace GoShop.BuildingBlocks.Hosting;

/// <summary>Which subgraph this process is (e.g. "identity"): names its database, queues and telemetry.</summary>
public sealed record SubgraphInfo(string Name);
