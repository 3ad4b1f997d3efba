using System.Text.Json;

namespace GoShop.Gateway.Tests.Federation.Library;

/// <summary>Interfaces and unions across subgraphs: fragments per object type, and members another subgraph owns fetched by their own type.</summary>
public sealed class AbstractTypeTests : IClassFixture<LibraryFixture>
{
    private readonly LibraryFixture _library;

    public AbstractTypeTests(LibraryFixture library)
    {
        _library = library;
        library.ClearReceived();
    }

    [Fact]
    public async Task An_interface_field_answers_each_object_with_the_fragments_of_its_type()
    {
        var response = await _library.Client().SendAsync("""
            { media { __typename id title ... on Book { pages } ... on Movie { minutes } ... on Podcast { host } } }
            """);

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"media":[
              {"__typename":"Book","id":"b1","title":"Dune","pages":412},
              {"__typename":"Book","id":"b2","title":"Emma","pages":300},
              {"__typename":"Book","id":"b3","title":"Ulysses","pages":730},
              {"__typename":"Movie","id":"m1","title":"Alien","minutes":117}]}
            """, response.Data);
        // Podcast is a Media only in inventory: a fragment on it would not validate in catalog.
        var catalog = Assert.Single(_library.Catalog.Take());
        Assert.DoesNotContain("Podcast", catalog.Query, StringComparison.Ordinal);
        Assert.Empty(_library.Inventory.Take());
    }

    [Fact]
    public async Task Named_fragments_on_a_union_and_on_an_interface_apply_to_the_types_they_cover()
    {
        var response = await _library.Client().SendAsync("""
            query Search { search(term: "e") { __typename ...Titled ...Runtime } }
            fragment Titled on Media { title }
            fragment Runtime on SearchResult { ... on Movie { minutes } }
            """);

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"search":[
              {"__typename":"Movie","title":"Alien","minutes":117},
              {"__typename":"Book","title":"Dune"},
              {"__typename":"Book","title":"Emma"},
              {"__typename":"Book","title":"Ulysses"}]}
            """, response.Data);
    }

    [Fact]
    public async Task A_union_member_owned_by_another_subgraph_is_fetched_by_its_own_type()
    {
        var response = await _library.Client().SendAsync("""
            { shelf { __typename ... on Book { id title } ... on Podcast { title host } } }
            """);

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"shelf":[
              {"__typename":"Book","id":"b1","title":"Dune"},
              {"__typename":"Podcast","title":"Lore","host":"Aaron"},
              {"__typename":"Book","id":"b2","title":"Emma"}]}
            """, response.Data);
        var catalog = Assert.Single(_library.Catalog.Take());
        JsonAssert.Equal("""[{"__typename":"Book","id":"b1"},{"__typename":"Book","id":"b2"}]""", catalog.Variables.GetProperty("__representations"));
    }

    [Fact]
    public async Task Typename_alone_on_an_abstract_field_needs_no_other_subgraph()
    {
        var response = await _library.Client().SendAsync("{ shelf { kind: __typename } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"shelf":[{"kind":"Book"},{"kind":"Podcast"},{"kind":"Book"}]}""", response.Data);
        Assert.Empty(_library.Catalog.Take());
    }

    [Fact]
    public void IsInterfaceObject_on_an_object_type_is_refused_naming_it()
    {
        var sdl = LibraryFixture.Supergraph.Replace(
            "type Podcast implements Media @join__implements(graph: INVENTORY, interface: \"Media\") @join__type(graph: INVENTORY, key: \"id\")",
            "type Podcast @join__type(graph: INVENTORY, key: \"id\", isInterfaceObject: true)",
            StringComparison.Ordinal);
        var path = TestSupergraph.WriteFile(sdl, [("catalog", new Uri("http://127.0.0.1:1/graphql")), ("critics", new Uri("http://127.0.0.1:1/graphql")), ("inventory", new Uri("http://127.0.0.1:1/graphql"))]);
        try
        {
            var refused = Assert.Throws<GoShop.Gateway.Supergraph.SupergraphException>(() => GoShop.Gateway.Supergraph.SupergraphDocument.Parse(File.ReadAllText(path)));
            Assert.Contains("@interfaceObject", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Podcast", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static JsonElement[] Representations(ReceivedRequest request) =>
        [.. request.Variables.EnumerateObject()
            .Where(v => v.Name.StartsWith("__representations", StringComparison.Ordinal))
            .SelectMany(v => v.Value.EnumerateArray())];
}
