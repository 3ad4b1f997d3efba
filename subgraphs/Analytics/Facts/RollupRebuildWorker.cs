using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Facts;

/// <summary>
/// Runs queued rebuilds (<see cref="RollupRebuildJob"/>) one at a time: claims the oldest with <c>SKIP LOCKED</c>, marks
/// it running under an advisory lock its session holds until the end (so an instance that dies leaves a lock free and
/// <see cref="RollupRebuildJobs"/> can tell), rebuilds in one transaction that also marks it succeeded, or marks it
/// failed with the reason. Polls every <see cref="Poll"/> for jobs queued on other instances; a job queued here wakes it.
/// </summary>
public sealed class RollupRebuildWorker(IServiceScopeFactory scopes, RollupRebuildSignal signal, TimeProvider clock, ILogger<RollupRebuildWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Looking for a queued rollup rebuild failed; trying again at the next poll");
            }
            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs the oldest queued job, if any; answers whether there was one.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        // One connection for the whole job: the advisory lock that says "running" lives as long as this session.
        await db.Database.OpenConnectionAsync(stoppingToken);
        RollupRebuildJob? job;
        await using (var claim = await db.Database.BeginTransactionAsync(stoppingToken))
        {
            job = await db.RollupRebuildJobs
                .FromSql($"SELECT * FROM rollup_rebuild_jobs WHERE state = 'Queued' ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .SingleOrDefaultAsync(stoppingToken);
            if (job is null)
                return false;
            await LockRunningAsync(db, job.Id, stoppingToken);
            job.Start(clock.GetUtcNow());
            await db.SaveChangesAsync(stoppingToken);
            await claim.CommitAsync(stoppingToken);
        }
        try
        {
            var from = job.From ?? DateOnly.MinValue;
            var to = job.To ?? DateOnly.MaxValue.AddDays(-1);
            logger.LogInformation("Rebuilding the rollups of {From} to {To} (job {Job})", from, to, job.Id);
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
            var written = await scope.ServiceProvider.GetRequiredService<RollupMaintainer>().RebuildAsync(from, to, stoppingToken);
            job.Succeed(written, clock.GetUtcNow());
            await db.SaveChangesAsync(stoppingToken);
            await transaction.CommitAsync(stoppingToken);
            logger.LogInformation("Rebuilt {Rows} rollup rows (job {Job})", written, job.Id);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Rebuilding the rollups failed (job {Job})", job.Id);
            var reason = ex is OperationCanceledException && stoppingToken.IsCancellationRequested
                ? "Interrupted: the service stopped before it finished; none of it was kept."
                : $"Failed: {ex.GetType().Name}: {ex.Message}";
            db.ChangeTracker.Clear();
            var failed = await db.RollupRebuildJobs.SingleAsync(j => j.Id == job.Id, CancellationToken.None);
            failed.Fail(reason.Length > 2000 ? reason[..2000] : reason, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            if (ex is OperationCanceledException && stoppingToken.IsCancellationRequested)
                throw;
        }
        finally
        {
            await UnlockRunningAsync(db, job.Id);
            await db.Database.CloseConnectionAsync();
        }
        return true;
    }

    private static Task LockRunningAsync(AnalyticsDbContext db, Guid jobId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({RollupRebuildJobs.RunningLockScope}), hashtext({jobId.ToString()}))", cancellationToken);

    private static Task UnlockRunningAsync(AnalyticsDbContext db, Guid jobId) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({RollupRebuildJobs.RunningLockScope}), hashtext({jobId.ToString()}))");
}
