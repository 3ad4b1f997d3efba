using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Shops;
using GoShop.Ordering.Data;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GoShop.Ordering.Tests.Support;

/// <summary>
/// The ordering subgraph hosted in-process for one test class, on a database of its own, with a clock the tests can
/// move, tokens signed as identity signs them, and stand-ins for the internal APIs of catalog, shops, identity and cart.
/// </summary>
public class OrderingApp : IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        // The tests sweep at the moment they choose (OrderSweeper.SweepOnceAsync) after moving the clock.
        ["Ordering:SweepInterval"] = "00:00:00",
        // Tests move the clock by days: the outbox and inbox they read must outlive that.
        ["Messaging:OutboxRetentionDays"] = "3650",
        ["Messaging:InboxRetentionDays"] = "3650",
    };

    private TestDatabase? _database;

    public SubgraphFactory<Program> Factory { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestTokens Tokens { get; }

    public FakeCatalogService Catalog { get; } = new();

    public FakeCouponService Coupons { get; } = new();

    public FakeAddressService Addresses { get; } = new();

    public FakeCartService Carts { get; } = new();

    public FakeShopsService Shops { get; } = new();

    /// <summary>In front of <see cref="Catalog"/>'s reservations: a test may step in between the lookup and the reservation.</summary>
    public InterceptingHandler Reservations { get; }

    /// <summary>In front of <see cref="Coupons"/>: a test may step in between the quote and the redemption.</summary>
    public InterceptingHandler CouponDesk { get; }

    public OrderingApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>An app with settings of its own on top of the tests' defaults.</summary>
    protected OrderingApp(IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
            _settings[key] = value;
        Tokens = new TestTokens("ordering-test", Clock);
        Reservations = new InterceptingHandler(Catalog);
        CouponDesk = new InterceptingHandler(Coupons);
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("ordering");
        Factory = new OrderingFactory(this, _database, _settings);
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

    /// <summary>A signed-in person with the given roles (a buyer by default).</summary>
    public Person SignIn(params string[] roles)
    {
        var id = Guid.CreateVersion7();
        return new Person(id, Client(Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles)), this);
    }

    public Person Admin() => SignIn(Roles.Buyer, Roles.Admin);

    /// <summary>The same person with a token issued now (after the test moved the clock past their old one).</summary>
    public Person Refreshed(Person person, params string[] roles) =>
        person with { Client = Client(Tokens.Issue(person.Id, roles.Length == 0 ? [Roles.Buyer, Roles.Seller] : roles)) };

    public async Task<T> InDatabaseAsync<T>(Func<OrderingDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OrderingDbContext>());
    }

    private sealed class OrderingFactory(OrderingApp app, TestDatabase database, IReadOnlyDictionary<string, string?> settings)
        : SubgraphFactory<Program>(database, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(app.Clock);
                services.AddSingleton<IAccessTokenKeys>(app.Tokens);
                services.UseFakeInternalApi<ProductDirectory>(app.Catalog);
                services.UseFakeInternalApi<StockReservations>(app.Reservations);
                services.UseFakeInternalApi<CouponClient>(app.CouponDesk);
                services.UseFakeInternalApi<ShopDirectory>(app.Shops);
                services.UseFakeInternalApi<AddressDirectory>(app.Addresses);
                services.UseFakeInternalApi<CartDirectory>(app.Carts);
            });
        }
    }
}

/// <summary>A signed-in person: their id, a client carrying their token, and the app they act in.</summary>
public sealed record Person(Guid Id, GraphQLClient Client, OrderingApp App);
