using System.Globalization;

namespace GoShop.Benchmarks.Generators;

/// <summary>
/// hey at a fixed request rate (each worker sends at most <c>rate / workers</c> requests a second), for the scenarios
/// whose target is a latency at a given load. Percentiles are computed from hey's per-request CSV.
/// </summary>
public static class Hey
{
    public static async Task<LoadResult> RunAsync(
        Uri url, GraphQLRequest request, int requestsPerSecond, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var body = Path.Combine(Path.GetTempPath(), $"goshop-bench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(body, request.Body, cancellationToken);
        try
        {
            List<string> arguments =
            [
                "-z", $"{(int)duration.TotalSeconds}s", "-c", workers.ToString(CultureInfo.InvariantCulture),
                "-q", (requestsPerSecond / (double)workers).ToString("0.###", CultureInfo.InvariantCulture),
                "-m", "POST", "-T", "application/json", "-D", body, "-o", "csv",
            ];
            if (request.Token is not null)
                arguments.AddRange(["-H", "Authorization: Bearer " + request.Token]);
            arguments.Add(url.ToString());
            var outcome = await ChildProcess.RunAsync("hey", arguments, cancellationToken);
            // response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset
            var rows = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1)
                .Select(line => line.Split(','))
                .Where(cells => cells.Length >= 8)
                .ToList();
            var latencies = rows.Select(cells => double.Parse(cells[0], CultureInfo.InvariantCulture) * 1000).ToList();
            var failures = rows.Count(cells => cells[6] != "200");
            return LoadResult.FromSamples(latencies, outcome.Elapsed, failures, outcome.CpuPercent());
        }
        finally
        {
            File.Delete(body);
        }
    }
}
