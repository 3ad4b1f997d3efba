using GoShop.BuildingBlocks.Hosting;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Testing;

namespace GoShop.BuildingBlocks.Tests.Federation;

/// <summary>What a subgraph tells the gateway (its SDL) and how it resolves entities it only extends.</summary>
public sealed class FederationTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    [Fact]
    public async Task The_SDL_declares_keys_external_and_required_fields_and_shareable_value_types()
    {
        var sdl = await SubgraphHosting.ExportSchemaAsync(app.App.Services);

        Assert.Contains("@link(url: \"https://specs.apollo.dev/federation/v2.3\"", sdl, StringComparison.Ordinal);
        Assert.Contains("type Widget @key(fields: \"id\")", sdl, StringComparison.Ordinal);
        Assert.Contains("type Parcel @key(fields: \"id\")", sdl, StringComparison.Ordinal);
        Assert.Contains("weightGrams: Int! @external", sdl, StringComparison.Ordinal);
        Assert.Contains("shippingFee: Int! @requires(fields: \"weightGrams\")", sdl, StringComparison.Ordinal);
        Assert.Contains("type PageInfo @shareable", sdl, StringComparison.Ordinal);
        var entities = sdl.Split('\n').Single(line => line.StartsWith("union _Entity", StringComparison.Ordinal));
        Assert.Contains("Parcel", entities, StringComparison.Ordinal);
        Assert.Contains("Widget", entities, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_that_requires_an_external_one_is_computed_from_the_representation()
    {
        var response = (await app.Client().SendAsync(
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Parcel { id shippingFee } } }",
            new
            {
                r = new object[]
                {
                    new { __typename = "Parcel", id = Guid.NewGuid(), weightGrams = 1_200 },
                    new { __typename = "Parcel", id = Guid.NewGuid(), weightGrams = 300 },
                },
            })).EnsureNoErrors();

        Assert.Equal(ParcelType.BaseFee + 2 * ParcelType.FeePerHalfKilogram, response.Get("_entities.0.shippingFee").GetInt32());
        Assert.Equal(ParcelType.BaseFee, response.Get("_entities.1.shippingFee").GetInt32());
    }

    [Fact]
    public async Task A_representation_of_an_unknown_type_is_refused_as_bad_input()
    {
        var response = await app.Client().SendAsync(
            "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }",
            new { r = new object[] { new { __typename = "Spaceship", id = Guid.NewGuid() } } });

        Assert.NotEmpty(response.Errors);
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", response.ErrorCodes);
    }
}
