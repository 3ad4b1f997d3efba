using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Shops;
using GoShop.Shipping.Data;
using GoShop.Testing;
using GoShop.Contracts.Ordering;
using GoShop.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Shipping.Tests.Support;

/// <summary>
/// The shipping subgraph hosted in-process for one test class, on a database of its own, with a clock the tests can
/// move, tokens signed as identity signs them, and a stand-in for shops' internal API (labels name the sender).
/// </summary>
public class ShippingApp : SubgraphApp<Program, ShippingDbContext>
{
    public const double RadiusKm = 5;
    public static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string?> _settings = new()
    {
        // The tests sweep at the moment they choose (OfferSweeper.SweepOnceAsync) after moving the clock.
        ["Shipping:Assignment:SweepInterval"] = "00:00:00",
        ["Shipping:Assignment:RadiusKm"] = RadiusKm.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Shipping:Assignment:OfferTimeout"] = OfferTimeout.ToString(),
        // Tests report many positions in a row; the rate limit has a test class of its own.
        ["Shipping:Tracking:ReportsPerWindow"] = "10000",
        ["Messaging:OutboxRetentionDays"] = "3650",
        ["Messaging:InboxRetentionDays"] = "3650",
    };

    public ShippingApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>An app with settings of its own on top of the tests' defaults.</summary>
    protected ShippingApp(IReadOnlyDictionary<string, string?> settings)
        : base("shipping")
    {
        foreach (var (key, value) in settings)
            _settings[key] = value;
    }

    /// <summary>The shops subgraph's directory (labels read the sender's name and address from it).</summary>
    public FakeShopsService Shops { get; } = new();

    /// <summary>Ordering's orders as it knows them now (who may follow an order before its shipment exists).</summary>
    public FakeOrderDirectory Orders { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>A signed-in person with the given roles (a buyer by default).</summary>
    public Person SignIn(params string[] roles) => As(Guid.CreateVersion7(), roles);

    /// <summary>The person with this id, signed in with the given roles (a buyer by default).</summary>
    public Person As(Guid id, params string[] roles) =>
        new(id, Client(Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles)), this);

    public Person Admin() => SignIn(Roles.Buyer, Roles.Admin);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.UseFakeInternalApi<ShopDirectory>(Shops);
        services.UseFakeInternalApi<OrderDirectory>(Orders);
    }
}

/// <summary>A signed-in person: their id, a client carrying their token, and the app they act in.</summary>
public sealed record Person(Guid Id, GraphQLClient Client, ShippingApp App);
