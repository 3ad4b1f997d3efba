using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;

namespace GoShop.Gateway.Hosting;

/// <summary>
/// The gateway's own traces and metrics, beside the HTTP ones every GoShop process has (see AddGoShopTelemetry):
/// a span per subgraph fetch named for the subgraph, fetch latency per subgraph and outcome, and the errors clients
/// receive counted by code and by the subgraph they came from. Scraped at <c>/metrics</c> with the rest.
/// </summary>
public sealed class GatewayTelemetry : IDisposable
{
    public const string Name = "GoShop.Gateway";

    private static readonly ActivitySource Traces = new(Name);

    private readonly Meter _meter;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _operations;
    private readonly Counter<long> _errors;

    public GatewayTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _fetchDuration = _meter.CreateHistogram(
            "goshop.gateway.subgraph.fetch.duration", "s", "Time from sending a subgraph its request to reading its whole answer.",
            tags: null,
            // Seconds, from a millisecond (a cached answer on loopback) to the default subgraph timeout.
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _operations = _meter.CreateCounter<long>(
            "goshop.gateway.operations", "{operation}", "GraphQL operations answered, by type and whether the answer carried errors.");
        _errors = _meter.CreateCounter<long>(
            "goshop.gateway.errors", "{error}", "Errors in the responses clients received, by extensions.code and the subgraph that raised them (gateway for its own).");
    }

    /// <summary>Starts the span of one subgraph fetch (null when nobody listens).</summary>
    public static Activity? StartFetch(string subgraph)
    {
        var activity = Traces.StartActivity("GraphQL fetch " + subgraph, ActivityKind.Internal);
        activity?.SetTag("goshop.subgraph", subgraph);
        return activity;
    }

    /// <summary>Records a finished fetch: <paramref name="failureCode"/> is null when the subgraph answered GraphQL.</summary>
    public void FetchEnded(Activity? activity, string subgraph, long startedAt, string? failureCode)
    {
        var outcome = failureCode ?? "ok";
        _fetchDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new KeyValuePair<string, object?>("subgraph", subgraph), new KeyValuePair<string, object?>("outcome", outcome));
        if (activity is null)
            return;
        if (failureCode is not null)
            activity.SetStatus(ActivityStatusCode.Error, failureCode);
        activity.Dispose();
    }

    public void OperationAnswered(string type, bool withErrors) =>
        _operations.Add(1, new KeyValuePair<string, object?>("graphql.operation.type", type), new KeyValuePair<string, object?>("errors", withErrors));

    public void ErrorAnswered(string code, string source) =>
        _errors.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("subgraph", source));

    public void Dispose() => _meter.Dispose();
}

/// <summary>
/// Counts every answered operation and the codes of its errors as the client sees them (from the error provider, so
/// parse, validation and limit errors count as well as subgraphs' and the gateway's own). Runs outermost.
/// </summary>
internal sealed class OperationMetrics(GatewayTelemetry telemetry, IErrorInfoProvider errors) : IConfigureExecution
{
    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await next(options);
        // No operation: the document did not parse or validate.
        var type = result.Operation?.Operation.ToString().ToLowerInvariant() ?? "invalid";
        telemetry.OperationAnswered(type, result.Errors is { Count: > 0 });
        if (result.Errors is not { Count: > 0 } answered)
            return result;
        foreach (var error in answered)
        {
            var info = errors.GetInfo(error);
            var code = info.Extensions?.TryGetValue("code", out var value) == true ? value?.ToString() : null;
            var source = error is Execution.GatewayError { ServiceName: { } service } ? service : "gateway";
            telemetry.ErrorAnswered(code ?? "UNKNOWN", source);
        }
        return result;
    }
}
