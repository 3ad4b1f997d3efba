using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace GoShop.Testing;

/// <summary>A graphql-transport-ws client, as a browser or a mobile app subscribes through the gateway.</summary>
public sealed class GraphQLWebSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private GraphQLWebSocket()
    {
        _socket.Options.AddSubProtocol("graphql-transport-ws");
    }

    /// <summary>Connects and initialises the connection (the token travels in connectionParams); answers once acknowledged.</summary>
    public static async Task<GraphQLWebSocket> ConnectAsync(Uri url, string? accessToken, CancellationToken cancellationToken)
    {
        var client = new GraphQLWebSocket();
        await client._socket.ConnectAsync(url, cancellationToken);
        object payload = accessToken is null ? new { } : new { Authorization = "Bearer " + accessToken };
        await client.SendAsync(new { type = "connection_init", payload }, cancellationToken);
        var ack = await client.ReceiveAsync(cancellationToken);
        if (ack.GetProperty("type").GetString() != "connection_ack")
            throw new InvalidOperationException($"The server did not acknowledge the connection: {ack}");
        return client;
    }

    public Task SubscribeAsync(string id, string query, object? variables, CancellationToken cancellationToken) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } }, cancellationToken);

    public Task CompleteAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(new { id, type = "complete" }, cancellationToken);

    public Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The next message that is news (pings and pongs are the protocol's keep-alive, skipped).</summary>
    public async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    throw new WebSocketException($"The server closed the socket: {result.CloseStatus} {result.CloseStatusDescription}");
                received.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            var message = JsonDocument.Parse(Encoding.UTF8.GetString(received.ToArray())).RootElement.Clone();
            if (message.GetProperty("type").GetString() is "ping" or "pong")
                continue;
            return message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
