using GoShop.Gateway.Supergraph;
using GraphQL;

namespace GoShop.Gateway.Execution;

/// <summary>
/// What makes two subscriptions the same: the supergraph version, the document, the operation, the variables (as
/// JSON) and the token. Subscribers with equal keys receive the same events, resolved with the same rights.
/// </summary>
public sealed record SubscriptionKey(SupergraphSnapshot Supergraph, string Document, string? OperationName, string Variables, string? Authorization);

/// <summary>One upstream subscription's events, resolved into client results.</summary>
public interface ISharedEventSource : IDisposable
{
    /// <summary>Opens the upstream stream; a result with the reason when it was refused, null when it is streaming.</summary>
    Task<ExecutionResult?> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Each upstream event, resolved and written once; ends when the upstream stream ends.</summary>
    IAsyncEnumerable<ExecutionResult> EventsAsync(CancellationToken cancellationToken);
}

/// <summary>An event written once and given to every subscriber of its stream; its JSON is serialized at most once.</summary>
public sealed class SharedExecutionResult : ExecutionResult
{
    private string? _json;

    /// <summary>The whole result as JSON (safe to call from several subscribers at once: all get equal text).</summary>
    public string ToJson(IGraphQLTextSerializer serializer) => _json ??= serializer.Serialize<ExecutionResult>(this);
}

