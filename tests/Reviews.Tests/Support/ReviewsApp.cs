using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts;
using GoShop.Contracts.Media;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shipping;
using GoShop.Reviews.Data;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Reviews.Tests.Support;

/// <summary>
/// The reviews subgraph hosted in-process for one test class, on a database of its own, with a clock the tests can move,
/// tokens signed as identity signs them, and a stand-in for media's internal API (who uploaded which file).
/// </summary>
public sealed class ReviewsApp : SubgraphApp<Program, ReviewsDbContext>
{
    public ReviewsApp()
        : base("reviews")
    {
    }

    public FakeMediaService Media { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Messaging:OutboxRetentionDays"] = "3650",
        ["Messaging:InboxRetentionDays"] = "3650",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    /// <summary>A signed-in person with the given roles (a buyer by default).</summary>
    public Person SignIn(params string[] roles) => As(Guid.CreateVersion7(), roles);

    public Person As(Guid id, params string[] roles) =>
        new(id, Client(Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles)), this);

    public Person Admin() => SignIn(Roles.Buyer, Roles.Admin);

    /// <summary>
    /// A new buyer's order of one shop, with the given number of product lines (new products, or those given), delivered now: ordering's OrderDelivered
    /// and shipping's ShipmentDelivered go through RabbitMQ, and this waits until both were handled.
    /// </summary>
    public async Task<DeliveredOrder> DeliveredOrderAsync(int lines = 1, Person? buyer = null, Person? seller = null, Guid? shopId = null,
        bool withVariants = false, IReadOnlyList<Guid>? productIds = null)
    {
        buyer ??= SignIn();
        seller ??= SignIn(Roles.Seller);
        var products = (productIds ?? Enumerable.Range(0, lines).Select(_ => Guid.CreateVersion7()).ToList())
            .Select(productId => (productId, withVariants ? Guid.CreateVersion7() : (Guid?)null, 1)).ToArray();
        var order = TestOrders.Snapshot(buyer.Id, shopId ?? Guid.CreateVersion7(), products) with { SellerId = seller.Id, Status = "DELIVERED" };
        if (withVariants)
            order = order with { Lines = order.Lines.Select(l => l with { VariantTitle = "Đỏ / XL" }).ToList() };
        var shipperId = Guid.CreateVersion7();
        var shipmentId = Guid.CreateVersion7();
        var now = Clock.GetUtcNow();
        await PublishAsync(new OrderDelivered(order, new OrderActor("SHIPPER", shipperId, null), now));
        await PublishAsync(new ShipmentDelivered(
            new ShipmentSnapshot(shipmentId, order.OrderId, order.ShopId, buyer.Id, "GSX000001TEST0001", "DELIVERED", shipperId, 0, "VND"),
            shipperId, "Nguyễn Văn An", null, now));
        await Eventually.HoldsAsync(() => InDatabaseAsync(async db =>
                await db.Purchases.AnyAsync(p => p.OrderId == order.OrderId) && await db.Deliveries.AnyAsync(d => d.ShipmentId == shipmentId)),
            $"order {order.Number} to be recorded as delivered");
        return new DeliveredOrder(order, buyer, seller, shipperId, shipmentId);
    }

    public async Task PublishAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent =>
        await Service<IBus>().Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>Waits until the consumers handled a message (its id is in the inbox).</summary>
    public Task WaitForInboxAsync(Guid messageId) =>
        Eventually.HoldsAsync(() => InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), $"message {messageId} to be handled");

    /// <summary>The payloads of the outbox messages of a type, oldest first.</summary>
    public Task<List<JsonElement>> OutboxAsync(string messageType) => InDatabaseAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.EndsWith(messageType)).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => m.Payload).ToListAsync())
        .Select(payload => JsonDocument.Parse(payload).RootElement.Clone()).ToList());

    /// <summary>An image (or a video) uploaded to media by this person.</summary>
    public Guid Upload(Person owner, string kind = "IMAGE") => Media.Upload(owner.Id, kind);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.UseFakeInternalApi<MediaDirectory>(Media);
    }
}

/// <summary>A signed-in person: their id and a client carrying their token.</summary>
public sealed record Person(Guid Id, GraphQLClient Client, ReviewsApp App);

/// <summary>A delivered order as the tests made it: its snapshot, its buyer, its shop's owner, and its delivery.</summary>
public sealed record DeliveredOrder(OrderSnapshot Order, Person Buyer, Person Seller, Guid ShipperId, Guid ShipmentId)
{
    public Guid OrderId => Order.OrderId;

    public Guid ProductId => Order.Lines[0].ProductId;

    public Guid ShopId => Order.ShopId;
}
