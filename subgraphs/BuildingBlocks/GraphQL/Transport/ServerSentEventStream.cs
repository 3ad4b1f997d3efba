using System.Threading.Channels;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>
/// Writes GraphQL results as Server-Sent Events, the "distinct connections" mode of the GraphQL over SSE protocol:
/// one <c>event: next</c> per result, a comment line as keep-alive while idle, and <c>event: complete</c> at the
/// end. The stream ends when the source completes, the client goes away, or the application stops (so shutdown
/// never waits on open subscriptions).
/// </summary>
internal sealed class ServerSentEventStream(HttpContext http, IGraphQLTextSerializer serializer, TimeSpan keepAlive, ILogger logger)
{
    // A subscriber that reads slower than events arrive loses the oldest ones rather than growing memory without bound.
    private const int Buffer = 512;

    public static void PrepareResponse(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    public async Task WriteSingleAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        PrepareResponse(http.Response);
        await WriteNextAsync(result, cancellationToken);
        await WriteCompleteAsync(cancellationToken);
    }

    public async Task StreamAsync(IObservable<ExecutionResult> source, CancellationToken stopping)
    {
        var events = Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(Buffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var token = cancellation.Token;

        // Subscribe before the response starts: once a client sees the headers, no event can slip past it.
        using var subscription = source.Subscribe(new ChannelObserver(events.Writer, logger));
        PrepareResponse(http.Response);
        await http.Response.StartAsync(token);
        await http.Response.Body.FlushAsync(token);

        try
        {
            while (true)
            {
                using var idle = new CancellationTokenSource(keepAlive);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token, idle.Token);
                bool more;
                try
                {
                    more = await events.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    await WriteRawAsync(":\n\n", token);
                    continue;
                }
                if (!more)
                    break;
                while (events.Reader.TryRead(out var result))
                    await WriteNextAsync(result, token);
            }
            await WriteCompleteAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client left or the application is stopping. Tell a still-connected client the stream is over.
            if (!http.RequestAborted.IsCancellationRequested)
            {
                try
                {
                    await WriteCompleteAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
                {
                    logger.LogDebug(ex, "Could not send the final complete event");
                }
            }
        }
    }

    private async Task WriteNextAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        var json = serializer.Serialize(result);
        await WriteRawAsync("event: next\ndata: " + json + "\n\n", cancellationToken);
    }

    private Task WriteCompleteAsync(CancellationToken cancellationToken) =>
        WriteRawAsync("event: complete\ndata:\n\n", cancellationToken);

    private async Task WriteRawAsync(string text, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync(text, cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
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
