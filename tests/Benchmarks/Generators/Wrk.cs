using System.Globalization;
using System.Text;

namespace GoShop.Benchmarks.Generators;

/// <summary>One GraphQL request for a load generator: its JSON body, and the bearer token it is sent with.</summary>
public sealed record GraphQLRequest(string Body, string? Token = null);

/// <summary>
/// wrk (closed loop: each connection sends its next request when the last one answered), driven by a Lua script that
/// cycles through the given requests and counts as failed every response that is not a 200 or carries GraphQL errors
/// or userErrors. Latency percentiles are wrk's own.
/// </summary>
public static class Wrk
{
    public static async Task<LoadResult> RunAsync(
        Uri url, IReadOnlyList<GraphQLRequest> requests, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
            throw new ArgumentException("wrk needs at least one request.", nameof(requests));
        var script = Path.Combine(Path.GetTempPath(), $"goshop-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(requests), cancellationToken);
        try
        {
            // One thread: on 2 cores the servers need the other core and a half more than wrk needs a second thread.
            var outcome = await ChildProcess.RunAsync("wrk",
                ["-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", script, url.ToString()],
                cancellationToken);
            var line = outcome.Output.Split('\n').SingleOrDefault(l => l.StartsWith("GOSHOP-RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("wrk printed no result: " + outcome.Output + outcome.Error);
            var f = line.Split(' ')[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var sample = outcome.Output.Split('\n').FirstOrDefault(l => l.StartsWith("GOSHOP-SAMPLE ", StringComparison.Ordinal));
            if (f[2] > 0 && sample is { Length: > 14 })
                Console.Error.WriteLine($"  wrk: {f[2]} failed response(s), e.g. {sample[14..]}");
            return new LoadResult(
                RequestsPerSecond: f[0] / (f[1] / 1_000_000),
                P50: f[3] / 1000,
                P95: f[4] / 1000,
                P99: f[5] / 1000,
                Requests: (long)f[0],
                Failures: (long)f[2],
                GeneratorCpuPercent: outcome.CpuPercent());
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string Script(IReadOnlyList<GraphQLRequest> requests)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local items = {");
        foreach (var request in requests)
        {
            var auth = request.Token is null ? "nil" : $"\"Bearer {request.Token}\"";
            lua.Append(CultureInfo.InvariantCulture, $"  {{ body = [==[{request.Body}]==], auth = {auth} }},\n");
        }
        lua.AppendLine("}");
        lua.Append("""
            local threads = {}
            function setup(thread)
              thread:set("next", #threads * 7919)
              table.insert(threads, thread)
            end
            next = 0
            failures = 0
            sample = nil
            function request()
              next = next % #items + 1
              local item = items[next]
              local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json" }
              if item.auth then headers["Authorization"] = item.auth end
              return wrk.format("POST", nil, headers, item.body)
            end
            function response(status, headers, body)
              if status ~= 200 or string.find(body, '"errors":', 1, true) or string.find(body, '"userErrors":[{', 1, true) then
                failures = failures + 1
                if sample == nil then sample = string.sub(body, 1, 300) end
              end
            end
            function done(summary, latency, requests)
              local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
              local example = ""
              for _, thread in ipairs(threads) do
                failed = failed + thread:get("failures")
                local s = thread:get("sample")
                if s then example = s end
              end
              io.write(string.format("GOSHOP-RESULT %d %d %d %.1f %.1f %.1f\n", summary.requests, summary.duration, failed,
                latency:percentile(50), latency:percentile(95), latency:percentile(99)))
              io.write("GOSHOP-SAMPLE " .. string.gsub(example, "\n", " ") .. "\n")
            end

            """);
        return lua.ToString();
    }
}
