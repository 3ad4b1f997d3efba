using System.Text.Json;
using GoShop.Gateway.Tests.Federation.Library;

namespace GoShop.Gateway.Tests.Federation.Shipping;

/// <summary>@requires of one field with different arguments, fields reached only through the parent entity, and a hidden implementation of an interface.</summary>
public sealed class ShippingTests : IClassFixture<ShippingFixture>
{
    private readonly ShippingFixture _fixture;

    public ShippingTests(ShippingFixture fixture)
    {
        _fixture = fixture;
        fixture.ClearReceived();
    }

    [Fact]
    public async Task Fields_requiring_one_field_with_different_arguments_get_a_representation_each()
    {
        var response = await _fixture.Client().SendAsync("{ products { id estimate estimateEUR } }");

        Assert.Empty(response.Errors);
        // 10 USD (20 EUR) × 2 and 20 USD (40 EUR) × 3.
        JsonAssert.Equal("""{"products":[{"id":"p1","estimate":20,"estimateEUR":40},{"id":"p2","estimate":60,"estimateEUR":120}]}""", response.Data);
        var store = Assert.Single(_fixture.Store.Take());
        Assert.Contains("price(currency:\"USD\")", store.Query, StringComparison.Ordinal);
        Assert.Contains("price(currency:\"EUR\")", store.Query, StringComparison.Ordinal);
        // One request to shipping, a part per price.
        var shipping = Assert.Single(_fixture.Shipping.Take());
        Assert.Contains("r0:_entities", shipping.Query, StringComparison.Ordinal);
        Assert.Contains("r1:_entities", shipping.Query, StringComparison.Ordinal);
        var prices = AbstractTypeTests.Representations(shipping).Select(r => r.GetProperty("price").GetInt32()).Order().ToList();
        Assert.Equal([10, 20, 20, 40], prices);
    }

    [Fact]
    public async Task Fields_of_a_type_without_a_key_are_asked_through_the_parent_entity()
    {
        var response = await _fixture.Client().SendAsync("{ products { title category { name zone } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"products":[
              {"title":"Kettle","category":{"name":"Kitchen","zone":"A"}},
              {"title":"Lamp","category":{"name":"Lighting","zone":"B"}}]}
            """, response.Data);
        // Category has no key: shipping is asked for the products' category, with only what store does not have.
        var shipping = Assert.Single(_fixture.Shipping.Take());
        Assert.Contains("...on Product{category{zone}}", shipping.Query, StringComparison.Ordinal);
        JsonAssert.Equal("""[{"__typename":"Product","id":"p1"},{"__typename":"Product","id":"p2"}]""", JsonSerializer.SerializeToElement(AbstractTypeTests.Representations(shipping)));
    }

    [Fact]
    public async Task An_object_of_a_hidden_type_is_null_with_an_error()
    {
        var response = await _fixture.Client().SendAsync("{ items { name } }");

        JsonAssert.Equal("""{"items":[{"name":"Toaster"},null]}""", response.Data);
        var error = Assert.Single(response.Errors);
        JsonAssert.Equal("""["items",1]""", error.GetProperty("path"));
        Assert.Contains("Prototype", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
