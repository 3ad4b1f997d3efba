using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Demo;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Seed;

/// <summary>
/// The demo shops of <see cref="DemoShops"/> (fixed ids and slugs, owned by the demo seller, each with the demo picture
/// of its first category as its logo) and two coupons: GOSHOP10
/// at the Hanoi electronics shop and SAIGON50K at the Saigon one. Inserts only what is missing. No events: every
/// subgraph that keeps a copy of the demo shops seeds it from the same list.
/// </summary>
public sealed class ShopsDemoData(ShopsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public static readonly Guid TenPercentOffId = Guid.Parse("01900000-0000-7000-8000-000000000301");
    public static readonly Guid FiftyThousandOffId = Guid.Parse("01900000-0000-7000-8000-000000000302");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await db.Shops.Where(s => DemoShops.All.Select(d => d.Id).Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var demo in DemoShops.All.Where(d => !known.Contains(d.Id)))
        {
            db.Shops.Add(Shop.Open(DemoShops.OwnerId, demo.Slug,
                new ShopProfile(demo.Name, demo.Description, demo.Address, demo.City, new GeoPoint(demo.Latitude, demo.Longitude),
                    "+84 24 3825 0000", null, DemoMedia.ForCategory(demo.Categories[0]), null, demo.Categories),
                now, demo.Id));
        }
        await db.SaveChangesAsync(cancellationToken);

        var window = (Start: now.AddDays(-1), End: now.AddYears(1));
        await AddPromotionAsync(TenPercentOffId, DemoShops.All[0].Id, "Giảm 10% toàn shop", "GOSHOP10",
            new PromotionTerms(PromotionType.Percentage, 10, MinOrderValue: 100_000, MaxDiscount: 50_000, UsageLimit: 1_000, UsageLimitPerUser: 1,
                window.Start, window.End, PromotionScope.WholeShop, []), cancellationToken);
        await AddPromotionAsync(FiftyThousandOffId, DemoShops.All[6].Id, "Giảm 50.000đ cho đơn từ 500.000đ", "SAIGON50K",
            new PromotionTerms(PromotionType.FixedAmount, 50_000, MinOrderValue: 500_000, MaxDiscount: null, UsageLimit: null, UsageLimitPerUser: 2,
                window.Start, window.End, PromotionScope.WholeShop, []), cancellationToken);
    }

    private async Task AddPromotionAsync(Guid id, Guid shopId, string name, string code, PromotionTerms terms, CancellationToken cancellationToken)
    {
        if (await db.Promotions.AnyAsync(p => p.Id == id, cancellationToken))
            return;
        var created = Promotion.Create(shopId, name, null, code, terms, PromotionStatus.Active, null, clock.GetUtcNow(), id);
        db.Promotions.Add(created.Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
