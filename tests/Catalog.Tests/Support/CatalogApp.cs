using GoShop.BuildingBlocks.Auth;
using GoShop.Catalog.Data;
using GoShop.Catalog.Events;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shops;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Catalog.Tests.Support;

/// <summary>All catalog test classes share one host (one consumer of the catalog queues) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CatalogApp>
{
    public const string Name = "catalog";
}

/// <summary>
/// The catalog subgraph hosted in-process on a database of its own, with a clock the tests can move, tokens signed as
/// identity signs them, and a stand-in for the media subgraph's internal API.
/// </summary>
public sealed class CatalogApp() : SubgraphApp<Program, CatalogDbContext>("catalog")
{
    public FakeMediaService Media { get; } = new();

    public FakeShopsService Shops { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // The tests release expired reservations themselves, at the moment they choose.
        ["Catalog:ReservationSweepSeconds"] = "86400",
    };

    /// <summary>A signed-in user with the given roles.</summary>
    public User SignIn(params string[] roles)
    {
        var id = Guid.CreateVersion7();
        return new User(id, Client(Tokens.Issue(id, roles)));
    }

    public User Admin() => SignIn(Roles.Buyer, Roles.Admin);

    /// <summary>A seller with a shop catalog knows (as if the shops subgraph had announced it) at a location.</summary>
    public async Task<Seller> SellerAsync(double latitude = 21.0285, double longitude = 105.8542, string status = "ACTIVE")
    {
        var user = SignIn(Roles.Buyer, Roles.Seller);
        var shopId = Guid.CreateVersion7();
        await AnnounceShopAsync(shopId, user.Id, status, latitude, longitude);
        return new Seller(user.Id, shopId, user.Client);
    }

    /// <summary>Applies a shop snapshot the way the ShopCreated/ShopUpdated consumers do.</summary>
    public Task AnnounceShopAsync(Guid shopId, Guid ownerId, string status = "ACTIVE", double latitude = 21.0285, double longitude = 105.8542) =>
        InDatabaseAsync(async db =>
        {
            var snapshot = new ShopSnapshot(shopId, ownerId, "Shop " + shopId.ToString("N")[..6], "shop-" + shopId.ToString("N"), status,
                latitude, longitude, "1 Tràng Tiền, Hà Nội", ["electronics"]);
            await ShopCopies.ApplyAsync(db, snapshot, Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
        });

    /// <summary>The reservations client ordering uses, against this host's internal API.</summary>
    public StockReservations Reservations() => new(InternalHttp());

    public ProductDirectory Products() => new(InternalHttp());

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.UseFakeInternalApi<MediaDirectory>(Media);
        services.UseFakeInternalApi<ShopDirectory>(Shops);
    }
}

public sealed record User(Guid Id, GraphQLClient Client);

public sealed record Seller(Guid Id, Guid ShopId, GraphQLClient Client);
