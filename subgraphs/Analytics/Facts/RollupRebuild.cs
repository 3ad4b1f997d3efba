using GoShop.Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Facts;

/// <summary>A rebuild of the rollups of some days in a transaction of its own (the admin mutation and the rebuild-rollups command).</summary>
public sealed class RollupRebuild(AnalyticsDbContext db, RollupMaintainer rollups)
{
    public async Task<int> RunAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await rollups.RebuildAsync(from, to, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
