using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GoShop.Gateway.Execution;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace GoShop.Gateway.Transport;

/// <summary>
/// GraphQL over WebSocket, the graphql-transport-ws protocol (github.com/enisdenjo/graphql-ws, PROTOCOL.md), on the
/// same path as GraphQL over HTTP. A connection starts with <c>connection_init</c> (its payload's Authorization, or
/// token, stands for the Authorization header of the socket's operations) and is acknowledged; then each
/// <c>subscribe</c> runs like a request to the HTTP endpoint: a subscription streams <c>next</c> messages, a query
/// or a mutation answers one, and <c>complete</c> ends it from either side.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    IOptions<GatewayOptions> gatewayOptions,
    IOptions<GraphQLHttpOptions> httpOptions,
    IHostApplicationLifetime lifetime,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly IDocumentExecuter<ISchema> _executer = executer;
    private readonly IGraphQLTextSerializer _serializer = serializer;
    private readonly TimeSpan _initTimeout = TimeSpan.FromSeconds(gatewayOptions.Value.WebSocketInitTimeoutSeconds);
    private readonly long _maxMessageBytes = httpOptions.Value.MaxRequestBytes;
    private readonly CancellationToken _stopping = lifetime.ApplicationStopping;
    private readonly ILogger _logger = logger;

    public async Task HandleAsync(HttpContext http)
    {
        var protocolSpoken = http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(protocolSpoken ? SubProtocol : null);
        using var connection = new Connection(this, http, socket);
        if (!protocolSpoken)
        {
            await connection.CloseAsync(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            return;
        }
        await connection.RunAsync();
    }

    /// <summary>The protocol's close codes (besides the WebSocket standard ones).</summary>
    private static class CloseCodes
    {
        public const int BadRequest = 4400;
        public const int Unauthorized = 4401;
        public const int SubprotocolNotAcceptable = 4406;
        public const int InitialisationTimeout = 4408;
        public const int SubscriberExists = 4409;
        public const int TooManyInitialisations = 4429;
    }

    private sealed class Connection(GraphQLWebSocketEndpoint endpoint, HttpContext http, WebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);
        // Reading lasts until the client's close frame (or its going away); after our close it waits a moment for it.
        private readonly CancellationTokenSource _reading = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, endpoint._stopping);
        // Operations and sending stop as soon as either side closes.
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, endpoint._stopping);
        private readonly Lock _gate = new();
        private readonly Dictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
        // Every operation still running, also one the client completed that is still winding down.
        private readonly HashSet<Task> _running = [];
        private volatile bool _initialised;
        private volatile bool _acknowledged;
        private volatile bool _closed;
        private string? _authorization;

        public async Task RunAsync()
        {
            var initialisation = CloseUnlessInitialisedAsync(endpoint._initTimeout);
            try
            {
                while (await ReceiveAsync(_reading.Token) is { } message)
                {
                    if (!_closed)
                        await HandleAsync(message);
                    else
                        message.Dispose();
                }
            }
            catch (OperationCanceledException) when (_reading.IsCancellationRequested)
            {
                // The client went away, did not answer our close in time, or the application is stopping.
            }
            catch (WebSocketException exception)
            {
                endpoint._logger.LogDebug(exception, "A GraphQL WebSocket connection broke");
            }
            finally
            {
                await _closing.CancelAsync();
                Task[] running;
                lock (_gate)
                    running = [.. _running];
                await Task.WhenAll(running);
                await initialisation;
                if (socket.State == WebSocketState.CloseReceived)
                    await CloseAsync((int)WebSocketCloseStatus.NormalClosure, "");
            }
        }

        private async Task CloseUnlessInitialisedAsync(TimeSpan timeout)
        {
            try
            {
                await Task.Delay(timeout, _closing.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (!_initialised)
                await CloseAsync(CloseCodes.InitialisationTimeout, "Connection initialisation timeout");
        }

        /// <summary>The next whole, well-formed text message; null when the client closed the socket.</summary>
        private async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
        {
            var limit = endpoint._maxMessageBytes;
            var buffer = new ArrayBufferWriter<byte>(4096);
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    return null;
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > limit)
                {
                    await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, $"Messages are at most {limit} bytes");
                    buffer.ResetWrittenCount();
                    continue;
                }
                if (!result.EndOfMessage)
                    continue;
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    try
                    {
                        return JsonDocument.Parse(buffer.WrittenMemory);
                    }
                    catch (JsonException)
                    {
                        // Not JSON: closed below, as a binary message is.
                    }
                }
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                buffer.ResetWrittenCount();
            }
        }

        private async Task HandleAsync(JsonDocument document)
        {
            using (document)
            {
                var message = document.RootElement;
                var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()
                    : null;
                switch (type)
                {
                    case "connection_init":
                        await InitialiseAsync(message);
                        break;
                    case "ping":
                        await SendAsync(writer => writer.WriteString("type", "pong"));
                        break;
                    case "pong":
                        break;
                    case "subscribe":
                        await SubscribeAsync(message);
                        break;
                    case "complete" when Id(message) is { } id:
                        Cancel(id);
                        break;
                    default:
                        await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                        break;
                }
            }
        }

        private async Task InitialiseAsync(JsonElement message)
        {
            if (_initialised)
            {
                await CloseAsync(CloseCodes.TooManyInitialisations, "Too many initialisation requests");
                return;
            }
            _initialised = true;
            if (message.TryGetProperty("payload", out var payload) && payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                return;
            }
            if (payload.ValueKind == JsonValueKind.Object)
            {
                // As Hive Gateway reads connectionParams: an Authorization value (any case), else a bare token.
                foreach (var parameter in payload.EnumerateObject())
                {
                    if (parameter.Value.ValueKind != JsonValueKind.String)
                        continue;
                    if (parameter.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
                        _authorization = parameter.Value.GetString();
                    else if (parameter.Name == "token" && _authorization is null)
                        _authorization = "Bearer " + parameter.Value.GetString();
                }
            }
            _acknowledged = true;
            await SendAsync(writer => writer.WriteString("type", "connection_ack"));
        }

        private async Task SubscribeAsync(JsonElement message)
        {
            if (!_acknowledged)
            {
                await CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
                return;
            }
            var id = Id(message);
            GraphQLRequest? request = null;
            if (id is not null && message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String)
            {
                try
                {
                    request = endpoint._serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
                }
                catch (JsonException)
                {
                    request = null;
                }
            }
            if (id is null || request is null)
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                return;
            }

            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            lock (_gate)
            {
                if (!_operations.ContainsKey(id))
                {
                    _operations[id] = cancel;
                    var running = RunOperationAsync(id, request, cancel);
                    _running.Add(running);
                    _ = running.ContinueWith(done =>
                    {
                        lock (_gate)
                            _running.Remove(done);
                    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return;
                }
            }
            cancel.Dispose();
            await CloseAsync(CloseCodes.SubscriberExists, $"Subscriber for {id} already exists");
        }

        private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancel)
        {
            // Off the receiving loop (and out of the lock it is started under) before anything else.
            await Task.Yield();
            var token = cancel.Token;
            try
            {
                var execution = GraphQLHttpEndpoint.ExecutionOptionsFor(http, request, token);
                if (_authorization is not null)
                    execution.UserContext[RequestHeaders.ConnectionAuthorization] = _authorization;
                var result = await endpoint._executer.ExecuteAsync(execution);
                if (!result.Executed)
                {
                    if (Forget(id, cancel))
                        await SendErrorAsync(id, result);
                    return;
                }
                if (result.Streams is { Count: > 0 } streams)
                {
                    var events = Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(512)
                    {
                        FullMode = BoundedChannelFullMode.DropOldest,
                        SingleReader = true,
                    });
                    using (streams.Values.First().Subscribe(new ChannelObserver(events.Writer, endpoint._logger)))
                    {
                        await foreach (var next in events.Reader.ReadAllAsync(token))
                            await SendNextAsync(id, next);
                    }
                }
                else
                {
                    await SendNextAsync(id, result);
                }
                if (Forget(id, cancel))
                    await SendAsync(writer => { writer.WriteString("id", id); writer.WriteString("type", "complete"); });
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The client completed it, or the connection is closing.
            }
            catch (WebSocketException exception)
            {
                endpoint._logger.LogDebug(exception, "Could not send to a GraphQL WebSocket client");
            }
            catch (Exception exception)
            {
                endpoint._logger.LogError(exception, "A GraphQL WebSocket operation failed");
            }
            finally
            {
                Forget(id, cancel);
                cancel.Dispose();
            }
        }

        /// <summary>Takes the operation out of the table; false when it was gone already (the client completed it).</summary>
        private bool Forget(string id, CancellationTokenSource cancel)
        {
            lock (_gate)
            {
                if (_operations.TryGetValue(id, out var operation) && ReferenceEquals(operation, cancel))
                {
                    _operations.Remove(id);
                    return true;
                }
                return false;
            }
        }

        private void Cancel(string id)
        {
            CancellationTokenSource? cancel = null;
            lock (_gate)
            {
                _operations.Remove(id, out cancel);
            }
            try
            {
                cancel?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended by itself meanwhile.
            }
        }

        private Task SendNextAsync(string id, ExecutionResult result)
        {
            var json = result is SharedExecutionResult shared ? shared.ToJson(endpoint._serializer) : endpoint._serializer.Serialize(result);
            return SendAsync(writer =>
            {
                writer.WriteString("id", id);
                writer.WriteString("type", "next");
                writer.WritePropertyName("payload");
                writer.WriteRawValue(json, skipInputValidation: true);
            });
        }

        private Task SendErrorAsync(string id, ExecutionResult result)
        {
            using var written = JsonDocument.Parse(endpoint._serializer.Serialize(new ExecutionResult { Errors = result.Errors }));
            var errors = written.RootElement.TryGetProperty("errors", out var list) ? list.GetRawText() : "[]";
            return SendAsync(writer =>
            {
                writer.WriteString("id", id);
                writer.WriteString("type", "error");
                writer.WritePropertyName("payload");
                writer.WriteRawValue(errors, skipInputValidation: true);
            });
        }

        private async Task SendAsync(Action<Utf8JsonWriter> writeFields)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                writer.WriteStartObject();
                writeFields(writer);
                writer.WriteEndObject();
            }
            await _sending.WaitAsync(_closing.Token);
            try
            {
                if (!_closed && socket.State == WebSocketState.Open)
                    await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
            }
            finally
            {
                _sending.Release();
            }
        }

        /// <summary>Closes the socket with a protocol code and stops everything on it.</summary>
        public async Task CloseAsync(int code, string reason)
        {
            await _sending.WaitAsync(CancellationToken.None);
            try
            {
                if (!_closed && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    _closed = true;
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
            {
                endpoint._logger.LogDebug(exception, "Could not close a GraphQL WebSocket connection");
            }
            finally
            {
                _closed = true;
                _sending.Release();
            }
            try
            {
                await _closing.CancelAsync();
                _reading.CancelAfter(TimeSpan.FromSeconds(5));
            }
            catch (ObjectDisposedException)
            {
                // The connection ended meanwhile.
            }
        }

        public void Dispose()
        {
            _sending.Dispose();
            _reading.Dispose();
            _closing.Dispose();
        }

        private static string? Id(JsonElement message) =>
            message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text ? text : null;
    }

    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> writer, ILogger logger) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnError(Exception error)
        {
            logger.LogError(error, "A subscription source stream failed");
            writer.TryComplete();
        }

        public void OnCompleted() => writer.TryComplete();
    }
}
