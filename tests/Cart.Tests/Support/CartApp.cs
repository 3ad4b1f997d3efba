using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Cart.Data;
using GoShop.Contracts;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Shops;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

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
public sealed class CartApp() : SubgraphApp<Program, CartDbContext>("cart")
{
    public FakeCatalogService Catalog { get; } = new();

    public FakeCouponService Coupons { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    /// <summary>A signed-in buyer.</summary>
    public Buyer NewBuyer()
    {
        var id = Guid.CreateVersion7();
        return new Buyer(id, Client(Tokens.Issue(id, [Roles.Buyer])));
    }

    /// <summary>The internal cart API as ordering calls it: the typed client with the shared key.</summary>
    public CartDirectory Directory() => new(InternalHttp());

    /// <summary>Publishes an integration event through RabbitMQ as its owner's outbox would, optionally under a given message id.</summary>
    public Task PublishAsync<TEvent>(TEvent integrationEvent, Guid? messageId = null) where TEvent : class, IIntegrationEvent =>
        Service<IBus>().Publish(integrationEvent, context => context.MessageId = messageId ?? Guid.NewGuid());

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.UseFakeInternalApi<ProductDirectory>(Catalog);
        services.UseFakeInternalApi<CouponClient>(Coupons);
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