/// <summary>
/// Multicasts subscriptions: identical subscriptions (<see cref="SubscriptionKey"/>) share one upstream stream,
/// whose events are resolved once and handed to every subscriber. The first subscriber opens the upstream; the
/// last one leaving closes it (cancels its request); an upstream that ends completes every subscriber.
/// </summary>
/// <remarks>
/// One lock guards which upstreams are open and who listens to each, so a subscriber joining while the last one
/// leaves either joins the old upstream before it is closed or opens a new one, never one that is closing.
/// Delivering happens outside that lock, to each subscriber's own buffer.
/// </remarks>
public sealed class SubscriptionHub(ILogger<SubscriptionHub> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SubscriptionKey, Upstream> _open = [];

    /// <summary>Upstream streams open now (for tests and metrics).</summary>
    public int OpenStreams
    {
        get
        {
            lock (_gate)
                return _open.Count;
        }
    }

    /// <summary>Subscribers listening to the open upstream streams (for tests and metrics).</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
                return _open.Values.Sum(upstream => upstream.Subscribers.Length);
        }
    }

    /// <summary>
    /// Joins the upstream stream of <paramref name="key"/>, opening it with <paramref name="create"/> when there is
    /// none, and waits until it is streaming. A refusal is answered to every subscriber that waited for it.
    /// </summary>
    /// <param name="replaysLatest">The stream starts with the current state: a subscriber joining it late gets its latest event first.</param>
    public async Task<(Subscriber? Subscriber, ExecutionResult? Refusal)> JoinAsync(
        SubscriptionKey key, Func<ISharedEventSource> create, bool replaysLatest, CancellationToken cancellationToken)
    {
        Upstream upstream;
        Subscriber subscriber;
        var opening = false;
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out upstream!))
            {
                upstream = new Upstream(key, create(), replaysLatest);
                _open[key] = upstream;
                opening = true;
            }
            subscriber = new Subscriber(this, upstream);
            upstream.Subscribers = [.. upstream.Subscribers, subscriber];
            // Under the lock, so the subscriber gets the latest event either here or from the delivery, never both.
            // It has no listener yet: this only queues.
            if (upstream.Latest is { } latest)
                subscriber.Deliver(latest);
        }
        if (opening)
        {
            // The shared stream outlives the request that opened it: it must not carry that request's context
            // (its HttpContext, its trace) into the events it resolves for everyone.
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => RunAsync(upstream), CancellationToken.None);
        }

        ExecutionResult? refusal;
        try
        {
            refusal = await upstream.Opened.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            subscriber.Dispose();
            throw;
        }
        if (refusal is not null)
        {
            subscriber.Dispose();
            return (null, refusal);
        }
        return (subscriber, null);
    }

    private async Task RunAsync(Upstream upstream)
    {
        var token = upstream.Stop.Token;
        try
        {
            var refusal = await upstream.Source.OpenAsync(token);
            if (refusal is not null)
            {
                upstream.Opened.TrySetResult(refusal);
                return;
            }
            upstream.Opened.TrySetResult(null);
            await foreach (var result in upstream.Source.EventsAsync(token))
            {
                Subscriber[] listeners;
                lock (_gate)
                {
                    listeners = upstream.Subscribers;
                    if (upstream.ReplaysLatest)
                        upstream.Latest = result;
                }
                foreach (var listener in listeners)
                    listener.Deliver(result);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The last subscriber left.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "A shared subscription stream failed");
            upstream.Opened.TrySetResult(new ExecutionResult
            {
                Executed = true,
                Errors = [new ExecutionError("The subscription could not be opened.") { Code = GatewayErrorCodes.SubgraphInvalidResponse }],
            });
        }
        finally
        {
            upstream.Opened.TrySetCanceled(CancellationToken.None);
            Subscriber[] left;
            lock (_gate)
            {
                upstream.Closed = true;
                if (_open.TryGetValue(upstream.Key, out var current) && ReferenceEquals(current, upstream))
                    _open.Remove(upstream.Key);
                left = upstream.Subscribers;
            }
            foreach (var listener in left)
                listener.Complete();
            upstream.Source.Dispose();
        }
    }

    private void Leave(Subscriber subscriber, Upstream upstream)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(upstream.Subscribers, subscriber);
            if (index < 0)
                return;
            upstream.Subscribers = [.. upstream.Subscribers.AsSpan(0, index), .. upstream.Subscribers.AsSpan(index + 1)];
            if (upstream.Subscribers.Length > 0 || upstream.Closed)
                return;
            upstream.Closed = true;
            if (_open.TryGetValue(upstream.Key, out var current) && ReferenceEquals(current, upstream))
                _open.Remove(upstream.Key);
        }
        // Outside the lock: cancelling runs the upstream's cancellation callbacks (closing its request).
        upstream.Stop.Cancel();
    }

    internal sealed class Upstream(SubscriptionKey key, ISharedEventSource source, bool replaysLatest)
    {
        public SubscriptionKey Key { get; } = key;

        public bool ReplaysLatest { get; } = replaysLatest;

        /// <summary>The last event, kept for late subscribers when the stream starts with the current state.</summary>
        public ExecutionResult? Latest { get; set; }

        public ISharedEventSource Source { get; } = source;

        public CancellationTokenSource Stop { get; } = new();

        public TaskCompletionSource<ExecutionResult?> Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Replaced, never changed in place (under the hub's lock), so a delivery can walk it without the lock.</summary>
        public Subscriber[] Subscribers { get; set; } = [];

        public bool Closed { get; set; }
    }

    /// <summary>
    /// One client's place on a shared stream. Events that arrive before the client subscribes (between the
    /// operation's execution and its transport starting to listen) wait in a small buffer; disposing leaves.
    /// </summary>
    public sealed class Subscriber : IObservable<ExecutionResult>, IDisposable
    {
        // Matches the SSE writer's own buffer: a subscriber that is not listening yet keeps the newest events.
        private const int Pending = 512;

        private readonly SubscriptionHub _hub;
        private readonly Upstream _upstream;
        private readonly Lock _gate = new();
        private Queue<ExecutionResult>? _pending = new();
        private IObserver<ExecutionResult>? _observer;
        private bool _completed;
        private bool _left;

        internal Subscriber(SubscriptionHub hub, Upstream upstream)
        {
            _hub = hub;
            _upstream = upstream;
        }

        public IDisposable Subscribe(IObserver<ExecutionResult> observer)
        {
            lock (_gate)
            {
                if (_left)
                {
                    observer.OnCompleted();
                    return this;
                }
                if (_observer is not null)
                    throw new InvalidOperationException("A subscription has one listener.");
                _observer = observer;
                // Observers here only queue what they get (the SSE and WebSocket writers): calling them under the
                // lock keeps events in order without blocking the upstream.
                while (_pending!.TryDequeue(out var early))
                    observer.OnNext(early);
                if (_completed)
                    observer.OnCompleted();
            }
            return this;
        }

        internal void Deliver(ExecutionResult result)
        {
            lock (_gate)
            {
                if (_left || _completed)
                    return;
                if (_observer is { } observer)
                {
                    observer.OnNext(result);
                    return;
                }
                if (_pending!.Count == Pending)
                    _pending.Dequeue();
                _pending.Enqueue(result);
            }
        }

        internal void Complete()
        {
            lock (_gate)
            {
                if (_completed)
                    return;
                _completed = true;
                if (!_left)
                    _observer?.OnCompleted();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_left)
                    return;
                _left = true;
                _observer = null;
                _pending = null;
            }
            _hub.Leave(this, _upstream);
        }
    }
}
