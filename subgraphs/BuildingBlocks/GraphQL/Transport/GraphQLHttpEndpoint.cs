using System.Text.Json;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP for graphql-dotnet (the GraphQL.Server packages are not available to us):
/// <list type="bullet">
/// <item>POST with <c>application/json</c> (one operation, or a JSON array of them), GET with query parameters
/// (queries, and subscriptions when streamed);</item>
/// <item>POST with <c>multipart/form-data</c> carrying files (GraphQL multipart request spec, see
/// <see cref="MultipartRequestReader"/>), when the schema has the <c>Upload</c> scalar;</item>
/// <item>answers <c>application/graphql-response+json</c> (400 when the operation could not run) or legacy
/// <c>application/json</c> (always 200 for a well-formed request), chosen from the Accept header;</item>
/// <item><c>Accept: text/event-stream</c> streams the result as Server-Sent Events; subscriptions need it.</item>
/// </list>
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    ISchema schema,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLHttpOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<GraphQLHttpEndpoint> logger)
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string ApplicationJson = "application/json";
    private const string EventStream = "text/event-stream";

    private readonly GraphQLHttpOptions _options = options.Value;

    // Only a schema that declares the Upload scalar has any use for a multipart body; the others refuse it outright.
    // Any scalar of that name: the gateway declares it as a pass-through scalar and forwards the files.
    private readonly Lazy<bool> _takesUploads = new(() => schema.AllTypes[UploadGraphType.TypeName] is ScalarGraphType);

    private enum Answer
    {
        GraphQLResponse,
        Json,
        EventStream,
    }

    public async Task HandleAsync(HttpContext http)
    {
        var answer = Negotiate(http.Request);
        if (answer is null)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status406NotAcceptable, Answer.Json,
                $"This endpoint answers {GraphQLResponseJson}, {ApplicationJson} or {EventStream}.");
            return;
        }

        IReadOnlyList<GraphQLRequest> requests;
        bool batched;
        bool viaGet = HttpMethods.IsGet(http.Request.Method);
        try
        {
            (requests, batched) = viaGet ? (ReadQueryString(http.Request), false) : await ReadBodyAsync(http);
        }
        catch (RequestRejected rejected)
        {
            if (rejected.Status == StatusCodes.Status405MethodNotAllowed)
                http.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(http, rejected.Status, answer.Value, rejected.Message);
            return;
        }

        if (answer == Answer.EventStream)
        {
            if (batched)
            {
                await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, Answer.Json, "Batched requests cannot be streamed.");
                return;
            }
            await StreamAsync(http, requests[0], viaGet);
            return;
        }

        var results = new List<ExecutionResult>(requests.Count);
        foreach (var request in requests)
        {
            var result = await ExecuteAsync(http, request, viaGet, streaming: false, http.RequestAborted);
            if (result.Streams is not null)
            {
                result = ErrorResult(StatusCodes.Status400BadRequest,
                    $"Subscriptions are delivered as Server-Sent Events: send Accept: {EventStream}.");
            }
            results.Add(result);
        }

        http.Response.ContentType = (answer == Answer.GraphQLResponse ? GraphQLResponseJson : ApplicationJson) + "; charset=utf-8";
        if (batched)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            await serializer.WriteAsync(http.Response.Body, results, http.RequestAborted);
        }
        else
        {
            SetStatus(http.Response, results[0], answer.Value, viaGet);
            await serializer.WriteAsync(http.Response.Body, results[0], http.RequestAborted);
        }
    }

    private async Task StreamAsync(HttpContext http, GraphQLRequest request, bool viaGet)
    {
        var sse = new ServerSentEventStream(http, serializer, TimeSpan.FromSeconds(_options.KeepAliveSeconds), logger);
        var result = await ExecuteAsync(http, request, viaGet, streaming: true, http.RequestAborted);
        if (!result.Executed)
        {
            // An operation that cannot run is refused before any stream starts (GraphQL over SSE).
            http.Response.ContentType = GraphQLResponseJson + "; charset=utf-8";
            SetStatus(http.Response, result, Answer.GraphQLResponse, viaGet);
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
            return;
        }
        if (result.Streams is { Count: > 0 } streams)
            await sse.StreamAsync(streams.Values.First(), lifetime.ApplicationStopping);
        else
            await sse.WriteSingleAsync(result, http.RequestAborted);
    }

    private Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, bool viaGet, bool streaming, CancellationToken cancellationToken)
    {
        var execution = ExecutionOptionsFor(http, request, cancellationToken);
        if (viaGet)
        {
            var rule = streaming ? SafeOperationsOverGetRule.QueriesAndSubscriptions : SafeOperationsOverGetRule.QueriesOnly;
            execution.ValidationRules = DocumentValidator.CoreRules.Append(rule).ToList();
            execution.CachedDocumentValidationRules = [rule];
        }
        return executer.ExecuteAsync(execution);
    }

    /// <summary>A client's request as GraphQL.NET runs it, on behalf of the HTTP request's caller (also over a WebSocket).</summary>
    internal static ExecutionOptions ExecutionOptionsFor(HttpContext http, GraphQLRequest request, CancellationToken cancellationToken) => new()
    {
        Query = request.Query,
        DocumentId = request.DocumentId,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        RequestServices = http.RequestServices,
        User = http.User,
        CancellationToken = cancellationToken,
    };

    private static void SetStatus(HttpResponse response, ExecutionResult result, Answer answer, bool viaGet)
    {
        response.StatusCode = StatusFor(result, answer, viaGet);
        // A 405 must name what is allowed (RFC 9110): the operation was refused over GET because it must be POSTed.
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            response.Headers.Allow = "POST";
    }

    private static int StatusFor(ExecutionResult result, Answer answer, bool viaGet)
    {
        if (viaGet && result.Errors?.Any(e => e is ValidationError { Number: SafeOperationsOverGetRule.Number }) == true)
            return StatusCodes.Status405MethodNotAllowed;
        if (result.Errors?.FirstOrDefault(e => e.Data["Status"] is int) is { } transport)
            return (int)transport.Data["Status"]!;
        // application/graphql-response+json: a request that never reached execution is the client's fault.
        return answer == Answer.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }

    private static Answer? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var mediaTypes))
            return Answer.Json;
        // The most preferred type we can produce; among equals a stream first (it is only ever asked for on
        // purpose), then application/graphql-response+json.
        return mediaTypes
            .Select(m => (Answer: ToAnswer(m.MediaType.Value), Quality: m.Quality ?? 1))
            .Where(c => c.Answer is not null && c.Quality > 0)
            .OrderByDescending(c => c.Quality)
            .ThenBy(c => c.Answer switch { Answer.EventStream => 0, Answer.GraphQLResponse => 1, _ => 2 })
            .Select(c => c.Answer)
            .FirstOrDefault();

        static Answer? ToAnswer(string? mediaType) => mediaType?.ToLowerInvariant() switch
        {
            GraphQLResponseJson => Answer.GraphQLResponse,
            ApplicationJson => Answer.Json,
            EventStream => Answer.EventStream,
            "application/*" or "*/*" => Answer.GraphQLResponse,
            _ => null,
        };
    }

    private IReadOnlyList<GraphQLRequest> ReadQueryString(HttpRequest request)
    {
        // Kestrel refuses request lines over 8 KB by itself; this holds behind hosts and proxies that allow longer ones.
        if (request.QueryString.Value?.Length > _options.MaxRequestBytes)
            throw new RequestRejected(StatusCodes.Status414UriTooLong, $"The query string is longer than {_options.MaxRequestBytes} bytes: POST the operation.");
        var query = request.Query;
        if (string.IsNullOrWhiteSpace(query["query"]) && string.IsNullOrWhiteSpace(query["documentId"]))
            throw new RequestRejected(StatusCodes.Status400BadRequest, "The 'query' parameter is missing.");
        return
        [
            new GraphQLRequest
            {
                Query = query["query"].ToString() is { Length: > 0 } text ? text : null,
                DocumentId = query["documentId"].ToString() is { Length: > 0 } id ? id : null,
                OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = ParseJsonParameter<Inputs>(query["variables"], "variables"),
                Extensions = ParseJsonParameter<Inputs>(query["extensions"], "extensions"),
            },
        ];
    }

    private T? ParseJsonParameter<T>(string? json, string name)
    {
        if (string.IsNullOrWhiteSpace(json))
            return default;
        try
        {
            return serializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            throw new RequestRejected(StatusCodes.Status400BadRequest, $"The '{name}' parameter is not valid JSON.");
        }
    }

    private async Task<(IReadOnlyList<GraphQLRequest>, bool)> ReadBodyAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method))
            throw new RequestRejected(StatusCodes.Status405MethodNotAllowed, "Use GET or POST.");
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
            throw UnsupportedMediaType();
        if (_takesUploads.Value && string.Equals(contentType.MediaType.Value, MultipartRequestReader.MediaType, StringComparison.OrdinalIgnoreCase))
            return Checked(await new MultipartRequestReader(serializer, _options).ReadAsync(http, contentType));
        if (!string.Equals(contentType.MediaType.Value, ApplicationJson, StringComparison.OrdinalIgnoreCase))
            throw UnsupportedMediaType();
        if (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
            throw new RequestRejected(StatusCodes.Status415UnsupportedMediaType, "Only UTF-8 request bodies are accepted.");
        if (request.ContentLength > _options.MaxRequestBytes)
            throw TooLarge();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = _options.MaxRequestBytes;

        IList<GraphQLRequest>? requests;
        try
        {
            requests = await serializer.ReadAsync<IList<GraphQLRequest>>(request.Body, http.RequestAborted);
        }
        catch (JsonException)
        {
            throw new RequestRejected(StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL request in JSON.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        if (requests is null || requests.Count == 0)
            throw new RequestRejected(StatusCodes.Status400BadRequest, "The request body holds no operation.");
        return Checked(requests);
    }

    private (IReadOnlyList<GraphQLRequest>, bool) Checked(IList<GraphQLRequest> requests)
    {
        // A single operation deserializes into an array, a batch into a list.
        var batched = requests is not GraphQLRequest[];
        if (requests.Count > _options.MaxBatchSize)
            throw new RequestRejected(StatusCodes.Status400BadRequest, $"A batch may hold at most {_options.MaxBatchSize} operations.");
        if (requests.Any(r => string.IsNullOrWhiteSpace(r.Query) && string.IsNullOrWhiteSpace(r.DocumentId)))
            throw new RequestRejected(StatusCodes.Status400BadRequest, "Every operation needs a 'query'.");
        return (requests.ToList(), batched);
    }

    private RequestRejected UnsupportedMediaType() => new(StatusCodes.Status415UnsupportedMediaType, _takesUploads.Value
        ? $"Send the operation as {ApplicationJson}, or as {MultipartRequestReader.MediaType} with files (GraphQL multipart request spec)."
        : $"Send the operation as {ApplicationJson}.");

    private RequestRejected TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {_options.MaxRequestBytes} bytes.");

    private async Task WriteRequestErrorAsync(HttpContext http, int status, Answer answer, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = (answer == Answer.Json ? ApplicationJson : GraphQLResponseJson) + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, ErrorResult(status, message), http.RequestAborted);
    }

    private static ExecutionResult ErrorResult(int status, string message)
    {
        var error = new ExecutionError(message) { Code = "BAD_REQUEST" };
        error.Data["Status"] = status;
        return new ExecutionResult { Errors = [error] };
    }
}
