using GoShop.Testing;

namespace GoShop.Gateway.Tests.Federation.Shipping;

/// <summary>store and shipping on loopback, and the gateway in-process in front of them.</summary>
public sealed class ShippingFixture : IAsyncLifetime
{
    /// <summary>
    /// The two subgraphs composed (join spec v0.3): two @requires of one field with different arguments, a
    /// shareable Product.category whose type has no key and one field only shipping has, and an interface with an
    /// @inaccessible implementation.
    /// </summary>
    public const string Supergraph = """
        type Query @join__type(graph: SHIPPING) @join__type(graph: STORE) {
          products: [Product!]! @join__field(graph: STORE)
          items: [Item]! @join__field(graph: STORE)
          zones: [String!]! @join__field(graph: SHIPPING)
        }

        type Product @join__type(graph: SHIPPING, key: "id") @join__type(graph: STORE, key: "id") {
          id: ID!
          title: String! @join__field(graph: STORE)
          weight: Int! @join__field(graph: SHIPPING, external: true) @join__field(graph: STORE)
          price(currency: String!): Int! @join__field(graph: SHIPPING, external: true) @join__field(graph: STORE)
          category: Category!
          estimate: Int! @join__field(graph: SHIPPING, requires: "price(currency: \"USD\") weight")
          estimateEUR: Int! @join__field(graph: SHIPPING, requires: "price(currency: \"EUR\") weight")
        }

        type Category @join__type(graph: SHIPPING) @join__type(graph: STORE) {
          id: ID!
          name: String! @join__field(graph: STORE)
          zone: String! @join__field(graph: SHIPPING)
        }

        interface Item @join__type(graph: STORE) {
          name: String!
        }

        type Gadget implements Item @join__implements(graph: STORE, interface: "Item") @join__type(graph: STORE) {
          name: String!
        }

        type Prototype implements Item @join__implements(graph: STORE, interface: "Item") @join__type(graph: STORE) @inaccessible {
          name: String!
        }
        """;

    private string? _supergraphPath;

    public RequestSequence Sequence { get; } = new();

    public TestSubgraph Store { get; private set; } = null!;

    public TestSubgraph Shipping { get; private set; } = null!;

    internal GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await StoreSubgraph.StartAsync(Sequence);
        Shipping = await ShippingSubgraph.StartAsync(Sequence);
        _supergraphPath = TestSupergraph.WriteFile(Supergraph, [("shipping", Shipping.Url), ("store", Store.Url)]);
        Gateway = new GatewayFactory(_supergraphPath);
        _ = Gateway.Server;
    }

    public GraphQLClient Client() => new(Gateway.CreateClient());

    /// <summary>Forgets what the subgraphs received so far (a test then sees only its own requests).</summary>
    public void ClearReceived()
    {
        Store.Take();
        Shipping.Take();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Store.DisposeAsync();
        await Shipping.DisposeAsync();
        if (_supergraphPath is not null)
            File.Delete(_supergraphPath);
    }
}
