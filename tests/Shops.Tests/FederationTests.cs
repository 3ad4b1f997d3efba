using System.Text.Json;
using GoShop.BuildingBlocks.Domain;
using GoShop.Shops.Domain;
using GoShop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace GoShop.Shops.Tests;

/// <summary>The shops subgraph as the gateway sees it: its SDL, its entities and the User.shops it adds to identity's User.</summary>
public sealed class FederationTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    private const string ResolveShops =
        "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Shop { id name slug status owner { id } logo { id } location { lat lng } } } }";

    private const string ResolveUserShops =
        "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id shops { id name status } } } }";

    [Fact]
    public async Task The_checked_in_shops_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "shops");
    }

    [Fact]
    public async Task Resolving_a_hundred_shop_references_costs_one_sql_command()
    {
        var shops = await InsertShopsAsync(Enumerable.Repeat(Guid.CreateVersion7(), 100).ToList(), "Reference");
        var representations = shops.Select(s => Representation("Shop", s.Id)).ToList();

        app.Factory.Commands.Reset();
        var response = (await app.Client().SendAsync(ResolveShops, new { representations })).EnsureNoErrors();

        Assert.True(app.Factory.Commands.Count == 1, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
        var entities = response.Get("_entities").EnumerateArray().ToList();
        Assert.Equal(shops.Select(s => s.Id), entities.Select(e => e.Id()));
        Assert.All(entities, e => Assert.Equal(shops[0].OwnerId, e.GetProperty("owner").Id()));
    }

    [Fact]
    public async Task Entities_answer_in_the_order_asked_with_null_for_unknown_shops()
    {
        var shops = await InsertShopsAsync([Guid.CreateVersion7(), Guid.CreateVersion7()], "Ordered");
        var representations = new[] { shops[1].Id, Guid.CreateVersion7(), shops[0].Id }.Select(id => Representation("Shop", id));

        var response = (await app.Client().SendAsync(ResolveShops, new { representations })).EnsureNoErrors();

        Assert.Equal([shops[1].Id, (Guid?)null, shops[0].Id],
            response.Get("_entities").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (Guid?)null : e.Id()));
        Snapshot.Match(JToken.Parse(response.Get("_entities").GetRawText()), options => options.IgnoreAllFields("id").IgnoreAllFields("slug"));
    }

    [Fact]
    public async Task User_shops_of_a_hundred_users_costs_one_sql_command_and_shows_others_only_active_shops()
    {
        var owners = Enumerable.Range(0, 100).Select(_ => Guid.CreateVersion7()).ToList();
        var shops = await InsertShopsAsync(owners, "Owned");
        var second = await InsertShopsAsync([owners[0]], "Second");
        var owner = app.NewUser();
        owners[1] = owner.Id;
        var open = await owner.CreateShopIdAsync(Operations.ShopInput($"Mở {ShopMutationTests.Unique()}"));
        var closed = await owner.CreateShopIdAsync(Operations.ShopInput($"Đóng {ShopMutationTests.Unique()}"));
        (await owner.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId = closed } })).Succeeded();
        var representations = owners.Select(id => Representation("User", id)).ToList();

        app.Factory.Commands.Reset();
        var asStranger = (await app.Client().SendAsync(ResolveUserShops, new { representations })).EnsureNoErrors();
        Assert.True(app.Factory.Commands.Count == 1, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
        var asOwner = (await owner.Client.SendAsync(ResolveUserShops, new { representations = representations.Take(2) })).EnsureNoErrors();

        var users = asStranger.Get("_entities").EnumerateArray().ToList();
        Assert.Equal(owners, users.Select(u => u.Id()));
        Assert.Equal([second[0].Id, shops[0].Id], ShopIds(users[0]));
        Assert.Equal([open], ShopIds(users[1]));
        Assert.Equal([shops[99].Id], ShopIds(users[99]));
        Assert.Equal([closed, open], ShopIds(asOwner.Get("_entities")[1]));
    }

    private static List<Guid> ShopIds(JsonElement user) => user.GetProperty("shops").EnumerateArray().Select(s => s.Id()).ToList();

    private static Dictionary<string, object> Representation(string type, Guid id) => new() { ["__typename"] = type, ["id"] = id.ToString() };

    /// <summary>Shops written straight to the database, one per owner given, in order.</summary>
    private async Task<List<Shop>> InsertShopsAsync(IReadOnlyList<Guid> owners, string namePrefix)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.ShopsDbContext>();
        var now = app.Clock.GetUtcNow();
        var shops = owners.Select((owner, i) => Shop.Open(owner, $"{namePrefix.ToLowerInvariant()}-{Guid.NewGuid():N}",
            new ShopProfile($"{namePrefix} Shop {i + 1}", null, "1 Tràng Tiền, Hà Nội", "Hà Nội", new GeoPoint(21.0245, 105.8575), null, null,
                null, null, ["electronics"]), now)).ToList();
        db.Shops.AddRange(shops);
        await db.SaveChangesAsync();
        return shops;
    }
}
