using GoShop.BuildingBlocks.Hosting;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Assignment;

/// <summary>
/// The clock's part of assignment, every <c>Shipping:Assignment:SweepInterval</c>: offers left unanswered past
/// <c>OfferTimeout</c> lapse and their shipments go to the next shipper in reach, and waiting shipments with no open offer
/// are offered again (a shipper may have come within reach). Rows are claimed with <c>FOR NO KEY UPDATE SKIP LOCKED</c>, so
/// several instances share the work and never wait on a shipment someone is moving.
/// </summary>
public sealed class OfferSweeper(
    IServiceScopeFactory scopes,
    IOptions<ShippingOptions> options,
    TimeProvider clock,
    ILogger<OfferSweeper> logger) : PeriodicSweeper(clock, logger)
{
    public const int BatchSize = 50;

    /// <summary>Sweeps what is due now; answers how many offers lapsed and how many waiting shipments were offered again.</summary>
    public async Task<(int Lapsed, int Offered)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        int lapsed;
        await using (var scope = scopes.CreateAsyncScope())
            lapsed = await scope.ServiceProvider.GetRequiredService<ShipmentDispatcher>().ExpireDueAsync(BatchSize, cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var offered = await scope.ServiceProvider.GetRequiredService<ShipmentDispatcher>().RetryAllAsync(BatchSize, cancellationToken);
            return (lapsed, offered);
        }
    }

    protected override TimeSpan Interval => options.Value.Assignment.SweepInterval;

    protected override string Subject => "shipment offers";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var (lapsed, offered) = await SweepOnceAsync(cancellationToken);
        if (lapsed + offered > 0)
            Logger.LogInformation("{Lapsed} offer(s) lapsed; {Offered} waiting shipment(s) offered", lapsed, offered);
    }
}
