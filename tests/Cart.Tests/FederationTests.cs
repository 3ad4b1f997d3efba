using System.Text.Json;
using GoShop.Cart.Tests.Support;
using GoShop.Testing;

namespace GoShop.Cart.Tests;

/// <summary>The cart subgraph as the gateway sees it: its SDL, and its entities, readable by their owner only.</summary>
[Collection(CartCollection.Name)]
public sealed class FederationTests(CartApp app)
{
    [Fact]
    public async Task The_checked_in_cart_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "cart");
    }

    [Fact]
    public async Task A_cart_resolves_through_entities_for_its_owner_only()
    {
        var owner = app.NewBuyer();
        var stranger = app.NewBuyer();
        var cart = await owner.AddOkAsync(app.Product(), 3);
        var representations = new[] { cart.Id(), Guid.CreateVersion7() }.Select(id => Representation("Cart", id));

        var asOwner = (await owner.Client.SendAsync(Operations.ResolveCarts, new { representations })).EnsureNoErrors();
        var asStranger = (await stranger.Client.SendAsync(Operations.ResolveCarts, new { representations })).EnsureNoErrors();
        var anonymous = (await app.Client().SendAsync(Operations.ResolveCarts, new { representations })).EnsureNoErrors();

        Assert.Equal(cart.Id(), asOwner.Get("_entities.0").Id());
        Assert.Equal(3, asOwner.Get("_entities.0.itemCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, asOwner.Get("_entities.1").ValueKind);
        Assert.All([asStranger, anonymous], response =>
            Assert.All(response.Get("_entities").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.ValueKind)));
    }

    [Fact]
    public async Task A_saved_cart_resolves_through_entities_for_its_owner_only()
    {
        var owner = app.NewBuyer();
        await owner.AddOkAsync(app.Product(), 2);
        var saved = (await owner.Client.MutateAsync(Operations.SaveCart, new { input = new { name = "Đồ Tết" } })).Succeeded().GetProperty("savedCart");
        var representations = new[] { Representation("SavedCart", saved.Id()) };

        var asOwner = (await owner.Client.SendAsync(Operations.ResolveSavedCarts, new { representations })).EnsureNoErrors();
        var asStranger = (await app.NewBuyer().Client.SendAsync(Operations.ResolveSavedCarts, new { representations })).EnsureNoErrors();

        Assert.Equal(("Đồ Tết", 2), (asOwner.Get("_entities.0").Text("name"), asOwner.Get("_entities.0.itemCount").GetInt32()));
        Assert.Equal(JsonValueKind.Null, asStranger.Get("_entities.0").ValueKind);
    }

    private static Dictionary<string, object> Representation(string type, Guid id) => new() { ["__typename"] = type, ["id"] = id.ToString() };
}
