namespace GoShop.Gateway.Tests.Federation.Library;

/// <summary>@requires, @provides, compound keys and null keys across catalog, inventory and critics.</summary>
public sealed class RequiresProvidesKeysTests : IClassFixture<LibraryFixture>
{
    private readonly LibraryFixture _library;

    public RequiresProvidesKeysTests(LibraryFixture library)
    {
        _library = library;
        library.ClearReceived();
    }

    [Fact]
    public async Task A_required_field_the_parent_subgraph_resolves_is_sent_in_the_representation()
    {
        var response = await _library.Client().SendAsync("""{ book(id: "b1") { title shippingCost } }""");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"book":{"title":"Dune","shippingCost":5}}""", response.Data);
        var inventory = Assert.Single(_library.Inventory.Take());
        JsonAssert.Equal("""[{"__typename":"Book","id":"b1","pages":412}]""", inventory.Variables.GetProperty("__representations"));
    }

    [Fact]
    public async Task A_required_field_of_another_subgraph_is_fetched_first_even_when_the_parent_is_the_requiring_subgraph()
    {
        var response = await _library.Client().SendAsync("{ shelf { ... on Book { id shippingCost } ... on Podcast { host } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"shelf":[{"id":"b1","shippingCost":5},{"host":"Aaron"},{"id":"b2","shippingCost":4}]}""", response.Data);
        var catalog = Assert.Single(_library.Catalog.Take());
        var inventory = _library.Inventory.Take();
        Assert.Equal(2, inventory.Count);
        Assert.True(catalog.Sequence < inventory[1].Sequence);
        JsonAssert.Equal(
            """[{"__typename":"Book","id":"b1","pages":412},{"__typename":"Book","id":"b2","pages":300}]""",
            inventory[1].Variables.GetProperty("__representations"));
    }

    [Fact]
    public async Task A_provided_field_is_answered_by_the_providing_subgraph_alone()
    {
        var response = await _library.Client().SendAsync("{ latestReviews { body book { title } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"latestReviews":[{"body":"Epic","book":{"title":"Dune"}},{"body":"Dense","book":{"title":"Ulysses"}}]}""", response.Data);
        Assert.Empty(_library.Catalog.Take());
    }

    [Fact]
    public async Task Fields_beside_a_provided_one_are_fetched_by_the_compound_key()
    {
        var response = await _library.Client().SendAsync("{ latestReviews { book { title pages } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"latestReviews":[{"book":{"title":"Dune","pages":412}},{"book":{"title":"Ulysses","pages":730}}]}""", response.Data);
        var catalog = Assert.Single(_library.Catalog.Take());
        JsonAssert.Equal(
            """[{"__typename":"Book","isbn":"isbn-1","edition":1},{"__typename":"Book","isbn":"isbn-3","edition":2}]""",
            catalog.Variables.GetProperty("__representations"));
        Assert.DoesNotContain("title", catalog.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_object_whose_key_is_null_is_not_sent_and_its_field_stays_null()
    {
        var response = await _library.Client().SendAsync("{ media { ... on Book { title reviews { body } } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"media":[
              {"title":"Dune","reviews":[{"body":"Epic"}]},
              {"title":"Emma","reviews":null},
              {"title":"Ulysses","reviews":[{"body":"Dense"},{"body":"Brilliant"}]},
              {}]}
            """, response.Data);
        var critics = Assert.Single(_library.Critics.Take());
        JsonAssert.Equal(
            """[{"__typename":"Book","isbn":"isbn-1","edition":1},{"__typename":"Book","isbn":"isbn-3","edition":2}]""",
            critics.Variables.GetProperty("__representations"));
    }

    [Fact]
    public async Task A_key_the_parent_subgraph_lacks_is_fetched_from_a_subgraph_it_has_a_key_for()
    {
        var response = await _library.Client().SendAsync("{ shelf { ... on Book { id reviews { body } } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"shelf":[{"id":"b1","reviews":[{"body":"Epic"}]},{},{"id":"b2","reviews":null}]}""", response.Data);
        var catalog = Assert.Single(_library.Catalog.Take());
        JsonAssert.Equal("""[{"__typename":"Book","id":"b1"},{"__typename":"Book","id":"b2"}]""", catalog.Variables.GetProperty("__representations"));
        var critics = Assert.Single(_library.Critics.Take());
        Assert.True(catalog.Sequence < critics.Sequence);
        JsonAssert.Equal("""[{"__typename":"Book","isbn":"isbn-1","edition":1}]""", critics.Variables.GetProperty("__representations"));
    }
}
