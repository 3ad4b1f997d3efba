using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Shipping.Tests.Support;

/// <summary>A subscription over Server-Sent Events, read one event at a time across the steps of a test.</summary>
public sealed class TrackingStream : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _timeout = new(Patience * 6);
    private IAsyncEnumerator<ServerSentEvent>? _events;
    private Task<bool>? _pending;

    private TrackingStream(HttpResponseMessage response) => _response = response;

    public static async Task<TrackingStream> OpenAsync(ShippingApp app, string? accessToken, string query, object? variables = null) =>
        new(await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(), query, accessToken, variables));

    /// <summary>The data of the next event (failing on errors).</summary>
    public async Task<JsonElement> NextAsync(string field)
    {
        var next = await NextEventAsync();
        var root = JsonDocument.Parse(next.Data).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), "Unexpected errors: " + next.Data);
        return root.GetProperty("data").GetProperty(field).Clone();
    }

    /// <summary>The code of the error a refused subscription answers with before it completes.</summary>
    public async Task<string?> RefusalAsync()
    {
        var next = await NextEventAsync();
        Assert.Equal("next", next.Event);
        var code = JsonDocument.Parse(next.Data).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
        Assert.Equal("complete", (await NextEventAsync()).Event);
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _timeout.CancelAsync();
        if (_pending is not null)
            await Task.WhenAny(_pending);
        if (_events is not null)
        {
            try
            {
                await _events.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
            }
        }
        _response.Dispose();
        _timeout.Dispose();
    }

    private async Task<ServerSentEvent> NextEventAsync()
    {
        _events ??= ServerSentEvents.ReadAsync(_response, _timeout.Token).GetAsyncEnumerator(_timeout.Token);
        // A read that timed out is still under way: the next call waits for it rather than reading twice at once.
        _pending ??= _events.MoveNextAsync().AsTask();
        if (await Task.WhenAny(_pending, Task.Delay(Patience)) != _pending)
            throw new TimeoutException("No event arrived on the stream.");
        var more = await _pending;
        _pending = null;
        Assert.True(more, "The stream ended.");
        return _events.Current;
    }
}
