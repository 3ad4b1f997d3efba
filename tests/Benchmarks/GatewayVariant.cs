using System.Diagnostics;

namespace GoShop.Benchmarks;

/// <summary>
/// One gateway configuration, started beside the one `make up` runs (on its own port, on the same supergraph), so
/// several can be compared in one bench run: Hive Gateway's (from gateway.config.ts) and GoShop Gateway (.NET).
/// </summary>
public sealed record GatewayVariant(string Name, string Description, int Fork, IReadOnlyDictionary<string, string> Settings, bool DotNet = false)
{
    /// <summary>What `make up` runs: GoShop Gateway, or Hive Gateway's stock settings with GOSHOP_GATEWAY=hive.</summary>
    public static GatewayVariant Default =>
        Environment.GetEnvironmentVariable("GOSHOP_GATEWAY") == "hive" ? Compared[0] : Compared.Single(v => v.DotNet);

    /// <summary>The configurations compared: the default, then one change at a time.</summary>
    public static IReadOnlyList<GatewayVariant> Compared { get; } =
    [
        new("Hive stock", "Hive Gateway 2.x as installed: JavaScript (stitching) planner, in-flight deduplication and batched execution on, 1 process", 1,
            new Dictionary<string, string> { ["GOSHOP_GATEWAY_PLANNER"] = "js" }),
        new("rust planner", "Hive Router's Rust query planner and executor (@graphql-hive/router-runtime)", 1,
            new Dictionary<string, string> { ["GOSHOP_GATEWAY_PLANNER"] = "rust" }),
        new("2 workers", "stock, with --fork 2 (one worker per core)", 2,
            new Dictionary<string, string> { ["GOSHOP_GATEWAY_PLANNER"] = "js" }),
        new("no deduplication", "stock, with in-flight request deduplication off", 1,
            new Dictionary<string, string> { ["GOSHOP_GATEWAY_PLANNER"] = "js", ["GOSHOP_GATEWAY_DEDUPLICATE"] = "false" }),
        new("no batching", "stock, with batched execution of same-tick subgraph requests (the `_entities` batching) off", 1,
            new Dictionary<string, string> { ["GOSHOP_GATEWAY_PLANNER"] = "js", ["GOSHOP_GATEWAY_BATCH_EXECUTION"] = "false" }),
        new("GoShop Gateway", "gateway/GoShop.Gateway (.NET 10, Release build), one process", 1,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, DotNet: true),
    ];

    public sealed class Running(GatewayVariant? variant, Process process, Uri url) : IDisposable
    {
        public GatewayVariant Variant { get; } = variant!;

        public Uri Url { get; } = url;

        public void Dispose()
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    public async Task<Running> StartAsync(string repositoryRoot, int port, CancellationToken cancellationToken)
    {
        EnsureFree(port);
        var gateway = Path.Combine(repositoryRoot, "gateway");
        var dotnetGateway = Path.Combine(gateway, "GoShop.Gateway", "bin", "Release", "net10.0", "GoShop.Gateway.dll");
        var start = new ProcessStartInfo(DotNet ? "dotnet" : "node")
        {
            WorkingDirectory = DotNet ? Path.GetDirectoryName(dotnetGateway)! : gateway,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var arguments = DotNet
            ? [dotnetGateway]
            : new[] { "node_modules/@graphql-hive/gateway/dist/bin.js", "supergraph", "--fork", Fork.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["GOSHOP_SUPERGRAPH"] = Path.Combine(repositoryRoot, "schema", "supergraph.graphql");
        start.Environment["GOSHOP_GATEWAY_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in Settings)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        // Drain its logs so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new Running(this, process, new Uri($"http://127.0.0.1:{port}/graphql"));
        await WaitUntilListeningAsync(running, process, port, cancellationToken);
        return running;
    }

    /// <summary>Starts tests/Benchmarks/node-hop.mjs: a plain Node proxy to one subgraph, the floor under any Node gateway.</summary>
    public static async Task<Running> StartNodeHopAsync(string repositoryRoot, int port, Uri subgraph, CancellationToken cancellationToken)
    {
        EnsureFree(port);
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(repositoryRoot, "tests", "Benchmarks", "node-hop.mjs"), port.ToString(System.Globalization.CultureInfo.InvariantCulture), subgraph.ToString() })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new Running(null, process, new Uri($"http://127.0.0.1:{port}/graphql"));
        await WaitUntilListeningAsync(running, process, port, cancellationToken);
        return running;
    }

    /// <summary>Refuses a port something already listens on: its answers would be taken for the process we start.</summary>
    private static void EnsureFree(int port)
    {
        using var probe = new System.Net.Sockets.TcpClient();
        try
        {
            probe.Connect(System.Net.IPAddress.Loopback, port);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return;
        }
        throw new InvalidOperationException($"Port {port} is taken by another process; the bench starts its gateways on 8099-8110. Stop it first.");
    }

    private static async Task WaitUntilListeningAsync(Running running, Process process, int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                // Any HTTP answer means it listens (the plain proxy has no health check; the gateway's answers 200).
                await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthcheck"), cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            if (process.HasExited)
                break;
            await Task.Delay(250, cancellationToken);
        }
        running.Dispose();
        throw new InvalidOperationException($"Nothing started listening on port {port}.");
    }
}
