using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Benchmarks;

/// <summary>
/// Many subscribers of one buyer's order updates, each on its own WebSocket to the gateway, recording when each
/// status change reached each of them.
/// </summary>
public sealed class FanOut(Uri gateway, string token, TextWriter log) : IAsyncDisposable
{
    private const string Subscription = "subscription { myOrderUpdates { to at order { id } } }";

    private readonly List<GraphQLWebSocket> _sockets = [];
    private readonly List<Task> _readers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<(string OrderId, string To), ConcurrentBag<double>> _latencies = new();
    private int _failures;

    /// <summary>How one status change reached the subscribers: latencies in milliseconds from its timestamp.</summary>
    public sealed record Delivery(int Received, double P50, double P95, double P99, double Max);

    public async Task ConnectAsync(int subscribers)
    {
        var url = new UriBuilder(gateway) { Scheme = gateway.Scheme == "https" ? "wss" : "ws" }.Uri;
        var started = DateTime.UtcNow;
        for (var batch = 0; batch < subscribers; batch += 50)
        {
            var sockets = await Task.WhenAll(Enumerable.Range(batch, Math.Min(50, subscribers - batch)).Select(async i =>
            {
                var socket = await GraphQLWebSocket.ConnectAsync(url, token, _stop.Token);
                await socket.SubscribeAsync("updates", Subscription, null, _stop.Token);
                return socket;
            }));
            foreach (var socket in sockets)
            {
                _sockets.Add(socket);
                _readers.Add(Task.Run(() => ReadAsync(socket)));
            }
        }
        // A subscription is live once the gateway's upstream subscription is: give the last ones a moment.
        await Task.Delay(TimeSpan.FromSeconds(2));
        log.WriteLine($"  fan-out: {subscribers} subscribers connected in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
    }

    private async Task ReadAsync(GraphQLWebSocket socket)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var message = await socket.ReceiveAsync(_stop.Token);
                var received = DateTimeOffset.UtcNow;
                if (message.GetProperty("type").GetString() != "next")
                {
                    Interlocked.Increment(ref _failures);
                    log.WriteLine("  fan-out: unexpected message " + message.GetRawText());
                    continue;
                }
                var update = message.GetProperty("payload").GetProperty("data").GetProperty("myOrderUpdates");
                var at = DateTimeOffset.Parse(update.GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
                var key = (update.GetProperty("order").GetProperty("id").GetString()!, update.GetProperty("to").GetString()!);
                _latencies.GetOrAdd(key, _ => []).Add((received - at).TotalMilliseconds);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            if (!_stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failures);
                log.WriteLine("  fan-out: a subscriber's socket failed: " + ex.Message);
            }
        }
    }

    /// <summary>Waits until every subscriber has the change (or 15 s have passed) and answers how it spread.</summary>
    public async Task<Delivery> AwaitAsync(string orderId, string to, CancellationToken cancellationToken)
    {
        var bag = _latencies.GetOrAdd((orderId, to), _ => []);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (bag.Count < _sockets.Count && DateTime.UtcNow < deadline)
            await Task.Delay(20, cancellationToken);
        await Task.Delay(50, cancellationToken);
        var sorted = bag.Order().ToArray();
        return new Delivery(sorted.Length, Statistics.Percentile(sorted, 50), Statistics.Percentile(sorted, 95), Statistics.Percentile(sorted, 99),
            sorted.Length == 0 ? 0 : sorted[^1]);
    }

    public int Failures => _failures;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var socket in _sockets)
            await socket.DisposeAsync();
        _stop.Dispose();
    }
}
