using System.Threading.Channels;

namespace GoShop.BuildingBlocks.Tests.Hosting;

/// <summary>An observer that keeps what it is told, for tests to await one item at a time.</summary>
public sealed class RecordingObserver<T> : IObserver<T>
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();

    public bool Completed { get; private set; }

    public void OnNext(T value) => _items.Writer.TryWrite(value);

    public void OnError(Exception error) => _items.Writer.TryComplete(error);

    public void OnCompleted()
    {
        Completed = true;
        _items.Writer.TryComplete();
    }

    public async Task<T> NextAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        return await _items.Reader.ReadAsync(cancellation.Token);
    }

    /// <summary>Whatever arrived so far, without waiting.</summary>
    public List<T> Received()
    {
        var items = new List<T>();
        while (_items.Reader.TryRead(out var item))
            items.Add(item);
        return items;
    }
}
