using GoShop.Gateway.Planning;
using GoShop.Gateway.Supergraph;
using GoShop.Testing;
using GraphQLParser;
using GraphQLParser.AST;

namespace GoShop.Gateway.Tests.Planning;

/// <summary>How operations of the storefront are planned against the repository's own supergraph.</summary>
public sealed class PlannerTests
{
    private static readonly Lazy<SupergraphDocument> Supergraph = new(() =>
        SupergraphDocument.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "schema", "supergraph.graphql"))));

    private static OperationPlan Plan(string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var document = Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        return new OperationPlanner(Supergraph.Value).Plan(document, operation, name => variables?.GetValueOrDefault(name));
    }

    [Fact]
    public void A_field_of_another_subgraph_is_fetched_by_key_after_the_objects_that_carry_it()
    {
        var plan = Plan("query Listing { products(first: 2) { edges { node { title shop { name } } } } }");

        var root = Assert.Single(plan.RootFetches);
        Assert.Equal("catalog", root.Subgraph.Name);
        Assert.Equal("query Listing{products(first:2){edges{node{title shop{__key_id:id}}}}}", root.Document);
        var shops = Assert.Single(root.Children);
        Assert.Equal("shops", shops.Subgraph.Name);
        Assert.Equal(["products", "edges", "node", "shop"], shops.Path);
        Assert.Equal("query($__representations:[_Any!]!){_entities(representations:$__representations){...on Shop{name}}}", shops.Document);
        Assert.Equal([new RepresentationField("__key_id", "id", IsKey: true)], shops.KeyFields);
    }

    [Fact]
    public void Root_fields_of_one_subgraph_share_a_fetch_and_only_the_variables_a_fetch_uses_are_sent()
    {
        var plan = Plan("query Home($n: Int!, $q: String) { a: products(first: $n) { totalCount } b: products(first: 1) { totalCount } shops(first: $n) { totalCount } }");

        Assert.Equal(["catalog", "shops"], plan.RootFetches.Select(f => f.Subgraph.Name));
        Assert.Equal("query Home($n:Int!){a:products(first:$n){totalCount} b:products(first:1){totalCount}}", plan.RootFetches[0].Document);
        Assert.Equal(["n"], plan.RootFetches[0].Variables);
    }

    [Fact]
    public void Skip_and_include_decide_the_plan_from_the_variables()
    {
        const string query = "query($withShop: Boolean!) { products(first: 1) { edges { node { title shop @include(if: $withShop) { name } } } } }";

        Assert.Empty(Plan(query, new Dictionary<string, object?> { ["withShop"] = false }).RootFetches[0].Children);
        Assert.Single(Plan(query, new Dictionary<string, object?> { ["withShop"] = true }).RootFetches[0].Children);
    }

    [Fact]
    public void Entities_one_subgraph_gives_at_several_places_go_to_it_in_one_request()
    {
        var plan = Plan("""
            query NestedShops($id: ID!) {
              product(id: $id) {
                title
                shop { name products(first: 5) { edges { node { title shop { name city } } } } }
              }
            }
            """);

        var root = Assert.Single(plan.RootFetches);
        Assert.Equal(2, root.Children.Count);
        var batch = Assert.Single(root.ChildBatches);
        Assert.Equal("shops", batch.Subgraph.Name);
        Assert.Equal(
            "query($__representations0:[_Any!]!,$__representations1:[_Any!]!){" +
            "r0:_entities(representations:$__representations0){...on Shop{name city}} " +
            "r1:_entities(representations:$__representations1){...on Shop{name}}}",
            batch.Document);
        Assert.Equal([["product", "shop", "products", "edges", "node", "shop"], ["product", "shop"]], batch.Parts.Select(p => p.Path));
    }
}
