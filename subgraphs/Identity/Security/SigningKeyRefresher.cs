using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoShop.Identity.Security;

/// <summary>
/// Loads the signing keys before the subgraph takes requests, then re-reads them every few minutes so all instances
/// notice a rotation made by any of them.
/// </summary>
public sealed class SigningKeyRefresher(SigningKeyStore store, ILogger<SigningKeyRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not refresh the signing keys; keeping the ones loaded");
            }
        }
    }
}
