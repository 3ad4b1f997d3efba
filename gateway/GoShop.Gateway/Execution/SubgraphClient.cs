using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoShop.Gateway.Hosting;
using GoShop.Gateway.Supergraph;
using Microsoft.Extensions.Options;

namespace GoShop.Gateway.Execution;

/// <summary>What a subgraph answered, or why it did not.</summary>
public sealed record SubgraphResponse(JsonObject? Data, JsonArray? Errors, SubgraphFailure? Failure);

/// <summary>A subgraph that could not be asked, did not answer in time or answered something that is not GraphQL.</summary>
public sealed record SubgraphFailure(string Code, string Message);

/// <summary>The client's request headers a subgraph sees (nothing else is forwarded).</summary>
/// <remarks>The trace context (traceparent) travels by itself: HttpClient propagates the request's activity.</remarks>
public sealed record ForwardedHeaders(string? Authorization, string? ForwardedFor, string? RequestId, string? UserAgent, string? Preflight);

/// <summary>
/// Posts GraphQL documents to subgraphs over pooled HTTP/1.1 connections, with the client's forwarded headers and a
/// per-subgraph timeout; reads the answer into a mutable JSON tree the executor merges into.
/// </summary>
public sealed class SubgraphClient(HttpClient http, IOptions<GatewayOptions> options, GatewayTelemetry telemetry)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue[] Accept =
    [
        new("application/graphql-response+json"),
        new("application/json", 0.9),
    ];

    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.SubgraphTimeoutSeconds);

    public Task<SubgraphResponse> PostAsync(SubgraphEndpoint subgraph, Action<Utf8JsonWriter> writeBody, ForwardedHeaders headers, CancellationToken cancellationToken) =>
        PostAsync(subgraph, writeBody, [], headers, cancellationToken);

    /// <summary>
    /// Posts a document whose variables hold the client's files: as a GraphQL multipart request (operations with
    /// nulls where the files go, the map, then each file streamed from the client's request) when there are any.
    /// </summary>
    public async Task<SubgraphResponse> PostAsync(
        SubgraphEndpoint subgraph, Action<Utf8JsonWriter> writeBody, IReadOnlyList<UploadedFile> files, ForwardedHeaders headers, CancellationToken cancellationToken)
    {
        var activity = GatewayTelemetry.StartFetch(subgraph.Name);
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        SubgraphResponse? answer = null;
        try
        {
            answer = await SendAsync(subgraph, writeBody, files, headers, cancellationToken);
            return answer;
        }
        finally
        {
            // A cancelled client request is nobody's failure: it is counted under its own outcome.
            telemetry.FetchEnded(activity, subgraph.Name, startedAt, answer is null ? "CANCELLED" : answer.Failure?.Code);
        }
    }

    private async Task<SubgraphResponse> SendAsync(
        SubgraphEndpoint subgraph, Action<Utf8JsonWriter> writeBody, IReadOnlyList<UploadedFile> files, ForwardedHeaders headers, CancellationToken cancellationToken)
    {
        using var request = JsonRequest(subgraph, writeBody);
        if (files.Count > 0)
            request.Content = Multipart(request.Content!, files);
        foreach (var accept in Accept)
            request.Headers.Accept.Add(accept);
        Forward(request, headers);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            JsonNode? node;
            try
            {
                node = await JsonNode.ParseAsync(stream, cancellationToken: timeout.Token);
            }
            catch (JsonException)
            {
                return Failed(subgraph, GatewayErrorCodes.SubgraphInvalidResponse, $"The {subgraph.Name} service answered {(int)response.StatusCode} with a body that is not JSON.");
            }
            if (node is not JsonObject answer || (answer["data"] is not (JsonObject or null) && answer["errors"] is null))
                return Failed(subgraph, GatewayErrorCodes.SubgraphInvalidResponse, $"The {subgraph.Name} service answered {(int)response.StatusCode} with JSON that is not a GraphQL response.");
            var data = answer["data"] as JsonObject;
            var errors = answer["errors"] as JsonArray;
            answer.Remove("data");
            answer.Remove("errors");
            if (data is null && errors is null)
                return Failed(subgraph, GatewayErrorCodes.SubgraphInvalidResponse, $"The {subgraph.Name} service answered {(int)response.StatusCode} without data or errors.");
            return new SubgraphResponse(data, errors, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(subgraph, GatewayErrorCodes.SubgraphTimeout, $"The {subgraph.Name} service did not answer within {_timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException)
        {
            return Failed(subgraph, GatewayErrorCodes.SubgraphUnavailable, $"The {subgraph.Name} service is unavailable.");
        }
    }

    private static MultipartFormDataContent Multipart(HttpContent operations, IReadOnlyList<UploadedFile> files)
    {
        var form = new MultipartFormDataContent { { operations, "operations" } };
        var map = new StringContent(JsonSerializer.Serialize(files.Select((f, i) => (Key: i.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Paths)).ToDictionary(e => e.Key, e => e.Paths)));
        map.Headers.ContentType = Json;
        form.Add(map, "map");
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i].File;
            // Streamed from the client's buffered part, never copied into memory here.
            var part = new StreamContent(file.OpenReadStream());
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, i.ToString(System.Globalization.CultureInfo.InvariantCulture), string.IsNullOrEmpty(file.FileName) ? "file" : file.FileName);
        }
        return form;
    }

    /// <summary>A POST of a GraphQL request body to the subgraph, over HTTP/1.1 (pooled keep-alive connections).</summary>
    internal static HttpRequestMessage JsonRequest(SubgraphEndpoint subgraph, Action<Utf8JsonWriter> writeBody)
    {
        var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
            writeBody(writer);
        body.Position = 0;
        var request = new HttpRequestMessage(HttpMethod.Post, subgraph.Url) { Version = HttpVersion.Version11 };
        request.Content = new StreamContent(body);
        request.Content.Headers.ContentType = Json;
        return request;
    }

    internal static void Forward(HttpRequestMessage request, ForwardedHeaders headers)
    {
        if (headers.Authorization is { } authorization)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (headers.ForwardedFor is { } forwardedFor)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        if (headers.RequestId is { } requestId)
            request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        if (headers.UserAgent is { } userAgent)
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (headers.Preflight is { } preflight)
            request.Headers.TryAddWithoutValidation("GraphQL-Preflight", preflight);
    }

    private static SubgraphResponse Failed(SubgraphEndpoint subgraph, string code, string message) =>
        new(null, null, new SubgraphFailure(code, message));
}
