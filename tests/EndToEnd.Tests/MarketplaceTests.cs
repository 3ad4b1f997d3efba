using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// The seller's half of the marketplace through the gateway: a shop (shops), its products (catalog) and their
/// pictures (media), read back as one graph by buyers.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MarketplaceTests(Platform platform)
{
    private const string CreateShop = """
        mutation($input: CreateShopInput!) { createShop(input: $input) { shop { id name slug } userErrors { code field message } } }
        """;

    private const string CreateProduct = """
        mutation($input: CreateProductInput!) {
          createProduct(input: $input) { product { id title status } userErrors { code field message } }
        }
        """;

    [Fact]
    public async Task A_seller_opens_a_shop_lists_a_product_and_buyers_read_it_across_subgraphs()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var seller = platform.Client(await Accounts.RegisterAsync(platform));
        var shop = await OpenShopAsync(seller, $"Cửa Hàng Điện Thoại {tag}");

        var product = (await seller.MutateAsync(CreateProduct, new
        {
            input = new { shopId = shop.Id, title = $"Điện thoại Lumia {tag}", brand = "Nokia", price = 4_990_000m, initialStock = 12, weightGrams = 180 },
        })).Succeeded().GetProperty("product");
        var productId = product.GetProperty("id").GetString();

        var buyer = platform.Client(await Accounts.RegisterAsync(platform));
        var page = (await buyer.SendAsync("""
            query($id: ID!) {
              product(id: $id) { title price { amount currency } inventory { onHand reserved available } shop { id name } }
            }
            """, new { id = productId })).EnsureNoErrors();
        Assert.Equal(shop.Name, page.Get("product.shop.name").GetString());
        Assert.Equal(4_990_000m, page.Get("product.price.amount").GetDecimal());
        Assert.Equal("VND", page.Get("product.price.currency").GetString());
        Assert.Equal(12, page.Get("product.inventory.available").GetInt32());

        var shopPage = (await buyer.SendAsync("""
            query($id: ID!) { shop(id: $id) { name products(first: 10) { totalCount edges { node { id title shop { name } } } } } }
            """, new { id = shop.Id })).EnsureNoErrors();
        var listed = Assert.Single(shopPage.Get("shop.products.edges").EnumerateArray()).GetProperty("node");
        Assert.Equal(productId, listed.GetProperty("id").GetString());
        Assert.Equal(shop.Name, listed.GetProperty("shop").GetProperty("name").GetString());

        // A buyer typing without Vietnamese diacritics still finds it.
        var found = (await buyer.SendAsync("""
            query($text: String!) { products(where: { text: $text }, first: 5) { edges { node { id title } } } }
            """, new { text = $"dien thoai lumia {tag}" })).EnsureNoErrors();
        Assert.Contains(found.Get("products.edges").EnumerateArray(), e => e.GetProperty("node").GetProperty("id").GetString() == productId);

        var mine = (await seller.SendAsync("{ me { shops { id name } } }")).EnsureNoErrors();
        Assert.Contains(mine.Get("me.shops").EnumerateArray(), s => s.GetProperty("id").GetString() == shop.Id);
    }

    [Fact]
    public async Task Someone_who_does_not_own_the_shop_cannot_list_products_in_it_and_nothing_is_created()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = platform.Client(await Accounts.RegisterAsync(platform));
        var shop = await OpenShopAsync(owner, $"Shop Riêng {tag}");
        var stranger = platform.Client(await Accounts.RegisterAsync(platform));

        var payload = await stranger.MutateAsync(CreateProduct, new
        {
            input = new { shopId = shop.Id, title = $"Hàng giả {tag}", price = 10_000m, initialStock = 1, weightGrams = 100 },
        });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("product").ValueKind);
        Assert.NotEmpty(payload.GetProperty("userErrors").EnumerateArray());
        var products = (await owner.SendAsync("query($id: ID!) { shop(id: $id) { products(first: 5) { totalCount } } }", new { id = shop.Id })).EnsureNoErrors();
        Assert.Equal(0, products.Get("shop.products.totalCount").GetInt32());
    }

    [Fact]
    public async Task A_seller_uploads_a_picture_and_attaches_it_to_a_product_buyers_see_it_with_its_url()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var sellerToken = await Accounts.RegisterAsync(platform);
        var seller = platform.Client(sellerToken);
        var shop = await OpenShopAsync(seller, $"Áo Thun {tag}");
        var productId = (await seller.MutateAsync(CreateProduct, new
        {
            input = new { shopId = shop.Id, title = $"Áo thun cotton {tag}", price = 199_000m, initialStock = 30, weightGrams = 250 },
        })).Succeeded().GetProperty("product").GetProperty("id").GetString();
        var media = await MediaUploads.UploadImageAsync(platform, sellerToken);

        (await seller.MutateAsync("""
            mutation($input: AddProductMediaInput!) { addProductMedia(input: $input) { userErrors { code message } } }
            """, new { input = new { productId, mediaId = media.Id } })).Succeeded();

        var page = (await platform.Client().SendAsync("query($id: ID!) { product(id: $id) { media { id url kind width } } }", new { id = productId }))
            .EnsureNoErrors();
        var shown = Assert.Single(page.Get("product.media").EnumerateArray());
        Assert.Equal(media.Id, shown.GetProperty("id").GetString());
        Assert.Equal(media.Url, shown.GetProperty("url").GetString());
        Assert.Equal("IMAGE", shown.GetProperty("kind").GetString());
    }

    private static async Task<(string Id, string Name)> OpenShopAsync(GraphQLClient seller, string name)
    {
        var shop = (await seller.MutateAsync(CreateShop, new
        {
            input = new { name, description = "Mở bởi kiểm thử đầu cuối.", address = "1 Tràng Tiền, Hoàn Kiếm, Hà Nội", location = new { lat = 21.0245, lng = 105.8570 } },
        })).Succeeded().GetProperty("shop");
        return (shop.GetProperty("id").GetString()!, shop.GetProperty("name").GetString()!);
    }
}
