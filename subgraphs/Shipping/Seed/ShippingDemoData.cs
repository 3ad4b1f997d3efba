using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Demo;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tracking;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Seed;

/// <summary>
/// Demo shippers around the demo shops of Hanoi and Ho Chi Minh City, AVAILABLE with a position a few hundred metres from
/// a shop: the demo account <c>shipper@goshop.dev</c> (<see cref="DemoAccounts.ShipperId"/>) near Điện Máy Hoàn Kiếm, and
/// five colleagues known only to shipping (fixed ids). Inserts only who is missing, then indexes their positions.
/// </summary>
public sealed class ShippingDemoData(ShippingDbContext db, ShipperLocationIndex index, TimeProvider clock) : IDemoDataSeeder
{
    private sealed record DemoShipper(Guid Id, string Name, VehicleType Vehicle, string Plate, string Zone, GeoPoint Near, double NorthKm, double EastKm);

    private static readonly IReadOnlyList<DemoShipper> All =
    [
        new(DemoAccounts.ShipperId, "Nguyễn Văn Giao", VehicleType.Motorbike, "29B1-123.45", "Hà Nội", ShopAt(0), 0.3, 0.2),
        new(Id(1), "Trần Thị Hoa", VehicleType.Motorbike, "29C1-456.78", "Hà Nội", ShopAt(2), -0.4, 0.3),
        new(Id(2), "Lê Minh Tuấn", VehicleType.Car, "30A-888.99", "Hà Nội", ShopAt(3), 0.5, -0.5),
        new(Id(3), "Phạm Quốc Bảo", VehicleType.Motorbike, "59X1-234.56", "Hồ Chí Minh", ShopAt(6), 0.3, 0.3),
        new(Id(4), "Võ Thị Lan", VehicleType.Bicycle, "59-XĐ 001", "Hồ Chí Minh", ShopAt(7), -0.2, 0.4),
        new(Id(5), "Đặng Hữu Phúc", VehicleType.Van, "51D-777.00", "Hồ Chí Minh", ShopAt(8), 0.6, -0.2),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await db.Shippers.Where(s => All.Select(d => d.Id).Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var demo in All.Where(d => !known.Contains(d.Id)))
        {
            var shipper = Shipper.Register(demo.Id, demo.Name, demo.Vehicle, demo.Plate, demo.Zone, now);
            shipper.SetStatus(ShipperStatus.Available, now);
            shipper.ReportLocation(Offset(demo.Near, demo.NorthKm, demo.EastKm), now, double.PositiveInfinity);
            db.Shippers.Add(shipper);
        }
        await db.SaveChangesAsync(cancellationToken);
        await index.RebuildAsync(await db.Shippers.AsNoTracking().ToListAsync(cancellationToken));
    }

    private static Guid Id(int n) => Guid.Parse($"01900000-0000-7000-8000-0000000004{n:00}");

    private static GeoPoint ShopAt(int index) => new(DemoShops.All[index].Latitude, DemoShops.All[index].Longitude);

    private static GeoPoint Offset(GeoPoint from, double northKm, double eastKm) =>
        new(from.Lat + northKm / 111.32, from.Lng + eastKm / (111.32 * Math.Cos(from.Lat * Math.PI / 180)));
}
