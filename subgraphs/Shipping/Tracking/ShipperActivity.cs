using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.RateLimiting;
using GoShop.Shipping.Assignment;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Tracking;

/// <summary>What became of a location report: trusted (followers heard it) or flagged as an impossible jump.</summary>
public sealed record LocationReport(Shipper Shipper, bool Trusted, double? SpeedKmh);

/// <summary>
/// A shipper's own doings outside a shipment's moves: going AVAILABLE or OFFLINE, and reporting where they are. Each
/// committed change refreshes the Redis index of positions and gives waiting shipments near the shipper another chance.
/// </summary>
public sealed class ShipperActivity(
    ShippingDbContext db,
    ShipmentDispatcher dispatcher,
    ShipperLocationIndex index,
    RedisRateLimiter rateLimiter,
    TrackingEta eta,
    IOptions<ShippingOptions> options,
    TimeProvider clock,
    ILogger<ShipperActivity> logger)
{
    public async Task<Result<Shipper>> SetStatusAsync(Guid shipperId, ShipperStatus status, CancellationToken cancellationToken)
    {
        Shipper? shipper;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            shipper = await db.LockShipperAsync(shipperId, cancellationToken);
            if (shipper is null)
                return ShipmentErrors.NotAShipper;
            var set = shipper.SetStatus(status, clock.GetUtcNow());
            if (!set.Succeeded)
                return set.Error;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await AfterChangeAsync(shipper, cancellationToken);
        return shipper;
    }

    /// <summary>
    /// Takes a position from the shipper's app (a few per second at most): trusted, it moves the shipper and every trip
    /// they are on (followers hear it with a fresh ETA); a jump implying more than <c>Shipping:Tracking:MaxSpeedKmh</c> is
    /// kept on the trips' trails flagged, and changes nothing else.
    /// </summary>
    public async Task<Result<LocationReport>> ReportLocationAsync(Guid shipperId, GeoPoint position, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(position.Lat, position.Lng))
            return ShipmentErrors.InvalidLocation;
        var tracking = options.Value.Tracking;
        var shipper = await db.Shippers.SingleOrDefaultAsync(s => s.Id == shipperId, cancellationToken);
        if (shipper is null)
            return ShipmentErrors.NotAShipper;
        var allowed = await rateLimiter.HitAsync($"shipping:location:{shipperId:N}", tracking.ReportsPerWindow, tracking.ReportWindow);
        if (!allowed.Allowed)
            return ShipmentErrors.RateLimited;
        var now = clock.GetUtcNow();
        // Live updates are queued inside the transaction that makes them true (sent on commit, see GoShopDbContext.AnnounceLive).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var check = shipper.ReportLocation(position, now, tracking.MaxSpeedKmh);
        var trips = await db.Shipments
            .Where(s => s.ShipperId == shipperId && ShipmentStatuses.Active.Contains(s.Status))
            .ToListAsync(cancellationToken);
        foreach (var trip in trips)
        {
            db.TripPoints.Add(TripPoint.Record(trip.Id, shipperId, position, !check.Trusted, now));
            if (check.Trusted)
                db.Announce(ShipmentWorkflow.Live(trip, eta.Snapshot(trip, position, now)));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!check.Trusted)
            logger.LogWarning("Shipper {ShipperId} reported a position implying {Speed:0} km/h; flagged, not trusted", shipperId, check.SpeedKmh);
        else
            await AfterChangeAsync(shipper, cancellationToken);
        return new LocationReport(shipper, check.Trusted, check.SpeedKmh);
    }

    private async Task AfterChangeAsync(Shipper shipper, CancellationToken cancellationToken)
    {
        try
        {
            await index.UpdateAsync(shipper);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The index is a cache of the database: the start-up rebuild and the next report put it right.
            logger.LogWarning(ex, "Could not index the position of shipper {ShipperId}", shipper.Id);
        }
        if (shipper.EffectiveStatus == ShipperStatus.Available)
            await dispatcher.RetryNearAsync(shipper, cancellationToken);
    }
}
