using System.Text;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>
/// Supergraphs for the test subgraphs, written by hand in the form composition gives (join spec v0.3, as in
/// schema/supergraph.graphql), with the subgraphs' loopback addresses filled in.
/// </summary>
public static class TestSupergraph
{
    private const string Header = """
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) {
          query: Query
          mutation: Mutation
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

        """;

    /// <summary>products, shops and reviews (<see cref="Subgraphs.ProductsSubgraph"/> and the others): entities across three subgraphs, a shared value type, mutations in two.</summary>
    public const string Market = """
        type Query @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) @join__type(graph: SHOPS) {
          products: [Product!]! @join__field(graph: PRODUCTS)
          product(id: ID!): Product @join__field(graph: PRODUCTS)
          shops: [Shop!]! @join__field(graph: SHOPS)
          shop(id: ID!): Shop @join__field(graph: SHOPS)
          reviewCount: Int @join__field(graph: REVIEWS)
          "Composed from an older products schema: the running products subgraph no longer has it."
          discontinued: String @join__field(graph: PRODUCTS)
        }

        type Mutation @join__type(graph: PRODUCTS) @join__type(graph: SHOPS) {
          renameProduct(id: ID!, title: String!): Product! @join__field(graph: PRODUCTS)
          renameShop(id: ID!, name: String!): Shop! @join__field(graph: SHOPS)
        }

        type Product @join__type(graph: PRODUCTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
          id: ID!
          title: String! @join__field(graph: PRODUCTS)
          price: Money! @join__field(graph: PRODUCTS)
          shop: Shop! @join__field(graph: PRODUCTS)
          related: [Product!]! @join__field(graph: PRODUCTS)
          reviews(minStars: Int): [Review!] @join__field(graph: REVIEWS)
        }

        type Shop @join__type(graph: PRODUCTS, key: "id", resolvable: false) @join__type(graph: REVIEWS, key: "id", resolvable: false) @join__type(graph: SHOPS, key: "id") {
          id: ID!
          name: String! @join__field(graph: SHOPS)
          contact: String @join__field(graph: SHOPS)
          minimumOrder: Money! @join__field(graph: SHOPS)
        }

        type Money @join__type(graph: PRODUCTS) @join__type(graph: SHOPS) {
          amount: Float!
          currency: String!
        }

        type Review @join__type(graph: REVIEWS) {
          id: ID!
          body: String!
          stars: Int!
          seller: Shop!
        }
        """;

    /// <summary>A supergraph file of <paramref name="types"/> served by <paramref name="subgraphs"/> (join__Graph value = upper-cased name).</summary>
    public static string WriteFile(string types, IEnumerable<(string Name, Uri Url)> subgraphs)
    {
        // A supergraph without mutations names no mutation type.
        var sdl = new StringBuilder(types.Contains("type Mutation ", StringComparison.Ordinal) ? Header : Header.Replace("  mutation: Mutation\n", "", StringComparison.Ordinal));
        sdl.Append("enum join__Graph {\n");
        foreach (var (name, url) in subgraphs)
            sdl.Append("  ").Append(name.ToUpperInvariant()).Append(" @join__graph(name: \"").Append(name).Append("\", url: \"").Append(url).Append("\")\n");
        sdl.Append("}\n\n").Append(types).Append('\n');
        var path = Path.Combine(Path.GetTempPath(), $"goshop-gateway-test-{Guid.NewGuid():N}.graphql");
        File.WriteAllText(path, sdl.ToString());
        return path;
    }
}
