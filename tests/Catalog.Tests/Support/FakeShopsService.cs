using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using GoShop.Contracts.Shops;

namespace GoShop.Catalog.Tests.Support;

/// <summary>
/// Plays the shops subgraph's internal lookup (<c>GET /internal/shops/{id}</c>) for catalog's ShopDirectory client: it
/// knows the shops the tests open there without announcing them, and can be told to be down.
/// </summary>
public sealed class FakeShopsService : HttpMessageHandler
{
    private readonly ConcurrentDictionary<Guid, ShopSnapshot> _shops = new();

    public bool Down { get; set; }

    public int Lookups { get; private set; }

    /// <summary>A shop the shops subgraph has, whose events catalog has not received yet.</summary>
    public ShopSnapshot Open(Guid ownerId, string status = "ACTIVE")
    {
        var id = Guid.CreateVersion7();
        var shop = new ShopSnapshot(id, ownerId, "Shop " + id.ToString("N")[..6], "shop-" + id.ToString("N"), status,
            10.7769, 106.7009, "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh", ["fashion"]);
        _shops[id] = shop;
        return shop;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Lookups++;
        if (Down)
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var path = request.RequestUri!.AbsolutePath;
        const string prefix = "/internal/shops/";
        if (request.Method == HttpMethod.Get && path.StartsWith(prefix, StringComparison.Ordinal)
            && Guid.TryParse(path[prefix.Length..], out var id) && _shops.TryGetValue(id, out var shop))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(shop) });
        }
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
