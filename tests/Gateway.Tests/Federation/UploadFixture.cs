using GoShop.Gateway.Tests.Federation.Subgraphs;
using GoShop.Testing;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>The files subgraph (which takes uploads) and products, behind the gateway.</summary>
public sealed class UploadFixture : IAsyncLifetime
{
    private const string Types = """
        scalar Upload @join__type(graph: FILES)

        type Query @join__type(graph: FILES) @join__type(graph: PRODUCTS) {
          maxFileSize: String! @join__field(graph: FILES)
          product(id: ID!): Product @join__field(graph: PRODUCTS)
        }

        type Mutation @join__type(graph: FILES) @join__type(graph: PRODUCTS) {
          attach(file: Upload!, caption: String): Attachment! @join__field(graph: FILES)
          attachAll(files: [Upload!]!): [Attachment!]! @join__field(graph: FILES)
          renameProduct(id: ID!, title: String!): Product! @join__field(graph: PRODUCTS)
        }

        type Attachment @join__type(graph: FILES) {
          fileName: String!
          contentType: String!
          size: Int!
          sha256: String!
          caption: String
        }

        type Product @join__type(graph: PRODUCTS, key: "id") {
          id: ID!
          title: String!
        }
        """;

    private string? _supergraphPath;

    public RequestSequence Sequence { get; } = new();

    public TestSubgraph Files { get; private set; } = null!;

    public TestSubgraph Products { get; private set; } = null!;

    internal GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Files = await FilesSubgraph.StartAsync(Sequence);
        Products = await ProductsSubgraph.StartAsync(new MarketData(), Sequence);
        _supergraphPath = TestSupergraph.WriteFile(Types, [("files", Files.Url), ("products", Products.Url)]);
        Gateway = new GatewayFactory(_supergraphPath);
        _ = Gateway.Server;
    }

    public GraphQLClient Client() => new(Gateway.CreateClient());

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Files.DisposeAsync();
        await Products.DisposeAsync();
        if (_supergraphPath is not null)
            File.Delete(_supergraphPath);
    }
}
