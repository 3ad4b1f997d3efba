using System.Globalization;

namespace GoShop.Benchmarks;

/// <summary>How long and how often each scenario runs; environment variables override the defaults.</summary>
public sealed record BenchSettings(int Runs, TimeSpan Duration, TimeSpan WarmUp, Uri Gateway, string RepositoryRoot, ISet<string> Only)
{
    public static BenchSettings FromEnvironment(string repositoryRoot)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        var gatewayPort = Env("GOSHOP_GATEWAY_PORT") ?? "8000";
        return new BenchSettings(
            Runs: int.Parse(Env("GOSHOP_BENCH_RUNS") ?? "3", CultureInfo.InvariantCulture),
            Duration: TimeSpan.FromSeconds(int.Parse(Env("GOSHOP_BENCH_SECONDS") ?? "8", CultureInfo.InvariantCulture)),
            WarmUp: TimeSpan.FromSeconds(int.Parse(Env("GOSHOP_BENCH_WARMUP_SECONDS") ?? "3", CultureInfo.InvariantCulture)),
            Gateway: new Uri($"http://127.0.0.1:{gatewayPort}/graphql"),
            RepositoryRoot: repositoryRoot,
            Only: (Env("GOSHOP_BENCH_ONLY") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    public bool Includes(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    /// <summary>The catalog subgraph, measured directly beside the gateway.</summary>
    public Uri Catalog => Subgraph("catalog");

    /// <summary>Where subgraph <paramref name="name"/> answers, from subgraphs.conf.</summary>
    public Uri Subgraph(string name)
    {
        var port = File.ReadLines(Path.Combine(RepositoryRoot, "subgraphs.conf"))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .First(cells => cells.Length >= 2 && cells[0] == name)[1];
        return new Uri($"http://127.0.0.1:{port}/graphql");
    }
}
