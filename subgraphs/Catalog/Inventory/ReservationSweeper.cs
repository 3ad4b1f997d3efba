using GoShop.BuildingBlocks.Hosting;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Catalog.Inventory;

/// <summary>
/// Releases reservations whose hold ran out, a batch at a time. Availability already ignores them the moment they
/// expire; sweeping puts the ledger and the stock rows in step and lets statuses return to ACTIVE.
/// </summary>
public sealed class ReservationSweeper(
    IServiceScopeFactory scopes,
    IOptions<CatalogOptions> options,
    TimeProvider clock,
    ILogger<ReservationSweeper> logger) : PeriodicSweeper(clock, logger)
{
    public const int BatchSize = 100;

    /// <summary>Releases the expired reservations there are now; answers how many it released.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var now = Clock.GetUtcNow();
            var expired = await db.Reservations.AsNoTracking()
                .Where(r => r.Status == ReservationStatus.Held && r.ExpiresAt <= now)
                .OrderBy(r => r.ExpiresAt)
                .Select(r => r.OrderId)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var orderId in expired)
            {
                await using var work = scopes.CreateAsyncScope();
                if (await work.ServiceProvider.GetRequiredService<StockReservationService>().ExpireAsync(orderId, cancellationToken))
                    released++;
            }
            if (expired.Count < BatchSize)
                return released;
        }
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.ReservationSweepSeconds));

    protected override string Subject => "expired reservations";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var released = await SweepOnceAsync(cancellationToken);
        if (released > 0)
            Logger.LogInformation("Released {Count} expired reservation(s)", released);
    }
}
