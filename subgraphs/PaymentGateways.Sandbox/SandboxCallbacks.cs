using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>One callback the sandbox sent to our webhook, as a developer would read it in a provider's dashboard.</summary>
public sealed record SandboxDelivery(string Provider, string Method, string Url, int? StatusCode, string? Reply, DateTimeOffset At);

/// <summary>
/// Sends the sandbox's callbacks through the <see cref="HttpClientName"/> client: at once
/// (a pay page's outcome, before redirecting the browser) or queued (events that follow an API call, as a provider
/// sends them after answering). Keeps the last deliveries in memory. No retries: a failed delivery is only logged.
/// </summary>
public sealed class SandboxCallbacks(IHttpClientFactory httpClients, TimeProvider clock, ILogger<SandboxCallbacks> logger)
{
    /// <summary>The named HttpClient the callbacks (webhooks to our own endpoints) go through.</summary>
    public const string HttpClientName = "payment-sandbox-callbacks";

    private const int Kept = 200;
    private readonly ConcurrentQueue<SandboxDelivery> deliveries = new();
    private readonly Channel<(string Provider, Func<HttpRequestMessage> Build)> queue = Channel.CreateUnbounded<(string, Func<HttpRequestMessage>)>();

    public IReadOnlyCollection<SandboxDelivery> Deliveries => deliveries.ToArray();

    internal ChannelReader<(string Provider, Func<HttpRequestMessage> Build)> Queue => queue.Reader;

    public void Enqueue(string provider, Func<HttpRequestMessage> build) => queue.Writer.TryWrite((provider, build));

    public async Task<SandboxDelivery> SendAsync(string provider, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        SandboxDelivery delivery;
        var url = message.RequestUri?.GetLeftPart(UriPartial.Path) ?? "";
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(message, cancellationToken).ConfigureAwait(false);
            var reply = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            delivery = new SandboxDelivery(provider, message.Method.Method, url, (int)response.StatusCode, reply.Length <= 500 ? reply : reply[..500], clock.GetUtcNow());
            logger.LogInformation("Sandbox {Provider} callback to {Url}: {Status}", provider, url, delivery.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            delivery = new SandboxDelivery(provider, message.Method.Method, url, null, e.GetType().Name, clock.GetUtcNow());
            logger.LogWarning("Sandbox {Provider} callback to {Url} failed: {Error}", provider, url, e.Message);
        }
        finally
        {
            message.Dispose();
        }
        deliveries.Enqueue(delivery);
        while (deliveries.Count > Kept && deliveries.TryDequeue(out _))
        {
        }
        return delivery;
    }
}

/// <summary>Delivers the queued sandbox callbacks, one at a time, in order.</summary>
public sealed class SandboxCallbackDispatcher(SandboxCallbacks callbacks) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (provider, build) in callbacks.Queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                await callbacks.SendAsync(provider, build(), stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
