using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Gateway.Tests.Subscriptions;

/// <summary>
/// The gateway, on Kestrel on a loopback port of its own, in front of the in-test reviews and catalog subgraphs,
/// with a supergraph written for them. WebSocket clients get one second to initialise; latestReview is a stream
/// that starts with the current state; an upstream stream silent for 2 s is broken.
/// </summary>
public sealed class SubscriptionGateway : IAsyncLifetime
{
    private ReviewsSubgraph _reviews = null!;
    private CatalogSubgraph _catalog = null!;
    private Factory _factory = null!;
    private string _supergraphFile = "";

    internal ReviewsSubgraph Reviews => _reviews;

    internal CatalogSubgraph Catalog => _catalog;

    public Uri Url { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Execution.SubscriptionHub Hub => _factory.Services.GetRequiredService<Execution.SubscriptionHub>();

    public async Task InitializeAsync()
    {
        _reviews = await ReviewsSubgraph.StartAsync();
        _catalog = await CatalogSubgraph.StartAsync();
        _supergraphFile = Path.Combine(Path.GetTempPath(), $"goshop-gateway-subscriptions-{Guid.NewGuid():N}.graphql");
        await File.WriteAllTextAsync(_supergraphFile, Supergraph(_reviews.Url, _catalog.Url));

        _factory = new Factory(_supergraphFile);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/graphql");
        Http = new HttpClient { BaseAddress = new Uri(Url.GetLeftPart(UriPartial.Authority)) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        await _reviews.DisposeAsync();
        await _catalog.DisposeAsync();
        File.Delete(_supergraphFile);
    }

    /// <summary>Reviews owns the subscription and reviews; catalog owns products' names; both know products by id.</summary>
    private static string Supergraph(Uri reviews, Uri catalog) => $$"""
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) {
          query: Query
          subscription: Subscription
        }

        directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

        scalar join__FieldSet
        scalar link__Import

        enum link__Purpose {
          SECURITY
          EXECUTION
        }

        enum join__Graph {
          CATALOG @join__graph(name: "catalog", url: "{{catalog}}")
          REVIEWS @join__graph(name: "reviews", url: "{{reviews}}")
        }

        type Product @join__type(graph: CATALOG, key: "id") @join__type(graph: REVIEWS, key: "id") {
          id: ID!
          name: String! @join__field(graph: CATALOG)
        }

        type Review @join__type(graph: REVIEWS) {
          id: ID!
          body: String!
          product: Product!
        }

        type Query @join__type(graph: CATALOG) @join__type(graph: REVIEWS) {
          product(id: ID!): Product @join__field(graph: CATALOG)
        }

        type Subscription @join__type(graph: REVIEWS) {
          reviewAdded(productId: ID!): Review! @join__field(graph: REVIEWS)
          latestReview(productId: ID!): Review! @join__field(graph: REVIEWS)
        }
        """;

    private sealed class Factory(string supergraphFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gateway:Supergraph"] = supergraphFile,
                ["Gateway:WebSocketInitTimeoutSeconds"] = "1",
                ["Gateway:CurrentStateSubscriptions:0"] = "latestReview",
                ["Gateway:SubscriptionIdleSeconds"] = "2",
            }));
        }
    }
}
