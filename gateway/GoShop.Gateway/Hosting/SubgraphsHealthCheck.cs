using System.Net.Sockets;
using GoShop.Gateway.Supergraph;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoShop.Gateway.Hosting;

/// <summary>Ready when the supergraph is loaded and every subgraph it names accepts connections.</summary>
internal sealed class SubgraphsHealthCheck(SupergraphSource supergraph) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var subgraphs = supergraph.Current.Document.Subgraphs.Values.ToList();
        var checks = subgraphs.Select(async s => (s.Name, Reachable: await ReachableAsync(s.Url, cancellationToken))).ToList();
        var results = await Task.WhenAll(checks);
        var down = results.Where(r => !r.Reachable).Select(r => r.Name).ToList();
        var data = new Dictionary<string, object> { ["subgraphs"] = subgraphs.Count, ["loadedAt"] = supergraph.Current.LoadedAt };
        return down.Count == 0
            ? HealthCheckResult.Healthy($"{subgraphs.Count} subgraphs reachable", data)
            : HealthCheckResult.Unhealthy("Unreachable: " + string.Join(", ", down), data: data);
    }

    private static async Task<bool> ReachableAsync(Uri url, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(url.Host, url.Port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
