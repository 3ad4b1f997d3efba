using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// An admin suspends a seller through the gateway: the seller is signed out and cannot sign in, their shop leaves the
/// shop lists and their products leave search; reinstated, all of it comes back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SuspensionTests(Platform platform)
{
    private const string Errors = "userErrors { code field message }";

    private const string Search = "query($text: String!, $shopId: ID!) { products(where: { text: $text, shopId: $shopId }, first: 5) { totalCount } }";

    private const string Nearby = "query { shopsNear(location: { lat: 21.0245, lng: 105.8570 }, radiusKm: 1) { shop { id } } }";

    [Fact]
    public async Task A_suspended_sellers_shop_and_products_disappear_for_buyers_and_come_back_when_reinstated()
    {
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var me = (await shop.Seller.Client.SendAsync("{ me { id email } }")).EnsureNoErrors().Get("me");
        var title = (await shop.Seller.Client.SendAsync("query($id: ID!) { product(id: $id) { title } }", new { id = shop.ProductIds[0] }))
            .EnsureNoErrors().Get("product.title").GetString()!;
        var buyer = platform.Client();
        await Eventually.HoldsAsync(async () => await FoundAsync(buyer, title, shop.ShopId) == 1, "the product to be searchable");
        Assert.True(await NearbyAsync(buyer, shop.ShopId));
        var admin = await LoginAsync("admin@goshop.dev", "GoShop-demo-1");

        (await admin.MutateAsync("mutation($input: SuspendUserInput!) { suspendUser(input: $input) { user { id } " + Errors + " } }",
            new { input = new { userId = me.GetProperty("id").GetString(), reason = "Hàng giả" } })).Succeeded();

        Assert.Contains("UNAUTHENTICATED", (await shop.Seller.Client.SendAsync("{ me { id } }")).ErrorCodes);
        var refused = await platform.Client().MutateAsync("mutation($input: LoginInput!) { login(input: $input) { accessToken " + Errors + " } }",
            new { input = new { email = me.GetProperty("email").GetString(), password = "Gateway-journey-7" } });
        Assert.Equal(["ACCOUNT_SUSPENDED"], refused.UserErrorCodes());
        await Eventually.HoldsAsync(async () => await FoundAsync(buyer, title, shop.ShopId) == 0, "the suspended seller's product to leave search");
        Assert.False(await NearbyAsync(buyer, shop.ShopId));

        (await admin.MutateAsync("mutation($input: ReinstateUserInput!) { reinstateUser(input: $input) { user { id } " + Errors + " } }",
            new { input = new { userId = me.GetProperty("id").GetString() } })).Succeeded();

        await Eventually.HoldsAsync(async () => await FoundAsync(buyer, title, shop.ShopId) == 1, "the reinstated seller's product to come back");
        Assert.True(await NearbyAsync(buyer, shop.ShopId));
        Assert.NotNull((await LoginAsync(me.GetProperty("email").GetString()!, "Gateway-journey-7")));
    }

    private async Task<GraphQLClient> LoginAsync(string email, string password)
    {
        var token = (await platform.Client().MutateAsync("mutation($input: LoginInput!) { login(input: $input) { accessToken " + Errors + " } }",
            new { input = new { email, password } })).Succeeded().GetProperty("accessToken").GetString()!;
        return platform.Client(token);
    }

    private static async Task<int> FoundAsync(GraphQLClient buyer, string title, string shopId) =>
        (await buyer.SendAsync(Search, new { text = title, shopId })).EnsureNoErrors().Get("products.totalCount").GetInt32();

    private static async Task<bool> NearbyAsync(GraphQLClient buyer, string shopId) =>
        (await buyer.SendAsync(Nearby)).EnsureNoErrors().Get("shopsNear").EnumerateArray().Any(s => s.Get("shop.id").GetString() == shopId);
}
