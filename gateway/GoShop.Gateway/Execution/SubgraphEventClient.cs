using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoShop.Gateway.Supergraph;
using Microsoft.Extensions.Options;

namespace GoShop.Gateway.Execution;

/// <summary>
/// What a subgraph answered a subscription with: a stream of events, or a refusal before any stream (a JSON
/// response with errors, such as a validation failure, or no answer at all).
/// </summary>
internal sealed class SubgraphEventStream : IDisposable
{
    private readonly HttpResponseMessage? _response;
    private readonly TimeSpan _idle;

    private SubgraphEventStream(HttpResponseMessage? response, SubgraphResponse? refusal, TimeSpan idle)
    {
        _response = response;
        Refusal = refusal;
        _idle = idle;
    }

    /// <summary>Why there is no stream; null when the subgraph is streaming.</summary>
    public SubgraphResponse? Refusal { get; }

    /// <param name="idle">Longest silence (no event, no keep-alive comment) before the stream counts as broken.</param>
    public static SubgraphEventStream Streaming(HttpResponseMessage response, TimeSpan idle) => new(response, null, idle);

    public static SubgraphEventStream Refused(SubgraphResponse refusal) => new(null, refusal, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// The <c>next</c> events' payloads, as the subgraph writes them (GraphQL over SSE, distinct connections mode:
    /// <c>event: next</c> with the result as <c>data</c>, comment lines as keep-alive, <c>event: complete</c> at the end).
    /// Ends at <c>complete</c> or when the subgraph closes the stream; a stream silent for longer than its idle limit
    /// throws <see cref="IOException"/> (a subgraph that vanished without closing its connection sends nothing more).
    /// </summary>
    public async IAsyncEnumerable<JsonObject> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_response is null)
            yield break;
        await using var body = await _response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        var name = "message";
        var data = new StringBuilder();
        while (true)
        {
            string? line;
            // A timer per line, not one reset each time: the silence is the subgraph's, never the time spent on an event.
            using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            silence.CancelAfter(_idle);
            try
            {
                line = await reader.ReadLineAsync(silence.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"The stream was silent for {_idle.TotalSeconds:0} s.");
            }
            if (line is null)
                yield break;
            if (line.Length == 0)
            {
                if (name == "complete")
                    yield break;
                if (name is "next" or "message" && data.Length > 0 && JsonNode.Parse(data.ToString()) is JsonObject payload)
                    yield return payload;
                name = "message";
                data.Clear();
            }
            else if (line[0] == ':')
            {
                continue;
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                    data.Append('\n');
                data.Append(line.AsSpan("data:".Length).TrimStart(' '));
            }
        }
    }

    public void Dispose() => _response?.Dispose();
}

/// <summary>
/// Opens subscriptions on subgraphs: POSTs the subscription document with <c>Accept: text/event-stream</c> and the
/// client's forwarded headers. Only the wait for the response headers is bounded by the subgraph timeout; the
/// stream itself lasts until the subgraph ends it or the caller cancels.
/// </summary>
public sealed class SubgraphEventClient(HttpClient http, IOptions<GatewayOptions> options)
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.SubgraphTimeoutSeconds);
    private readonly TimeSpan _idle = TimeSpan.FromSeconds(options.Value.SubscriptionIdleSeconds);

    internal async Task<SubgraphEventStream> OpenAsync(SubgraphEndpoint subgraph, Action<Utf8JsonWriter> writeBody, ForwardedHeaders headers, CancellationToken cancellationToken)
    {
        using var request = SubgraphClient.JsonRequest(subgraph, writeBody);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        // A subgraph that refuses before streaming answers in JSON.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json", 0.5));
        SubgraphClient.Forward(request, headers);

        HttpResponseMessage response;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_timeout);
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Refused(GatewayErrorCodes.SubgraphTimeout, $"The {subgraph.Name} service did not answer within {_timeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException)
            {
                return Refused(GatewayErrorCodes.SubgraphUnavailable, $"The {subgraph.Name} service is unavailable.");
            }
        }

        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            return SubgraphEventStream.Streaming(response, _idle);

        using (response)
        {
            JsonNode? node;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_timeout);
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
                node = await JsonNode.ParseAsync(stream, cancellationToken: timeout.Token);
            }
            catch (JsonException)
            {
                node = null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Refused(GatewayErrorCodes.SubgraphTimeout, $"The {subgraph.Name} service did not answer within {_timeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException)
            {
                return Refused(GatewayErrorCodes.SubgraphUnavailable, $"The {subgraph.Name} service is unavailable.");
            }
            if (node is JsonObject answer && answer["errors"] is JsonArray { Count: > 0 } errors)
            {
                answer.Remove("errors");
                return SubgraphEventStream.Refused(new SubgraphResponse(null, errors, null));
            }
            return Refused(GatewayErrorCodes.SubgraphInvalidResponse,
                $"The {subgraph.Name} service answered a subscription with {(int)response.StatusCode} and no event stream.");
        }
    }

    private static SubgraphEventStream Refused(string code, string message) =>
        SubgraphEventStream.Refused(new SubgraphResponse(null, null, new SubgraphFailure(code, message)));
}
