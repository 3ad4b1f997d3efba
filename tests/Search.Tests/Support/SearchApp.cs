using System.Net;
using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Shops;
using GoShop.Search.Data;
using GoShop.Search.Index;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Search.Tests.Support;

/// <summary>
/// The search subgraph hosted in-process for one test class: a database and an index folder of its own, events through
/// the test RabbitMQ, a clock the tests can move, and catalog's export played by <see cref="Catalog"/> (what an empty
/// search imports at start).
/// </summary>
public class SearchApp : SubgraphApp<Program, SearchDbContext>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "goshop-search-tests", Guid.NewGuid().ToString("N"));

    public SearchApp()
        : base("search")
    {
    }

    public FakeCatalogExport Catalog { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Search:IndexPath"] = _indexPath,
        ["Search:FeedInterval"] = "00:00:00.050",
        // The tests publish view batches when they choose (ViewPublisher.PublishBatchAsync).
        ["Search:ViewPublishInterval"] = "00:00:00",
        ["Messaging:OutboxRetentionDays"] = "3650",
        ["Messaging:InboxRetentionDays"] = "3650",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Service<IndexFeed>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        await Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_indexPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public Person SignIn() => new(Guid.CreateVersion7(), this);

    public GraphQLClient Anonymous() => Client();

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent =>
        Service<IBus>().Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>Waits until a message was handled (its id is in the inbox).</summary>
    public Task WaitForInboxAsync(Guid messageId) =>
        Eventually.HoldsAsync(() => InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), $"message {messageId} to be handled");

    /// <summary>A shop, as its ShopCreated event tells search.</summary>
    public async Task<ShopSnapshot> ShopAsync(double lat = 10.7769, double lng = 106.7009, string status = "ACTIVE")
    {
        var id = Guid.CreateVersion7();
        var shop = new ShopSnapshot(id, Guid.CreateVersion7(), "Shop " + id.ToString("N")[..6], "shop-" + id.ToString("N"), status, lat, lng, "1 Lê Lợi", []);
        var messageId = Guid.NewGuid();
        await PublishAsync(new ShopCreated(shop, Clock.GetUtcNow()), messageId);
        await WaitForInboxAsync(messageId);
        return shop;
    }

    /// <summary>A product a seller listed, as its ProductCreated event tells search; returns once search finds it. Its category path is the category alone unless given.</summary>
    public async Task<ProductSnapshot> ListAsync(ShopSnapshot shop, string title, decimal price, string? brand = null, string? model = null,
        Guid? categoryId = null, string status = "ACTIVE", IReadOnlyList<Guid>? categoryPath = null)
    {
        var id = Guid.CreateVersion7();
        var now = Clock.GetUtcNow();
        var product = new ProductSnapshot(id, shop.ShopId, title, null, brand, model, categoryId, categoryPath ?? (categoryId is { } c ? [c] : []), status, price, null, null,
            null, "VND", 500, [], now, now);
        await PublishAsync(new ProductCreated(product, now));
        if (status is "ACTIVE" or "OUT_OF_STOCK")
            await Eventually.HoldsAsync(() => Task.FromResult(Service<ISearchIndex>().Find(id) is not null), $"{title} to be indexed");
        return product;
    }

    /// <summary>The events of a type search wrote to its outbox, oldest first.</summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>()
    {
        var name = typeof(T).FullName!;
        var payloads = await InDatabaseAsync(db => db.OutboxMessages.Where(m => m.MessageType == name).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return payloads.Select(p => JsonSerializer.Deserialize<T>(p, Json)!).ToList();
    }

    /// <summary>Identity's address lookup: buyers' default addresses, for price comparison's distances.</summary>
    public FakeAddressService Addresses { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.UseFakeInternalApi<CatalogExport>(Catalog);
        services.UseFakeInternalApi<AddressDirectory>(Addresses);
    }
}

/// <summary>A signed-in buyer: their id and a client carrying their token.</summary>
public sealed class Person(Guid id, SearchApp app)
{
    public Guid Id { get; } = id;

    public GraphQLClient Client { get; } = app.Client(app.Tokens.Issue(id, [Roles.Buyer]));
}

/// <summary>Catalog's export (<c>/internal/products/export</c>, <c>/internal/categories</c>), from what the test put in it.</summary>
public sealed class FakeCatalogExport : FakeInternalService
{
    public List<ExportedProduct> Products { get; } = [];

    public List<ExportedShop> Shops { get; } = [];

    public List<CategorySummary> Categories { get; } = [];

    protected override Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken)
    {
        if (segments is ["categories"])
            return Task.FromResult(Json(Categories));
        if (segments is not ["products", "export"])
            return Task.FromResult(NotFound());
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var size = int.Parse(query["size"] ?? "500", System.Globalization.CultureInfo.InvariantCulture);
        var after = query["after"] is { } a ? Guid.Parse(a) : (Guid?)null;
        var page = Products.OrderBy(p => p.Product.ProductId).Where(p => after is null || p.Product.ProductId.CompareTo(after.Value) > 0).Take(size).ToList();
        var shopIds = page.Select(p => p.Product.ShopId).ToHashSet();
        return Task.FromResult(Json(new ProductExportPage(page, Shops.Where(s => shopIds.Contains(s.ShopId)).ToList(),
            page.Count == size ? page[^1].Product.ProductId : null), HttpStatusCode.OK));
    }
}
