using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Demo;
using GoShop.Contracts.Identity;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Security;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Seed;

/// <summary>The demo accounts (buyer, seller, shipper, admin) with a couple of Vietnamese addresses.</summary>
public sealed class IdentityDemoData(IdentityDbContext db, PasswordHasher hasher, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var passwordHash = hasher.Hash(DemoAccounts.Password);
        var added = 0;

        added += await AddAsync(DemoAccounts.Buyer, user =>
        {
            user.AddAddress(new AddressDetails("Nguyễn Văn An", "+84 901 234 567", "12 Lê Lợi", null, "Bến Nghé", "Quận 1",
                "Hồ Chí Minh", "VN", "700000", new GeoPoint(10.7769, 106.7009)), now);
            user.AddAddress(new AddressDetails("Nguyễn Văn An", "+84 901 234 567", "36 Hàng Bạc", null, "Hàng Bạc", "Hoàn Kiếm",
                "Hà Nội", "VN", "100000", new GeoPoint(21.0341, 105.8516)), now);
        });
        added += await AddAsync(DemoAccounts.Seller, user =>
            user.GrantRole(Roles.Seller, now));
        added += await AddAsync(DemoAccounts.Shipper, user =>
            user.RegisterAsShipper(VehicleType.Motorbike, "59X1-23456", "6789", "demo-shipper-id-number", now));
        added += await AddAsync(DemoAccounts.Admin, user =>
            user.GrantRole(Roles.Admin, now));
        if (added > 0)
            await db.SaveChangesAsync(cancellationToken);

        async Task<int> AddAsync(DemoAccount account, Action<User> complete)
        {
            if (await db.Users.AnyAsync(u => u.Id == account.Id, cancellationToken))
                return 0;
            var user = User.Register(account.Email, passwordHash, account.FullName, account.Phone, now, account.Id);
            complete(user);
            db.Users.Add(user);
            db.Publish(new UserRegistered(user.Id, user.Email, user.FullName, now));
            return 1;
        }
    }
}
