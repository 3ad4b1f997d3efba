using GoShop.BuildingBlocks.Hosting;
using GoShop.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Inbox;

/// <summary>Deletes notifications older than the retention (90 days), with their delivery log, and the daily digests made as long ago.</summary>
public sealed class RetentionSweeper(IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<RetentionSweeper> logger)
    : PeriodicSweeper(clock, logger)
{
    protected override TimeSpan Interval => options.Value.RetentionSweepInterval;

    protected override string Subject => "old notifications";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var deleted = await SweepOnceAsync(cancellationToken);
        if (deleted > 0)
            Logger.LogInformation("Deleted {Count} notifications older than {Retention}", deleted, options.Value.Retention);
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var cutoff = Clock.GetUtcNow() - options.Value.Retention;
        await db.Digests.Where(d => d.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        // The delivery log goes with its notification (ON DELETE CASCADE).
        return await db.Notifications.Where(n => n.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
