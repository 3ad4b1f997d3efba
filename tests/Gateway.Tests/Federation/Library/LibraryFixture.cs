using GoShop.Testing;

namespace GoShop.Gateway.Tests.Federation.Library;

/// <summary>catalog, inventory and critics on loopback, and the gateway in-process in front of them.</summary>
public sealed class LibraryFixture : IAsyncLifetime
{
    /// <summary>
    /// The three subgraphs composed (join spec v0.3, as @theguild/federation-composition writes it): an interface
    /// implemented in two subgraphs, unions in two, a compound key, @requires, @provides.
    /// </summary>
    public const string Supergraph = """
        type Query @join__type(graph: CATALOG) @join__type(graph: CRITICS) @join__type(graph: INVENTORY) {
          media: [Media!]! @join__field(graph: CATALOG)
          search(term: String!): [SearchResult!]! @join__field(graph: CATALOG)
          book(id: ID!): Book @join__field(graph: CATALOG)
          latestReviews: [Review!]! @join__field(graph: CRITICS)
          shelf: [Shelf!]! @join__field(graph: INVENTORY)
        }

        interface Media @join__type(graph: CATALOG) @join__type(graph: INVENTORY) {
          id: ID!
          title: String!
        }

        type Book implements Media
          @join__implements(graph: CATALOG, interface: "Media")
          @join__type(graph: CATALOG, key: "id")
          @join__type(graph: CATALOG, key: "isbn edition")
          @join__type(graph: CRITICS, key: "isbn edition")
          @join__type(graph: INVENTORY, key: "id") {
          id: ID! @join__field(graph: CATALOG) @join__field(graph: INVENTORY)
          title: String! @join__field(graph: CATALOG) @join__field(graph: CRITICS, external: true)
          pages: Int! @join__field(graph: CATALOG) @join__field(graph: INVENTORY, external: true)
          isbn: String @join__field(graph: CATALOG) @join__field(graph: CRITICS)
          edition: Int @join__field(graph: CATALOG) @join__field(graph: CRITICS)
          reviews: [Review!] @join__field(graph: CRITICS)
          shippingCost: Int! @join__field(graph: INVENTORY, requires: "pages")
        }

        type Movie implements Media @join__implements(graph: CATALOG, interface: "Media") @join__type(graph: CATALOG, key: "id") {
          id: ID!
          title: String!
          minutes: Int!
        }

        type Podcast implements Media @join__implements(graph: INVENTORY, interface: "Media") @join__type(graph: INVENTORY, key: "id") {
          id: ID!
          title: String!
          host: String!
        }

        type Review @join__type(graph: CRITICS) {
          id: ID!
          body: String!
          book: Book! @join__field(graph: CRITICS, provides: "title")
        }

        union SearchResult @join__type(graph: CATALOG) @join__unionMember(graph: CATALOG, member: "Book") @join__unionMember(graph: CATALOG, member: "Movie") = Book | Movie

        union Shelf @join__type(graph: INVENTORY) @join__unionMember(graph: INVENTORY, member: "Book") @join__unionMember(graph: INVENTORY, member: "Podcast") = Book | Podcast
        """;

    private string? _supergraphPath;

    public RequestSequence Sequence { get; } = new();

    public TestSubgraph Catalog { get; private set; } = null!;

    public TestSubgraph Inventory { get; private set; } = null!;

    public TestSubgraph Critics { get; private set; } = null!;

    internal GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Catalog = await CatalogSubgraph.StartAsync(Sequence);
        Inventory = await InventorySubgraph.StartAsync(Sequence);
        Critics = await CriticsSubgraph.StartAsync(Sequence);
        _supergraphPath = TestSupergraph.WriteFile(Supergraph, [("catalog", Catalog.Url), ("critics", Critics.Url), ("inventory", Inventory.Url)]);
        Gateway = new GatewayFactory(_supergraphPath);
        _ = Gateway.Server;
    }

    public GraphQLClient Client() => new(Gateway.CreateClient());

    /// <summary>Forgets what the subgraphs received so far (a test then sees only its own requests).</summary>
    public void ClearReceived()
    {
        Catalog.Take();
        Inventory.Take();
        Critics.Take();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Catalog.DisposeAsync();
        await Inventory.DisposeAsync();
        await Critics.DisposeAsync();
        if (_supergraphPath is not null)
            File.Delete(_supergraphPath);
    }
}
