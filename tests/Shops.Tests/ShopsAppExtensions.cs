using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Shops.Tests;

/// <summary>What several test classes need beyond the fixture: a shop and a promotion made through the API.</summary>
public static class ShopsAppExtensions
{
    public static async Task<JsonElement> CreateShopAsync(this Person owner, Dictionary<string, object?>? input = null) =>
        (await owner.Client.MutateAsync(Operations.CreateShop, new { input = input ?? Operations.ShopInput() })).Succeeded().GetProperty("shop");

    public static async Task<Guid> CreateShopIdAsync(this Person owner, Dictionary<string, object?>? input = null) =>
        (await owner.CreateShopAsync(input)).Id();

    public static async Task<JsonElement> CreatePromotionAsync(this Person owner, Dictionary<string, object?> input) =>
        (await owner.Client.MutateAsync(Operations.CreatePromotion, new { input })).Succeeded().GetProperty("promotion");
}
