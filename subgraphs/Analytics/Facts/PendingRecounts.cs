using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Analytics.Facts;

/// <summary>Configuration section <c>Analytics:Recounts</c>.</summary>
public sealed class RecountOptions
{
    public const string Section = "Analytics:Recounts";

    /// <summary>
    /// How often queued recounts are made: what an order's event waits at most before the dashboard shows it, besides
    /// the recount itself.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most queued requests one transaction takes (each shop-day among them is recounted once).</summary>
    public int BatchSize { get; set; } = 2000;
}

/// <summary>
/// Makes the recounts event handlers queue (<see cref="PendingRecount"/>, through <see cref="RollupMaintainer"/>): takes
/// what is queued with <c>SKIP LOCKED</c> (instances share the work), recounts each shop-day and each order's
/// category-days once, and deletes the requests it took in the same transaction, so a recount that fails leaves them
/// queued. A busy shop's day gets one recount per pass however many of its events arrived meanwhile; recounting it in
/// each handler serialised them all on its lock (about 200 ms of PostgreSQL each), and a flash sale of one shop left
/// analytics minutes behind. A request committed after a pass read the queue waits for the next pass: its facts were
/// committed with it, so that pass counts them.
/// </summary>
public sealed class PendingRecounts(IServiceScopeFactory scopes, IOptions<RecountOptions> options, ILogger<PendingRecounts> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RecountAsync(scopes, options.Value.BatchSize, stoppingToken) == options.Value.BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Making the queued rollup recounts failed; they stay queued for the next pass");
            }
            try
            {
                await Task.Delay(options.Value.Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Makes up to <paramref name="batchSize"/> queued recount requests; answers how many it took.</summary>
    public static async Task<int> RecountAsync(IServiceScopeFactory scopes, int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var rollups = scope.ServiceProvider.GetRequiredService<RollupMaintainer>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.PendingRecounts
            .FromSql($"""
                DELETE FROM pending_recounts WHERE id IN (
                    SELECT id FROM pending_recounts ORDER BY id LIMIT {batchSize} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking().ToListAsync(cancellationToken);
        if (taken.Count == 0)
            return 0;
        foreach (var request in taken)
        {
            if (request.OrderId is { } orderId)
                rollups.TouchCategoriesOfOrder(orderId);
            else
                rollups.TouchDay(request.ShopId!.Value, request.Day!.Value);
        }
        await rollups.RecountNowAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return taken.Count;
    }
}
