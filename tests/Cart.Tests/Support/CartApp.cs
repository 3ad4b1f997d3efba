using System.Net.Http.Headers;
using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Internal;
using GoShop.Cart.Data;
using GoShop.Contracts;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Shops;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GoShop.Cart.Tests.Support;

/// <summary>All cart test classes share one host (one consumer of the cart queues) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CartCollection : ICollectionFixture<CartApp>
{
    public const string Name = "cart";
}

/// <summary>
/// The cart subgraph hosted in-process on a database of its own and the shared test Redis and RabbitMQ, with a clock the
/// tests can move, tokens signed as identity signs them, and stand-ins for catalog's product lookup and the shops
/// subgraph's coupon API.
/// </summary>
public sealed class CartApp : IAsyncLifetime
{
    private TestDatabase? _database;

    public CartApp() => Tokens = new TestTokens("cart-test", Clock);

    public SubgraphFactory<Program> Factory { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestTokens Tokens { get; }

    public FakeCatalogService Catalog { get; } = new();

    public FakeCouponService Coupons { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("cart");
        Factory = new CartFactory(this, _database);
        (await Factory.CreateGraphQLClient().SendAsync("{ __typename }")).EnsureNoErrors();
        await Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Tokens.Dispose();
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public GraphQLClient Client(string? accessToken = null) => new(Factory.CreateClient()) { AccessToken = accessToken };

    /// <summary>A signed-in buyer.</summary>
    public Buyer NewBuyer()
    {
        var id = Guid.CreateVersion7();
        return new Buyer(id, Client(Tokens.Issue(id, [Roles.Buyer])));
    }

    /// <summary>The internal cart API as ordering calls it: the typed client with the shared key.</summary>
    public CartDirectory Directory() => new(InternalHttp());

    public HttpClient InternalHttp(string? key = InternalApiOptions.DevelopmentKey)
    {
        var http = Factory.CreateClient();
        if (key is not null)
            http.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, key);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <summary>Publishes an integration event through RabbitMQ as its owner's outbox would, optionally under a given message id.</summary>
    public Task PublishAsync<TEvent>(TEvent integrationEvent, Guid? messageId = null) where TEvent : class, IIntegrationEvent =>
        Service<IBus>().Publish(integrationEvent, context => context.MessageId = messageId ?? Guid.NewGuid());

    public async Task<T> InDatabaseAsync<T>(Func<CartDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CartDbContext>());
    }

    public Task InDatabaseAsync(Func<CartDbContext, Task> work) => InDatabaseAsync(async db =>
    {
        await work(db);
        return true;
    });

    private sealed class CartFactory(CartApp app, TestDatabase database) : SubgraphFactory<Program>(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(app.Clock);
                services.AddSingleton<IAccessTokenKeys>(app.Tokens);
                services.UseFakeInternalApi<ProductDirectory>(app.Catalog);
                services.UseFakeInternalApi<CouponClient>(app.Coupons);
            });
        }
    }
}

/// <summary>A signed-in buyer: their user id and a client carrying their token.</summary>
public sealed record Buyer(Guid Id, GraphQLClient Client);

public static class JsonElementExtensions
{
    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static Guid Id(this JsonElement element) => Guid.Parse(element.Text("id"));

    public static decimal Amount(this JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetDecimal();
}
