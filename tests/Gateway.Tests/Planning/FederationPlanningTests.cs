using GoShop.Gateway.Planning;
using GoShop.Gateway.Supergraph;
using GoShop.Gateway.Tests.Federation;
using GraphQLParser;
using GraphQLParser.AST;

namespace GoShop.Gateway.Tests.Planning;

/// <summary>Plans for Federation v2 constructs GoShop's own supergraph does not use, against a small composed supergraph.</summary>
public sealed class FederationPlanningTests
{
    private const string Types = """
        type Query @join__type(graph: A) @join__type(graph: B) {
          viewer: Viewer
          accounts: [Account!]! @join__field(graph: B)
          role: Role @join__field(graph: A)
          chat: Chat @join__field(graph: A)
        }

        type Chat @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID! @join__field(graph: A, external: true) @join__field(graph: B)
          text: String @join__field(graph: B)
        }

        type Viewer @join__type(graph: A) @join__type(graph: B) {
          name: String @join__field(graph: A)
          score: Int @join__field(graph: B)
        }

        union Account @join__type(graph: B) @join__unionMember(graph: B, member: "User") @join__unionMember(graph: B, member: "Admin") = User | Admin

        type User @join__type(graph: A) @join__type(graph: B, key: "id") {
          id: ID @join__field(graph: A, type: "ID") @join__field(graph: B, type: "ID!")
        }

        type Admin @join__type(graph: B) {
          id: ID
        }

        enum Role @join__type(graph: A) {
          MEMBER @join__enumValue(graph: A)
          OWNER @inaccessible @join__enumValue(graph: A)
        }
        """;

    private static readonly Lazy<SupergraphDocument> Supergraph = new(() =>
    {
        var path = TestSupergraph.WriteFile(Types, [("a", new Uri("http://127.0.0.1:1/graphql")), ("b", new Uri("http://127.0.0.1:2/graphql"))]);
        try
        {
            return SupergraphDocument.Parse(File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    });

    private static OperationPlan Plan(string query)
    {
        var document = Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        return new OperationPlanner(Supergraph.Value).Plan(document, operation, _ => null);
    }

    [Fact]
    public void A_value_type_several_subgraphs_return_is_asked_of_each_for_the_fields_it_has()
    {
        var plan = Plan("{ viewer { name score } }");

        Assert.Equal(["a", "b"], plan.RootFetches.Select(f => f.Subgraph.Name));
        Assert.Equal("query{viewer{name}}", plan.RootFetches[0].Document);
        Assert.Equal("query{viewer{score}}", plan.RootFetches[1].Document);
        Assert.All(plan.RootFetches, f => Assert.Empty(f.Children));
    }

    [Fact]
    public void Fragments_selecting_one_name_with_different_types_in_a_subgraph_fetch_it_under_aliases()
    {
        var plan = Plan("{ accounts { ... on User { id } ... on Admin { id } } }");

        Assert.Equal("query{accounts{__typename ...on User{__User_id:id} ...on Admin{__Admin_id:id}}}", Assert.Single(plan.RootFetches).Document);
        var accounts = Assert.Single(plan.Selections);
        Assert.Equal("id", Assert.Single(accounts.PossibleSelections!["Admin"]).ResponseName);
    }

    [Fact]
    public void A_key_field_external_in_a_subgraph_is_no_key_for_an_object_it_returned_itself()
    {
        // a declares Chat.id @external: a Chat it returns from its own field carries no id it can vouch for, so
        // nothing reaches b's text (an answer built on a made-up key would be wrong, not just incomplete).
        var refused = Assert.Throws<PlanningException>(() => Plan("{ chat { text } }"));
        Assert.Contains("Chat.text", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inaccessible_enum_value_is_hidden_from_clients_and_checked_in_answers()
    {
        Assert.DoesNotContain("OWNER", Supergraph.Value.ClientSdl, StringComparison.Ordinal);
        Assert.Equal(["MEMBER"], Supergraph.Value.AccessibleEnumValues["Role"]);
        Assert.Equal(["MEMBER"], Assert.Single(Plan("{ role }").Selections).EnumValues!);
    }
}
