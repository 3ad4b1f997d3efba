using GoShop.Contracts.Shops;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Events;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AuthRoles = GoShop.BuildingBlocks.Auth.Roles;

namespace GoShop.Identity.Tests;

/// <summary>
/// Identity hears through RabbitMQ that a shop opened and makes its owner a SELLER, once, however often it hears it.
/// </summary>
public sealed class ShopCreatedTests(ShopCreatedTests.SellerApp app) : IClassFixture<ShopCreatedTests.SellerApp>
{
    private static readonly string Consumer = typeof(GrantSellerRoleOnShopCreated).FullName!;

    [Fact]
    public async Task Opening_a_shop_makes_the_owner_a_seller_in_the_tokens_issued_from_then_on()
    {
        var email = $"seller-{Guid.NewGuid():N}@example.com";
        var client = app.Factory.CreateGraphQLClient();
        var registered = (await client.MutateAsync(Operations.Register,
            new { input = new { email, password = "Correct-horse-42", fullName = "Chủ Shop" } })).Succeeded();
        var ownerId = Guid.Parse(registered.GetProperty("user").Text("id"));

        await PublishAsync(ShopOpenedBy(ownerId));

        Assert.Equal([AuthRoles.Buyer, AuthRoles.Seller], (await StoredUserAsync(ownerId)).Roles);
        var session = (await client.MutateAsync(Operations.Login, new { input = new { email, password = "Correct-horse-42" } })).Succeeded();
        Assert.Contains(AuthRoles.Seller, AccessTokenClaims.Roles(session.Text("accessToken")));
    }

    [Fact]
    public async Task A_second_shop_and_a_redelivered_event_leave_a_single_seller_role()
    {
        var owner = await InsertUserAsync();
        var first = ShopOpenedBy(owner.Id);
        var messageId = NewId.NextGuid();

        await PublishAsync(first, messageId);
        await PublishAsync(first, messageId, waitForInbox: false);
        await PublishAsync(ShopOpenedBy(owner.Id));

        Assert.Equal([AuthRoles.Buyer, AuthRoles.Seller], (await StoredUserAsync(owner.Id)).Roles);
        Assert.Equal(1, await app.InDatabaseAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId && m.Consumer == Consumer)));
    }

    [Fact]
    public async Task A_shop_of_an_unknown_or_deleted_owner_is_acknowledged_and_grants_nothing()
    {
        var deleted = await InsertUserAsync(delete: true);
        var unknown = Guid.CreateVersion7();

        await PublishAsync(ShopOpenedBy(unknown));
        await PublishAsync(ShopOpenedBy(deleted.Id));

        Assert.Empty((await StoredUserAsync(deleted.Id)).Roles);
        Assert.False(await app.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == unknown)));
    }

    [Fact]
    public async Task A_shop_opened_just_before_its_owner_was_suspended_still_makes_them_a_seller()
    {
        var owner = await InsertUserAsync(suspend: true);

        await PublishAsync(ShopOpenedBy(owner.Id));

        var stored = await StoredUserAsync(owner.Id);
        Assert.Equal([AuthRoles.Buyer, AuthRoles.Seller], stored.Roles);
        Assert.Equal(UserStatus.Suspended, stored.Status);
    }

    private static ShopCreated ShopOpenedBy(Guid ownerId) => new(
        new ShopSnapshot(Guid.CreateVersion7(), ownerId, "Điện Máy Xanh", "dien-may-xanh", "ACTIVE", 21.0285, 105.8542,
            "35 Hàng Bài, Hoàn Kiếm, Hà Nội", ["electronics"]),
        DateTimeOffset.UtcNow);

    /// <summary>Publishes on the real bus and, unless told otherwise, waits until the consumer recorded the message in its inbox.</summary>
    private async Task PublishAsync(ShopCreated message, Guid? messageId = null, bool waitForInbox = true)
    {
        var id = messageId ?? NewId.NextGuid();
        await app.Factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
        if (!waitForInbox)
            return;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == Consumer)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The consumer did not handle message {id} in time.");
            await Task.Delay(25);
        }
    }

    private async Task<User> InsertUserAsync(bool delete = false, bool suspend = false)
    {
        var user = User.Register($"owner-{Guid.NewGuid():N}@example.com", "$argon2id$v=19$m=1,t=1,p=1$AA$AA", "Shop Owner", null, DateTimeOffset.UtcNow);
        if (delete)
            user.Delete(DateTimeOffset.UtcNow);
        if (suspend)
            user.Suspend("Counterfeit goods", DateTimeOffset.UtcNow);
        await app.InDatabaseAsync(async db =>
        {
            db.Users.Add(user);
            return await db.SaveChangesAsync();
        });
        return user;
    }

    private Task<User> StoredUserAsync(Guid id) => app.InDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    /// <summary>
    /// Identity on a database of its own, waiting for its bus before the tests publish: its queues are its own
    /// (SubgraphFactory names them after the database), so a ShopCreated published here lands here.
    /// </summary>
    public sealed class SellerApp : IAsyncLifetime
    {
        private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "goshop-test-mail", Guid.NewGuid().ToString("N"));
        private TestDatabase? _database;

        public SubgraphFactory<Program> Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync("identity_sellers");
            Factory = new SubgraphFactory<Program>(_database, new Dictionary<string, string?>
            {
                ["Mail:PickupDirectory"] = _mailFolder,
                ["Identity:Argon2:MemoryKiB"] = "8192",
                ["Identity:Argon2:Iterations"] = "1",
            });
            await Factory.CreateGraphQLClient().SendAsync("{ __typename }");
            await Factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            if (_database is not null)
                await _database.DisposeAsync();
            if (Directory.Exists(_mailFolder))
                Directory.Delete(_mailFolder, recursive: true);
        }

        public async Task<T> InDatabaseAsync<T>(Func<IdentityDbContext, Task<T>> work)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<IdentityDbContext>());
        }
    }
}
