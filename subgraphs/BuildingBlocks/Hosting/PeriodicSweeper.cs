using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.Hosting;

/// <summary>
/// The clock's part of a domain: <see cref="TickAsync"/> once per <see cref="Interval"/> on the injected clock (tests
/// move a fake one). A tick that fails is logged and the next one tries again; an interval of zero or less turns the
/// sweeper off. Subclasses claim their rows with <c>SKIP LOCKED</c>, so several instances share the work.
/// </summary>
public abstract class PeriodicSweeper(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    /// <summary>How often to sweep; zero or less: never.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is swept, for the log line of a failed tick ("orders", "expired reservations").</summary>
    protected abstract string Subject { get; }

    /// <summary>One tick: does what is due now and logs what it did.</summary>
    protected abstract Task TickAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "Sweeping {Subject} failed; trying again at the next tick", Subject);
            }
        }
    }
}
