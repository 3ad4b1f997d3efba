using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Benchmarks;

/// <summary>
/// The people and goods a benchmark needs, made through the gateway as the frontends make them: buyers with a
/// delivery address, a seller with a shop in Hà Nội, and products with a known stock. Everything is new per bench
/// run (emails and titles carry the run's tag), so runs never see each other's carts or stock.
/// </summary>
public sealed class Marketplace(HttpClient gateway, string tag)
{
    private const string Password = "Hot-deals-2026";
    private const string Errors = "userErrors { code field message }";

    public sealed record Person(string Token, GraphQLClient Client);

    public sealed record Buyer(string Token, GraphQLClient Client, string AddressId);

    public string Tag { get; } = tag;

    public GraphQLClient Client(string? token = null) => new(gateway) { AccessToken = token };

    public async Task<Person> RegisterAsync(string role, int number)
    {
        var payload = await Client().MutateAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken " + Errors + " } }",
            new { input = new { email = $"bench-{Tag}-{role}-{number}@bench.goshop.dev", password = Password, fullName = $"Bench {role} {number}" } });
        var token = payload.Succeeded().GetProperty("accessToken").GetString()!;
        return new Person(token, Client(token));
    }

    /// <summary>Buyers with a default address in Hồ Chí Minh City, registered a few at a time (hashing a password is the slow part).</summary>
    public async Task<IReadOnlyList<Buyer>> BuyersAsync(int count, CancellationToken cancellationToken)
    {
        var buyers = new Buyer[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var person = await RegisterAsync("buyer", i);
                var address = await person.Client.MutateAsync(
                    "mutation($input: AddAddressInput!) { addAddress(input: $input) { address { id } " + Errors + " } }",
                    new
                    {
                        input = new
                        {
                            recipientName = $"Bench buyer {i}", phone = "+84 912 345 678", line1 = $"{i + 1} Nguyễn Huệ", ward = "Bến Nghé",
                            district = "Quận 1", city = "TP. Hồ Chí Minh", country = "VN", location = new { lat = 10.7743, lng = 106.7038 },
                        },
                    });
                buyers[i] = new Buyer(person.Token, person.Client, address.Succeeded().GetProperty("address").GetProperty("id").GetString()!);
            });
        return buyers;
    }

    public async Task<(Person Seller, string ShopId)> OpenShopAsync(string role = "seller")
    {
        var seller = await RegisterAsync(role, 0);
        var shop = await seller.Client.MutateAsync(
            "mutation($input: CreateShopInput!) { createShop(input: $input) { shop { id } " + Errors + " } }",
            new { input = new { name = role == "seller" ? $"Bench {Tag}" : $"Bench {Tag} {role}", address = "1 Tràng Tiền, Hoàn Kiếm, Hà Nội", location = new { lat = 21.0245, lng = 105.8570 } } });
        return (seller, shop.Succeeded().GetProperty("shop").GetProperty("id").GetString()!);
    }

    public async Task<string> CreateProductAsync(Person seller, string shopId, string title, int stock)
    {
        var product = await seller.Client.MutateAsync(
            "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } " + Errors + " } }",
            new { input = new { shopId, title = $"{title} {Tag}", price = 99_000m, initialStock = stock, weightGrams = 300 } });
        return product.Succeeded().GetProperty("product").GetProperty("id").GetString()!;
    }

    public static async Task AddToCartAsync(GraphQLClient buyer, string productId, int quantity) =>
        (await buyer.MutateAsync(
            "mutation($input: AddToCartInput!) { addToCart(input: $input) { cart { id } " + Errors + " } }",
            new { input = new { productId, quantity } })).Succeeded();

    public static async Task ClearCartAsync(GraphQLClient buyer) =>
        (await buyer.MutateAsync("mutation { clearCart { cart { id } " + Errors + " } }")).Succeeded();

    public async Task<(int OnHand, int Reserved, int Available)> InventoryAsync(string productId)
    {
        var inventory = (await Client().SendAsync("query($id: ID!) { product(id: $id) { inventory { onHand reserved available } } }", new { id = productId }))
            .EnsureNoErrors().Get("product.inventory");
        return (inventory.GetProperty("onHand").GetInt32(), inventory.GetProperty("reserved").GetInt32(), inventory.GetProperty("available").GetInt32());
    }

    /// <summary>A GraphQL request body, serialized once so the load generators send exactly these bytes.</summary>
    public static string Body(string query, object? variables = null) => JsonSerializer.Serialize(new { query, variables });
}
