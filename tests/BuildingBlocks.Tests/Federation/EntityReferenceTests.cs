using System.Text.Json;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.Hosting;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.Testing;

namespace GoShop.BuildingBlocks.Tests.Federation;

/// <summary>
/// Other subgraphs' entities declared with the generic pieces: a key-only stub (<c>Maker</c>) and entities this
/// subgraph extends with fields of its own (<c>Shelf</c>, <c>Crate</c>).
/// </summary>
public sealed class EntityReferenceTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    [Fact]
    public async Task A_key_only_entity_is_an_unresolvable_stub_with_just_its_id()
    {
        var sdl = await SubgraphHosting.ExportSchemaAsync(app.App.Services);

        Assert.Contains("type Maker @key(fields: \"id\", resolvable: false) {\n  \"" + EntityKey.IdDescription("Maker") + "\"\n  id: ID!\n}",
            sdl.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Maker", EntityUnion(sdl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extended_entity_declares_a_resolvable_key_and_its_own_fields()
    {
        var sdl = await SubgraphHosting.ExportSchemaAsync(app.App.Services);

        Assert.Contains("type Shelf @key(fields: \"id\") {\n  \"" + EntityKey.IdDescription("Shelf") + "\"\n  id: ID!\n  label: String!\n}",
            sdl.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Shelf", EntityUnion(sdl), StringComparison.Ordinal);
        Assert.Contains("Crate", EntityUnion(sdl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_returns_a_reference_to_a_key_only_entity_or_null_without_an_id()
    {
        var id = Guid.NewGuid();

        var response = (await app.Client().SendAsync(
            "query($id: ID) { some: maker(id: $id) { __typename id } none: maker { id } }", new { id })).EnsureNoErrors();

        Assert.Equal(("Maker", id.ToString()), (response.Get("some.__typename").GetString(), response.Get("some.id").GetString()));
        Assert.Equal(JsonValueKind.Null, response.Get("none").ValueKind);
    }

    [Fact]
    public async Task Extended_entities_of_two_kinds_resolve_from_their_keys_in_the_order_asked()
    {
        var shelf = Guid.NewGuid();
        var crate = Guid.NewGuid();

        var response = (await app.Client().SendAsync(
            "query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Shelf { id label } ... on Crate { id label } } }",
            new
            {
                r = new object[] { new { __typename = "Crate", id = crate }, new { __typename = "Shelf", id = shelf } },
            })).EnsureNoErrors();

        var entities = response.Get("_entities").EnumerateArray()
            .Select(e => (e.GetProperty("__typename").GetString(), e.GetProperty("id").GetString(), e.GetProperty("label").GetString()));
        Assert.Equal([("Crate", crate.ToString(), $"crate {crate}"), ("Shelf", shelf.ToString(), $"shelf {shelf}")], entities);
    }

    private static string EntityUnion(string sdl) =>
        sdl.Split('\n').Single(line => line.StartsWith("union _Entity", StringComparison.Ordinal));
}
