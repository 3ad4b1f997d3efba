using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// A page survives one subgraph's outage (issue 15, "degrade, don't fail"): through a GoShop Gateway whose supergraph
/// sends one subgraph's requests to a closed port, a listing keeps what the other subgraphs answer, with null and a
/// SUBGRAPH_UNAVAILABLE error where the missing subgraph's fields would have been. The platform's own gateways and
/// subgraphs keep running; only the extra gateways see the outage.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SubgraphOutageTests(Platform platform)
{
    [Fact]
    public async Task With_shops_down_a_product_listing_keeps_its_titles_with_a_null_shop_and_an_error_at_each()
    {
        var shop = await Shopping.OpenShopAsync(platform, 5, 5);
        var titles = (await platform.Client().SendAsync(
                "query($shopId: ID!) { products(first: 2, where: { shopId: $shopId }) { edges { node { title } } } }", new { shopId = shop.ShopId }))
            .EnsureNoErrors().Data.Get("products.edges").EnumerateArray().Select(e => e.Get("node.title").GetString()).ToList();
        Assert.Equal(2, titles.Count);
        using var withoutShops = new HttpClient { BaseAddress = await GatewayWithoutAsync("shops", 8097) };

        var response = await new GraphQLClient(withoutShops).SendAsync(
            "query($shopId: ID!) { products(first: 2, where: { shopId: $shopId }) { edges { node { title shop { name } } } } }", new { shopId = shop.ShopId });

        var nodes = response.Data.Get("products.edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(titles, nodes.Select(n => n.GetProperty("title").GetString()));
        Assert.All(nodes, n => Assert.Equal(JsonValueKind.Null, n.GetProperty("shop").ValueKind));
        Assert.Equal(
            ["products.edges.0.node.shop.name", "products.edges.1.node.shop.name"],
            response.Errors.Select(PathOf).Order(StringComparer.Ordinal));
        AssertUnavailable(response, "shops");
    }

    [Fact]
    public async Task With_catalog_down_the_buyers_orders_are_listed_with_a_null_product_on_each_line()
    {
        var shop = await Shopping.OpenShopAsync(platform, 10, 10);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 1)).Succeeded();
        (await buyer.AddToCartAsync(shop.ProductIds[1], 2)).Succeeded();
        var order = (await buyer.PlaceOrderAsync(addressId)).Succeeded().Orders().Single();
        using var withoutCatalog = new HttpClient { BaseAddress = await GatewayWithoutAsync("catalog", 8096) };

        var response = await new GraphQLClient(withoutCatalog) { AccessToken = buyer.Token }.SendAsync("{ myOrders(first: 10) { edges { node { number lines { title quantity product { title } } } } } }");

        var listed = Assert.Single(response.Data.Get("myOrders.edges").EnumerateArray()).GetProperty("node");
        Assert.Equal(order.GetProperty("number").GetString(), listed.GetProperty("number").GetString());
        var lines = listed.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.StartsWith("Áo thun", line.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, line.GetProperty("product").ValueKind);
        });
        Assert.Equal(
            ["myOrders.edges.0.node.lines.0.product.title", "myOrders.edges.0.node.lines.1.product.title"],
            response.Errors.Select(PathOf).Order(StringComparer.Ordinal));
        AssertUnavailable(response, "catalog");
    }

    /// <summary>A GoShop Gateway on the platform's subgraphs but for <paramref name="subgraph"/>, whose address is a closed port.</summary>
    private async Task<Uri> GatewayWithoutAsync(string subgraph, int port)
    {
        var supergraph = Path.Combine(platform.WorkFolder, $"supergraph-without-{subgraph}.graphql");
        var composed = await File.ReadAllTextAsync(platform.SupergraphFile);
        var pattern = new Regex($"""(@join__graph\(name: "{subgraph}", url: ")[^"]*(")""");
        Assert.Matches(pattern, composed);
        await File.WriteAllTextAsync(supergraph, pattern.Replace(composed, $"${{1}}{ClosedPort()}${{2}}"));
        return await platform.StartGatewayAsync($"gateway-without-{subgraph}", port + Platform.PortOffset, supergraph);
    }

    /// <summary>A loopback address just given up by a listener: nothing answers there, connections are refused.</summary>
    private static string ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/graphql";
    }

    private static string PathOf(JsonElement error) =>
        string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.ToString()));

    private static void AssertUnavailable(GraphQLResponse response, string subgraph) =>
        Assert.All(response.Errors, e =>
        {
            Assert.Equal("SUBGRAPH_UNAVAILABLE", e.Get("extensions.code").GetString());
            Assert.Equal(subgraph, e.Get("extensions.serviceName").GetString());
        });
}
