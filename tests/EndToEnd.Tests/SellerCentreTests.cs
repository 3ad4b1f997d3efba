using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using GoShop.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// The seller centre in headless Chromium, served by the gateway at /seller/: a new seller signs in, opens a shop,
/// lists a product with a photo, confirms and ships a buyer's order (placed through the API) with its label, and reads
/// the sale in the dashboard once analytics has counted it from the events. axe checks each page on the way.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SellerCentreTests(Platform platform) : IAsyncLifetime
{
    private const string Password = "Seller-centre-7";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // A busy machine takes longer than Playwright's 5 s to render a page after its queries.
        SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOSHOP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public Task A_seller_lists_a_product_with_a_photo_confirms_and_ships_an_order_and_reads_it_in_the_dashboard() =>
        ReportingPageProblemsAsync(ListShipAndReadAsync);

    private async Task ListShipAndReadAsync()
    {
        var email = await RegisterSellerAsync();
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        Watch(page);

        // Signing in lands a seller without a shop on opening one.
        await page.GotoAsync(new Uri(platform.WebAppsUrl, "/seller/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập Kênh Người Bán" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mở shop" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "open a shop");

        // A name too short is refused by shops: the form says so beside the field, in Vietnamese, never as a code.
        await page.GetByLabel("Tên shop").FillAsync("A");
        await page.GetByLabel("Địa chỉ lấy hàng").FillAsync("12 Hàng Bài, Hoàn Kiếm, Hà Nội");
        await page.GetByLabel("Vĩ độ").FillAsync("21.0245");
        await page.GetByLabel("Kinh độ").FillAsync("105.857");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở shop" }).ClickAsync();
        await Expect(page.GetByText("Tên cửa hàng cần ít nhất 2 ký tự.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Tên shop")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.DoesNotContain("TOO_SHORT", await page.ContentAsync(), StringComparison.Ordinal);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var shopName = $"Shop Thời Trang {tag}";
        await page.GetByLabel("Tên shop").FillAsync(shopName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở shop" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ shop" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Tên shop")).ToHaveValueAsync(shopName);
        await AssertAccessibleAsync(page, "shop profile");

        // A product listed with its photo: uploaded through the gateway as a multipart request, then in its gallery.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sản phẩm", Exact = true }).ClickAsync();
        await Expect(page.GetByText("0 sản phẩm")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm sản phẩm" }).ClickAsync();
        var title = $"Áo sơ mi lụa {tag}";
        await page.GetByLabel("Tên sản phẩm").FillAsync(title);
        await page.GetByLabel("Khối lượng (gram)").FillAsync("250");
        await page.GetByLabel("Giá (₫)").FillAsync("150.000");
        await page.GetByLabel("Số lượng trong kho").FillAsync("5");
        await page.GetByLabel("Chọn ảnh").SetInputFilesAsync(new FilePayload { Name = "ao-so-mi.png", MimeType = "image/png", Buffer = MediaUploads.Png });
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Ảnh 1" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "new product");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng bán" }).ClickAsync();
        await Expect(page.GetByText("Đã đăng sản phẩm.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("product-gallery").GetByRole(AriaRole.Img)).ToHaveCountAsync(1);
        var productId = Regex.Match(page.Url, "/seller/products/([0-9a-f-]{36})").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(productId), $"The editor's address names the product: {page.Url}");
        await AssertAccessibleAsync(page, "product editor");
        var listed = (await platform.Client().SendAsync("query($id: ID!) { product(id: $id) { title price { amount } media { id } inventory { available } } }", new { id = productId }))
            .EnsureNoErrors().Get("product");
        Assert.Equal((title, 150_000m, 1, 5), (listed.GetProperty("title").GetString(), listed.Get("price.amount").GetDecimal(),
            listed.GetProperty("media").GetArrayLength(), listed.Get("inventory.available").GetInt32()));

        // The orders to confirm, open before the buyer orders: the new order arrives live (myOrderUpdates). A COD
        // order the shop leaves unconfirmed is cancelled after 20 s on this platform, so the seller confirms at once.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn hàng", Exact = true }).ClickAsync();
        await Expect(page.GetByText("0 đơn hàng")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "orders");
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(productId, 2)).Succeeded();
        var order = (await buyer.PlaceOrderAsync(addressId)).Succeeded().Orders()[0];
        var orderId = order.GetProperty("id").GetString()!;
        var orderNumber = order.GetProperty("number").GetString()!;
        var card = page.Locator($"article[data-order-number='{orderNumber}']");
        await Expect(card).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đơn" }).ClickAsync();
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "CONFIRMED", "the seller's confirmation");

        // Ready to ship: the shipment shipping made from the confirmation has a printable label; the seller hands the
        // parcel to a carrier.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chờ lấy hàng" }).ClickAsync();
        await Expect(card.GetByTestId("order-status")).ToHaveTextAsync("Chờ lấy hàng");
        await card.GetByRole(AriaRole.Button, new() { Name = "In phiếu gửi hàng" }).ClickAsync(new() { Timeout = 30_000 });
        var label = card.GetByTestId("shipping-label-link");
        await Expect(label).ToBeVisibleAsync();
        using (var http = new HttpClient())
        {
            using var pdf = await http.GetAsync(await label.GetAttributeAsync("href"));
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
        await AssertAccessibleAsync(page, "orders to ship");
        await card.GetByRole(AriaRole.Textbox, new() { Name = "Đơn vị vận chuyển", Exact = true }).FillAsync("GHN");
        await card.GetByRole(AriaRole.Textbox, new() { Name = "Mã vận đơn", Exact = true }).FillAsync($"GHN{tag}");
        await card.GetByRole(AriaRole.Button, new() { Name = "Đã giao cho đơn vị vận chuyển" }).ClickAsync();
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "SHIPPED", "the order to ship");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đang giao" }).ClickAsync();
        await Expect(card.GetByTestId("order-status")).ToHaveTextAsync("Đang giao");
        await Expect(card.GetByText($"GHN · GHN{tag}")).ToBeVisibleAsync();

        // The dashboard, fed by events: the order shows up once analytics has counted it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổng quan" }).ClickAsync();
        var orders = page.Locator("[data-figure='orders'] .seller-figure__value");
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (await orders.TextContentAsync() != "1" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            await page.GetByRole(AriaRole.Button, new() { Name = "Làm mới" }).ClickAsync();
        }
        await Expect(orders).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-figure='grossSales'] .seller-figure__value")).ToHaveTextAsync(new Regex(@"^300\.000\s₫$"));
        await Expect(page.Locator("[data-figure='units'] .seller-figure__value")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-figure='orders'] .seller-figure__previous")).ToContainTextAsync("Kỳ trước: 0");
        var topProducts = page.GetByRole(AriaRole.Table).Filter(new() { HasText = title });
        await Expect(topProducts.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("300.000");
        await Expect(page.GetByTestId("sales-chart").Locator("svg.recharts-surface").First).ToBeVisibleAsync();
        // A shop this new has no forecast yet, and says when it will.
        await Expect(page.GetByText("Dự báo có sau 14 ngày kể từ đơn hàng đầu tiên của shop.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tệp báo cáo" }).ClickAsync();
        var report = page.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo (CSV)" });
        await Expect(report).ToBeVisibleAsync();
        using (var http = new HttpClient())
        {
            var csv = await http.GetStringAsync(await report.GetAttributeAsync("href"));
            Assert.Contains("300000", csv, StringComparison.Ordinal);
        }
        await AssertAccessibleAsync(page, "dashboard");

        // English second: the same dashboard in the other language.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-figure='orders'] .seller-figure__label")).ToHaveTextAsync("Orders");

        await context.CloseAsync();
    }

    [Fact]
    public Task The_buyer_watches_the_order_confirmed_live_while_the_seller_confirms_it_in_the_seller_centre() =>
        ReportingPageProblemsAsync(WatchConfirmationLiveAsync);

    private async Task WatchConfirmationLiveAsync()
    {
        // A shop with a product, and a buyer with an address, through the API; both sign in through their apps.
        var (sellerEmail, seller) = await RegisterAsync("seller");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var shopId = (await seller.Client.MutateAsync(
            "mutation($input: CreateShopInput!) { createShop(input: $input) { shop { id } userErrors { code field message } } }",
            new { input = new { name = $"Shop Giày {tag}", address = "5 Lý Thái Tổ, Hoàn Kiếm, Hà Nội", location = new { lat = 21.0285, lng = 105.8542 } } }))
            .Succeeded().Get("shop.id").GetString()!;
        var productId = (await seller.Client.MutateAsync(
            "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code field message } } }",
            new { input = new { shopId, title = $"Giày vải {tag}", price = 320_000m, initialStock = 3, weightGrams = 700 } }))
            .Succeeded().Get("product.id").GetString()!;
        var (buyerEmail, buyer) = await RegisterAsync("buyer");
        var addressId = (await buyer.Client.MutateAsync(
            "mutation($input: AddAddressInput!) { addAddress(input: $input) { address { id } userErrors { code field message } } }",
            new
            {
                input = new
                {
                    recipientName = "Lê Thị Mua", phone = "0912345678", line1 = "8 Lê Lợi", ward = "Bến Nghé", district = "Quận 1",
                    city = "TP. Hồ Chí Minh", country = "VN", location = new { lat = 10.7751, lng = 106.7019 },
                },
            })).Succeeded().Get("address.id").GetString()!;

        var sellerContext = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        var buyerContext = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        sellerContext.SetDefaultTimeout(20_000);
        buyerContext.SetDefaultTimeout(20_000);
        var sellerPage = await sellerContext.NewPageAsync();
        var buyerPage = await buyerContext.NewPageAsync();
        Watch(sellerPage);
        Watch(buyerPage);

        await SignInToSellerCentreAsync(sellerPage, sellerEmail);
        await sellerPage.GetByRole(AriaRole.Link, new() { Name = "Đơn hàng", Exact = true }).ClickAsync();
        await Expect(sellerPage.GetByText("0 đơn hàng")).ToBeVisibleAsync();

        // The order is placed now: the shop has 20 s to confirm it on this platform.
        (await buyer.AddToCartAsync(productId, 1)).Succeeded();
        var order = (await buyer.PlaceOrderAsync(addressId)).Succeeded().Orders()[0];
        var orderId = order.GetProperty("id").GetString()!;
        await buyerPage.GotoAsync(new Uri(platform.WebAppsUrl, $"/orders/{orderId}").ToString());
        await buyerPage.GetByLabel("Email").FillAsync(buyerEmail);
        await buyerPage.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(Password);
        await buyerPage.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        var buyerStatus = buyerPage.GetByTestId("order-status");
        await Expect(buyerStatus).ToHaveTextAsync("Chờ xác nhận");

        var card = sellerPage.Locator($"article[data-order-number='{order.GetProperty("number").GetString()}']");
        await card.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đơn" }).ClickAsync();

        // No reload: the buyer's page follows orderStatusChanged.
        await Expect(buyerStatus).ToHaveTextAsync("Đã xác nhận", new() { Timeout = 10_000 });
        Assert.Equal("CONFIRMED", await buyer.OrderStatusAsync(orderId));
        await sellerContext.CloseAsync();
        await buyerContext.CloseAsync();
    }

    /// <summary>A fresh account whose password the browser signs in with.</summary>
    private async Task<string> RegisterSellerAsync() => (await RegisterAsync("seller")).Email;

    private async Task<(string Email, Shopper Person)> RegisterAsync(string kind)
    {
        var email = $"{kind}-{Guid.NewGuid():N}@example.com";
        var token = (await platform.Client().MutateAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken userErrors { code field message } } }",
            new { input = new { email, password = Password, fullName = kind == "seller" ? "Nguyễn Văn Bán" : "Lê Thị Mua" } }))
            .Succeeded().GetProperty("accessToken").GetString()!;
        return (email, new Shopper(token, platform.Client(token)));
    }

    private async Task SignInToSellerCentreAsync(IPage page, string email)
    {
        await page.GotoAsync(new Uri(platform.WebAppsUrl, "/seller/login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan" })).ToBeVisibleAsync();
    }

    /// <summary>Uncaught script errors, failed GraphQL requests and GraphQL errors of the pages watched.</summary>
    private readonly List<string> _pageProblems = [];

    private void Watch(IPage page)
    {
        page.PageError += (_, error) =>
        {
            // urql aborts the request of a query nobody reads any more (a card that left the list); when the gateway
            // was streaming the answer (text/event-stream), the browser reports the abort as an unhandled rejection.
            if (!error.StartsWith("AbortError", StringComparison.Ordinal))
                Note($"page error: {error}");
        };
        page.Response += async (_, response) =>
        {
            if (!response.Url.EndsWith("/graphql", StringComparison.Ordinal))
                return;
            if (response.Status >= 500)
            {
                Note($"{response.Status} from {response.Url}");
                return;
            }
            try
            {
                var body = await response.TextAsync();
                if (body.Contains("\"errors\"", StringComparison.Ordinal))
                    Note($"GraphQL errors: {body[..Math.Min(body.Length, 800)]}");
            }
            catch (PlaywrightException)
            {
                // The page went away before its body was read: nothing to report.
            }
        };
    }

    private void Note(string problem)
    {
        lock (_pageProblems)
            _pageProblems.Add(problem);
    }

    /// <summary>
    /// Runs a journey; the pages must log no problem on the way, and when a step fails, what they logged comes with
    /// the failure (a page showing "something went wrong" says nothing by itself).
    /// </summary>
    private async Task ReportingPageProblemsAsync(Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch (Exception failure) when (_pageProblems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nThe pages logged:\n{string.Join('\n', _pageProblems)}", failure);
        }
        Assert.True(_pageProblems.Count == 0, "The pages logged:\n" + string.Join('\n', _pageProblems));
    }

    /// <summary>axe on the page as it is now: no serious or critical violation.</summary>
    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var violations = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found on the {what} page:\n{string.Join('\n', violations)}");
    }
}
