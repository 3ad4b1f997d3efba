using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoShop.Gateway.Planning;
using GraphQL;

namespace GoShop.Gateway.Execution;

/// <summary>
/// One subscription on the subgraph that owns the subscription field: opens it with the plan's root fetch, and turns
/// each of its events into the client's result (the event's data is the root fetch's answer; the plan's entity
/// fetches complete it with other subgraphs' fields).
/// </summary>
internal sealed class FederatedEventSource(
    OperationPlan plan, IReadOnlyDictionary<string, object?>? variables, ForwardedHeaders headers, SubgraphEventClient client, PlanExecutor executor)
    : ISharedEventSource
{
    private readonly FetchNode _root = plan.RootFetches[0];
    private SubgraphEventStream? _stream;

    public async Task<ExecutionResult?> OpenAsync(CancellationToken cancellationToken)
    {
        _stream = await client.OpenAsync(_root.Subgraph, writer => FetchRequest.Write(writer, _root, variables), headers, cancellationToken);
        if (_stream.Refusal is not { } refusal)
            return null;
        if (refusal.Failure is { } failure)
            return Result([], FailureErrors(failure));
        // Refused as a whole (no path): the errors are the answer, without a null field to complete.
        var (_, errors) = await executor.ContinueAsync(_root, null, refusal.Errors, variables, headers, cancellationToken);
        var result = new SharedExecutionResult { Executed = true, Errors = [] };
        foreach (var error in errors)
            result.Errors.Add(error);
        return result;
    }

    public async IAsyncEnumerable<ExecutionResult> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_stream is null)
            yield break;
        await using var events = _stream.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            JsonObject payload;
            SubgraphFailure? broken = null;
            try
            {
                if (!await events.MoveNextAsync())
                    yield break;
                payload = events.Current;
            }
            catch (JsonException)
            {
                broken = new SubgraphFailure(GatewayErrorCodes.SubgraphInvalidResponse, $"The {_root.Subgraph.Name} service sent an event that is not JSON.");
                payload = [];
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                broken = new SubgraphFailure(GatewayErrorCodes.SubgraphUnavailable, $"The {_root.Subgraph.Name} service ended the subscription unexpectedly.");
                payload = [];
            }
            if (broken is not null)
            {
                // The subscriber learns why its stream ends here, then it completes.
                yield return Result([], FailureErrors(broken));
                yield break;
            }
            var data = payload["data"] as JsonObject;
            var errors = payload["errors"] as JsonArray;
            payload.Remove("data");
            payload.Remove("errors");
            yield return await ResolveAsync(data, errors, cancellationToken);
        }
    }

    private async Task<ExecutionResult> ResolveAsync(JsonObject? data, JsonArray? errors, CancellationToken cancellationToken)
    {
        var (merged, gatewayErrors) = await executor.ContinueAsync(_root, data, errors, variables, headers, cancellationToken);
        return Result(merged, gatewayErrors);
    }

    private SharedExecutionResult Result(JsonObject merged, List<GatewayError> errors)
    {
        var result = new SharedExecutionResult { Executed = true, Data = ResponseWriter.Write(plan, merged, errors) };
        if (errors.Count > 0)
        {
            result.Errors = [];
            foreach (var error in errors)
                result.Errors.Add(error);
        }
        return result;
    }

    private List<GatewayError> FailureErrors(SubgraphFailure failure) =>
        _root.ResponseNames.Select(name => new GatewayError(failure.Message, [name], _root.Subgraph.Name, failure.Code)).ToList();

    public void Dispose() => _stream?.Dispose();
}
