using System.Text.Json;
using GoShop.Gateway.Tests.Federation.Library;

namespace GoShop.Gateway.Tests.Federation.InterfaceObjects;

/// <summary>
/// @interfaceObject: profiles adds a field to every implementation of an interface it declares as an object type,
/// and returns accounts without knowing their type; accounts has the real interface and tells the type.
/// </summary>
public sealed class InterfaceObjectTests : IClassFixture<InterfaceObjectFixture>
{
    private readonly InterfaceObjectFixture _fixture;

    public InterfaceObjectTests(InterfaceObjectFixture fixture)
    {
        _fixture = fixture;
        fixture.ClearReceived();
    }

    [Fact]
    public async Task A_field_of_the_interface_object_is_fetched_for_each_implementation_as_the_interface()
    {
        var response = await _fixture.Client().SendAsync("{ accounts { id name ... on Admin { level } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"accounts":[
              {"id":"a1","name":"Ada","level":3},
              {"id":"a2","name":"Bo"},
              {"id":"a3","name":"Cy","level":1}]}
            """, response.Data);
        Assert.Single(_fixture.Accounts.Take());
        // profiles knows no Admin or Regular: it is asked for Accounts (in one request, a part per type).
        var profiles = Assert.Single(_fixture.Profiles.Take());
        Assert.Contains("...on Account{name}", profiles.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin", profiles.Query, StringComparison.Ordinal);
        JsonAssert.Equal(
            """[{"__typename":"Account","id":"a1"},{"__typename":"Account","id":"a2"},{"__typename":"Account","id":"a3"}]""",
            JsonSerializer.SerializeToElement(AbstractTypeTests.Representations(profiles).OrderBy(r => r.GetProperty("id").GetString(), StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Objects_of_the_interface_object_need_no_type_when_the_selection_is_the_same_for_every_type()
    {
        var response = await _fixture.Client().SendAsync("{ topAccounts { id name } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"topAccounts":[{"id":"a3","name":"Cy"},{"id":"a1","name":"Ada"},{"id":"a2","name":"Bo"}]}""", response.Data);
        Assert.Single(_fixture.Profiles.Take());
        Assert.Empty(_fixture.Accounts.Take());
    }

    [Fact]
    public async Task The_type_of_an_interface_object_is_asked_of_the_subgraph_with_the_interface_and_its_fields_follow()
    {
        var response = await _fixture.Client().SendAsync("""
            { topAccounts { __typename name ... on Admin { level } ... on Regular { since } } }
            """);

        Assert.Empty(response.Errors);
        // profiles would call each of them "Account": the types are accounts' answer.
        JsonAssert.Equal("""
            {"topAccounts":[
              {"__typename":"Admin","name":"Cy","level":1},
              {"__typename":"Admin","name":"Ada","level":3},
              {"__typename":"Regular","name":"Bo","since":2019}]}
            """, response.Data);
        var profiles = Assert.Single(_fixture.Profiles.Take());
        Assert.DoesNotContain("__typename", profiles.Query, StringComparison.Ordinal);
        var accounts = _fixture.Accounts.Take();
        Assert.Equal(2, accounts.Count);
        var (typeAsked, fieldsAsked) = accounts[0].Sequence < accounts[1].Sequence ? (accounts[0], accounts[1]) : (accounts[1], accounts[0]);
        Assert.Contains("...on Account{__typename}", typeAsked.Query, StringComparison.Ordinal);
        Assert.All(AbstractTypeTests.Representations(typeAsked), r => Assert.Equal("Account", r.GetProperty("__typename").GetString()));
        // Once the types are known, each type's own fields are asked by that type's key.
        Assert.Contains("...on Admin{level}", fieldsAsked.Query, StringComparison.Ordinal);
        Assert.Contains("...on Regular{since}", fieldsAsked.Query, StringComparison.Ordinal);
        JsonAssert.Equal(
            """[{"__typename":"Admin","id":"a3"},{"__typename":"Admin","id":"a1"},{"__typename":"Regular","id":"a2"}]""",
            JsonSerializer.SerializeToElement(AbstractTypeTests.Representations(fieldsAsked)));
    }

    [Fact]
    public async Task An_empty_selection_of_an_interface_object_answers_empty_objects()
    {
        var response = await _fixture.Client().SendAsync("{ topAccounts { ... on Admin @include(if: false) { level } } }");

        Assert.Empty(response.Errors);
        // profiles' own __typename ("Account") is no type of the schema: it is asked under an alias of the gateway's.
        JsonAssert.Equal("""{"topAccounts":[{},{},{}]}""", response.Data);
        Assert.Empty(_fixture.Accounts.Take());
    }

    [Fact]
    public async Task A_fragment_on_one_type_applies_only_to_objects_of_that_type()
    {
        var response = await _fixture.Client().SendAsync("{ topAccounts { ... on Regular { id name } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"topAccounts":[{},{},{"id":"a2","name":"Bo"}]}""", response.Data);
    }
}
