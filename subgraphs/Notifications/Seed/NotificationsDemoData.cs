using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Seed;

/// <summary>
/// What notifications must know of the demo accounts and shops (development only) to reach them: the accounts' addresses,
/// names and phones, and who owns the demo shops (catalog's low-stock and reviews' events name only the shop). Identity
/// does publish UserRegistered for the accounts it seeds, but only on the run that creates them, and a message published
/// before this subgraph's queue is bound (the subgraphs start together in <c>make up</c>), or into a database seeded before
/// notifications existed, is never seen here; the demo data is fixed (Contracts' DemoAccounts and DemoShops), so it is
/// written directly, as every subgraph seeds its share. A second run fills only what is missing and keeps what people changed.
/// </summary>
public sealed class NotificationsDemoData(NotificationsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accountIds = DemoAccounts.All.Select(a => a.Id).ToList();
        var recipients = await db.Recipients.Where(r => accountIds.Contains(r.UserId)).ToDictionaryAsync(r => r.UserId, cancellationToken);
        foreach (var account in DemoAccounts.All)
        {
            if (!recipients.TryGetValue(account.Id, out var recipient))
            {
                recipient = Recipient.For(account.Id, now);
                recipient.ChangeProfile(account.FullName, account.Phone, now);
                db.Recipients.Add(recipient);
            }
            if (recipient.Email is null)
                recipient.Identify(account.Email, null, now);
        }
        var shopIds = DemoShops.All.Select(s => s.Id).ToList();
        var known = await db.ShopOwners.Where(s => shopIds.Contains(s.ShopId)).Select(s => s.ShopId).ToListAsync(cancellationToken);
        foreach (var shop in DemoShops.All.Where(s => !known.Contains(s.Id)))
            db.ShopOwners.Add(ShopOwner.Of(shop.Id, DemoShops.OwnerId, shop.Name));
        await db.SaveChangesAsync(cancellationToken);
    }
}
