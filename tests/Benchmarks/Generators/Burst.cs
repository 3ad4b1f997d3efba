using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GoShop.Benchmarks.Generators;

/// <summary>
/// Sends each request exactly once, <c>concurrency</c> at a time, and keeps every response: for mutations that may
/// only happen once per request (placing each buyer's one cart), which wrk's loop cannot express. The C# client's
/// own CPU is measured so its share can be stated like wrk's.
/// </summary>
public static class Burst
{
    public sealed record Answer(double LatencyMs, JsonElement Body);

    public static async Task<(LoadResult Result, IReadOnlyList<Answer> Answers)> RunAsync(
        HttpClient http, Uri url, IReadOnlyList<GraphQLRequest> requests, int concurrency, Func<JsonElement, bool> succeeded,
        CancellationToken cancellationToken)
    {
        var answers = new Answer[requests.Count];
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Count)
            {
                var request = requests[index];
                using var message = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
                };
                if (request.Token is not null)
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                answers[index] = new Answer(latency, JsonDocument.Parse(text).RootElement.Clone());
            }
        }));
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var failures = answers.Count(a => !succeeded(a.Body));
        var result = LoadResult.FromSamples(answers.Select(a => a.LatencyMs).ToList(), watch.Elapsed, failures,
            100 * cpu.TotalSeconds / watch.Elapsed.TotalSeconds);
        return (result, answers);
    }
}
