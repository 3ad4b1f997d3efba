using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>A signed-in person of the end-to-end suite: their token and a gateway client carrying it.</summary>
public sealed record Shopper(string Token, GraphQLClient Client);

/// <summary>A seller's shop with products listed in it.</summary>
public sealed record StockedShop(Shopper Seller, string ShopId, IReadOnlyList<string> ProductIds);

/// <summary>The buyer's and seller's steps of a purchase, through the gateway as the frontends take them.</summary>
internal static class Shopping
{
    private const string Errors = "userErrors { code field message }";

    public const string OrderFields = "id number status shop { id } fees { subtotal { amount } shippingFee { amount } tax { amount } discount { amount } total { amount } }";

    public const string PlaceOrder =
        "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { checkout { id orders { " + OrderFields + " } } " + Errors + " } }";

    public static async Task<Shopper> SignUpAsync(Platform platform)
    {
        var token = await Accounts.RegisterAsync(platform);
        return new Shopper(token, platform.Client(token));
    }

    /// <summary>A new seller with a shop in Hà Nội and one product per stock figure (the first at 150,000 đ, then 10,000 đ more each).</summary>
    public static async Task<StockedShop> OpenShopAsync(Platform platform, params int[] stocks)
    {
        var seller = await SignUpAsync(platform);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var shopId = (await seller.Client.MutateAsync(
            "mutation($input: CreateShopInput!) { createShop(input: $input) { shop { id } " + Errors + " } }",
            new { input = new { name = $"Cửa hàng {tag}", address = "1 Tràng Tiền, Hoàn Kiếm, Hà Nội", location = new { lat = 21.0245, lng = 105.8570 } } }))
            .Succeeded().GetProperty("shop").GetProperty("id").GetString()!;
        var productIds = new List<string>();
        for (var i = 0; i < stocks.Length; i++)
        {
            var product = (await seller.Client.MutateAsync(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } " + Errors + " } }",
                new { input = new { shopId, title = $"Áo thun {tag} số {i + 1}", price = 150_000m + 10_000m * i, initialStock = stocks[i], weightGrams = 300 } }))
                .Succeeded();
            productIds.Add(product.GetProperty("product").GetProperty("id").GetString()!);
        }
        return new StockedShop(seller, shopId, productIds);
    }

    /// <summary>A new buyer with a default delivery address in Hồ Chí Minh City.</summary>
    public static async Task<(Shopper Buyer, string AddressId)> BuyerWithAddressAsync(Platform platform)
    {
        var buyer = await SignUpAsync(platform);
        var address = (await buyer.Client.MutateAsync(
            "mutation($input: AddAddressInput!) { addAddress(input: $input) { address { id } " + Errors + " } }",
            new
            {
                input = new
                {
                    recipientName = "Trần Thị Bình", phone = "+84 912 345 678", line1 = "45 Nguyễn Huệ", ward = "Bến Nghé",
                    district = "Quận 1", city = "TP. Hồ Chí Minh", country = "VN", location = new { lat = 10.7743, lng = 106.7038 },
                },
            })).Succeeded();
        return (buyer, address.GetProperty("address").GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> AddToCartAsync(this Shopper buyer, string productId, int quantity) =>
        await buyer.Client.MutateAsync(
            "mutation($input: AddToCartInput!) { addToCart(input: $input) { cart { id itemCount total { amount } } " + Errors + " } }",
            new { input = new { productId, quantity } });

    public static Task<JsonElement> PlaceOrderAsync(this Shopper buyer, string addressId, string paymentMethod = "COD", string? idempotencyKey = null) =>
        buyer.Client.MutateAsync(PlaceOrder, new { input = new { addressId, paymentMethod, idempotencyKey } });

    /// <summary>Runs one order mutation (confirmOrder, cancelOrder, ...) and answers its payload.</summary>
    public static Task<JsonElement> OrderMutationAsync(this Shopper person, string mutation, object input)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        return person.Client.MutateAsync(
            $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ order {{ id status }} {Errors} }} }}", new { input });
    }

    public static async Task<string> OrderStatusAsync(this Shopper person, string orderId) =>
        (await person.Client.SendAsync("query($id: ID!) { order(id: $id) { status } }", new { id = orderId })).EnsureNoErrors()
            .Get("order.status").GetString()!;

    public static async Task<(int OnHand, int Reserved, int Available)> InventoryAsync(Platform platform, string productId)
    {
        var inventory = (await platform.Client().SendAsync("query($id: ID!) { product(id: $id) { inventory { onHand reserved available } } }", new { id = productId }))
            .EnsureNoErrors().Get("product.inventory");
        return (inventory.GetProperty("onHand").GetInt32(), inventory.GetProperty("reserved").GetInt32(), inventory.GetProperty("available").GetInt32());
    }

    /// <summary>How many units the buyer's cart holds.</summary>
    public static async Task<int> CartItemCountAsync(this Shopper buyer) =>
        (await buyer.Client.SendAsync("{ cart { itemCount } }")).EnsureNoErrors().Get("cart.itemCount").GetInt32();

    public static IReadOnlyList<JsonElement> Orders(this JsonElement placeOrderPayload) =>
        [.. placeOrderPayload.GetProperty("checkout").GetProperty("orders").EnumerateArray()];
}
