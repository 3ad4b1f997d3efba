using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shipping;
using GoShop.Contracts.Shops;
using GoShop.Ordering.Data;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Ordering.Tests.Support;

/// <summary>
/// The ordering subgraph hosted in-process for one test class, on a database of its own, with a clock the tests can
/// move, tokens signed as identity signs them, and stand-ins for the internal APIs of catalog, shops, identity, cart, shipping and media.
/// </summary>
public class OrderingApp : SubgraphApp<Program, OrderingDbContext>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        // The tests sweep at the moment they choose (OrderSweeper.SweepOnceAsync) after moving the clock.
        ["Ordering:SweepInterval"] = "00:00:00",
        // Tests move the clock by days: the outbox and inbox they read must outlive that.
        ["Messaging:OutboxRetentionDays"] = "3650",
        ["Messaging:InboxRetentionDays"] = "3650",
    };

    public OrderingApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>An app with settings of its own on top of the tests' defaults.</summary>
    protected OrderingApp(IReadOnlyDictionary<string, string?> settings)
        : base("ordering")
    {
        foreach (var (key, value) in settings)
            _settings[key] = value;
        Reservations = new InterceptingHandler(Catalog);
        CouponDesk = new InterceptingHandler(Coupons);
    }

    public FakeCatalogService Catalog { get; } = new();

    public FakeCouponService Coupons { get; } = new();

    public FakeAddressService Addresses { get; } = new();

    public FakeCartService Carts { get; } = new();

    public FakeShopsService Shops { get; } = new();

    /// <summary>The media subgraph's uploads: the photos a return may show.</summary>
    public FakeMediaService Media { get; } = new();

    /// <summary>The shipping subgraph's quotes: what ordering charges for shipping.</summary>
    public FakeShippingQuotes Shipping { get; } = new();

    /// <summary>In front of <see cref="Catalog"/>'s reservations: a test may step in between the lookup and the reservation.</summary>
    public InterceptingHandler Reservations { get; }

    /// <summary>In front of <see cref="Coupons"/>: a test may step in between the quote and the redemption.</summary>
    public InterceptingHandler CouponDesk { get; }

    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

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

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.UseFakeInternalApi<ProductDirectory>(Catalog);
        services.UseFakeInternalApi<StockReservations>(Reservations);
        services.UseFakeInternalApi<CouponClient>(CouponDesk);
        services.UseFakeInternalApi<ShopDirectory>(Shops);
        services.UseFakeInternalApi<AddressDirectory>(Addresses);
        services.UseFakeInternalApi<CartDirectory>(Carts);
        services.UseFakeInternalApi<ShippingQuotes>(Shipping);
        services.UseFakeInternalApi<MediaDirectory>(Media);
    }
}

/// <summary>A signed-in person: their id, a client carrying their token, and the app they act in.</summary>
public sealed record Person(Guid Id, GraphQLClient Client, OrderingApp App);
