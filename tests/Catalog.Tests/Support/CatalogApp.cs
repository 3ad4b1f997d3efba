using System.Net.Http.Headers;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Internal;
using GoShop.Catalog.Data;
using GoShop.Catalog.Events;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shops;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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
public sealed class CatalogApp : IAsyncLifetime
{
    private TestDatabase? _database;

    public SubgraphFactory<Program> Factory { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestTokens Tokens { get; }

    public FakeMediaService Media { get; } = new();

    public FakeShopsService Shops { get; } = new();

    public CatalogApp() => Tokens = new TestTokens("catalog-test", Clock);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("catalog");
        Factory = new CatalogFactory(this, _database, new Dictionary<string, string?>
        {
            // The tests release expired reservations themselves, at the moment they choose.
            ["Catalog:ReservationSweepSeconds"] = "86400",
        });
        (await Factory.CreateGraphQLClient().SendAsync("{ __typename }")).EnsureNoErrors();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Tokens.Dispose();
    }

    public GraphQLClient Client(string? accessToken = null) => new(Factory.CreateClient()) { AccessToken = accessToken };

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

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

    public HttpClient InternalHttp(string? key = InternalApiOptions.DevelopmentKey)
    {
        var http = Factory.CreateClient();
        if (key is not null)
            http.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, key);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    public async Task<T> InDatabaseAsync<T>(Func<CatalogDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }

    public Task InDatabaseAsync(Func<CatalogDbContext, Task> work) => InDatabaseAsync(async db =>
    {
        await work(db);
        return true;
    });

    private sealed class CatalogFactory(CatalogApp app, TestDatabase database, IReadOnlyDictionary<string, string?> settings)
        : SubgraphFactory<Program>(database, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(app.Clock);
                services.AddSingleton<IAccessTokenKeys>(app.Tokens);
                services.UseFakeInternalApi<MediaDirectory>(app.Media);
                services.UseFakeInternalApi<ShopDirectory>(app.Shops);
            });
        }
    }
}

public sealed record User(Guid Id, GraphQLClient Client);

public sealed record Seller(Guid Id, Guid ShopId, GraphQLClient Client);
