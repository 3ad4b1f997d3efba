using System.Threading.Channels;
using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Facts;

/// <summary>
/// Admins' rebuilds of the rollups as background jobs (<see cref="RollupRebuildJob"/>): asking queues one unless one is
/// already queued or running (then that one is answered, refused), and the <see cref="RollupRebuildWorker"/> of any
/// instance runs it. A request may take no longer than a GraphQL request may run; a rebuild of years of facts does.
/// </summary>
public sealed class RollupRebuildJobs(AnalyticsDbContext db, RollupRebuildSignal signal, TimeProvider clock)
{
    /// <summary>Advisory lock scope of a running job, held by its runner's session for as long as it runs.</summary>
    internal const string RunningLockScope = "analytics-rebuild-job";

    /// <summary>
    /// Queues a rebuild of the local days <paramref name="from"/> to <paramref name="to"/> (null: unbounded). Answers the
    /// job and true, or the job already queued or running and false (nothing queued).
    /// </summary>
    public async Task<(RollupRebuildJob Job, bool Queued)> RequestAsync(DateOnly? from, DateOnly? to, Guid? requestedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two admins asking at once, on two instances: the second one waits here and then sees the first one's job.
        await db.LockAsync("analytics-rebuild", "request", cancellationToken);
        var active = await db.RollupRebuildJobs
            .Where(j => j.State == RollupRebuildState.Queued || j.State == RollupRebuildState.Running)
            .OrderBy(j => j.RequestedAt).ToListAsync(cancellationToken);
        foreach (var job in active.Where(j => j.State == RollupRebuildState.Running))
        {
            // A running job's runner holds its lock for as long as its session lives: a job marked running whose lock is
            // free was left by an instance that stopped mid-way (its rebuild's transaction rolled back with it).
            if (await TryLockAsync(job.Id, cancellationToken))
                job.Fail("Interrupted: the instance running it stopped before it finished; none of it was kept.", clock.GetUtcNow());
        }
        var current = active.FirstOrDefault(j => j.State is RollupRebuildState.Queued or RollupRebuildState.Running);
        var queued = current is null;
        if (current is null)
        {
            current = RollupRebuildJob.Queue(from, to, requestedBy, clock.GetUtcNow());
            db.RollupRebuildJobs.Add(current);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (queued)
            signal.Wake();
        return (current, queued);
    }

    public Task<RollupRebuildJob?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.RollupRebuildJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);

    private async Task<bool> TryLockAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var key = jobId.ToString();
        var taken = await db.Database
            .SqlQuery<bool>($"""SELECT pg_try_advisory_xact_lock(hashtext({RunningLockScope}), hashtext({key})) AS "Value" """)
            .ToListAsync(cancellationToken);
        return taken is [true];
    }
}

/// <summary>Wakes this instance's <see cref="RollupRebuildWorker"/> when a job was queued here, rather than at its next poll.</summary>
public sealed class RollupRebuildSignal
{
    // One pending wake-up is enough: the worker runs every queued job each time it wakes.
    private readonly Channel<bool> _queued = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _queued.Writer.TryWrite(true);

    /// <summary>Waits until woken or <paramref name="poll"/> passed (a job queued on another instance).</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(poll);
        try
        {
            await _queued.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll's time passed.
        }
    }
}
