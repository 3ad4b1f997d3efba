using GoShop.BuildingBlocks.Domain;
using GoShop.Shipping.Domain;
using StackExchange.Redis;

namespace GoShop.Shipping.Tracking;

/// <summary>
/// The AVAILABLE shippers' last trusted positions in a Redis GEO set, for fast nearest-first searches
/// (<c>availableShippers</c>). PostgreSQL stays the truth (assignment reads it under locks); this index is refreshed after
/// each committed change of a shipper's status or position, and rebuilt from the database at start-up. The key carries
/// the database's name, so hosts on different databases (tests) never share it.
/// </summary>
public sealed class ShipperLocationIndex(IConnectionMultiplexer redis, IConfiguration configuration)
{
    private readonly RedisKey _key = "goshop:shipping:available-shippers:" + DatabaseName(configuration);

    /// <summary>Puts an AVAILABLE shipper with a position in the set, and takes any other out.</summary>
    public async Task UpdateAsync(Shipper shipper)
    {
        var db = redis.GetDatabase();
        if (shipper.Status == ShipperStatus.Available && shipper.Position is { } at)
            await db.GeoAddAsync(_key, at.Lng, at.Lat, shipper.Id.ToString("N"));
        else
            await db.GeoRemoveAsync(_key, shipper.Id.ToString("N"));
    }

    /// <summary>Replaces the set with <paramref name="shippers"/> (the start-up rebuild).</summary>
    public async Task RebuildAsync(IEnumerable<Shipper> shippers)
    {
        var db = redis.GetDatabase();
        var entries = shippers.Where(s => s.Status == ShipperStatus.Available && s.Position is not null)
            .Select(s => new GeoEntry(s.Position!.Lng, s.Position.Lat, s.Id.ToString("N"))).ToArray();
        await db.KeyDeleteAsync(_key);
        if (entries.Length > 0)
            await db.GeoAddAsync(_key, entries);
    }

    /// <summary>The shippers within <paramref name="radiusKm"/> of <paramref name="near"/>, nearest first, with their distance.</summary>
    public async Task<IReadOnlyList<(Guid ShipperId, double DistanceKm)>> NearAsync(GeoPoint near, double radiusKm, int limit)
    {
        var found = await redis.GetDatabase().GeoSearchAsync(_key, near.Lng, near.Lat, new GeoSearchCircle(radiusKm, GeoUnit.Kilometers),
            count: limit, demandClosest: true, order: Order.Ascending, options: GeoRadiusOptions.WithDistance);
        return found.Select(r => (Guid.Parse(r.Member.ToString()), r.Distance ?? 0)).ToList();
    }

    private static string DatabaseName(IConfiguration configuration)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres"));
        return connection.Database ?? "goshop_shipping";
    }
}
