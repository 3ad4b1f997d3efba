using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using GoShop.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// The storefront in headless Chromium, served by the gateway on its own origin: a buyer finds products without
/// diacritics, narrows by a facet, buys from two shops (one order paid through VNPay's sandbox, one cash on delivery),
/// watches an order change live when its shop confirms it, hears of it in the bell, and reviews the product once it is
/// delivered. The sellers' and the delivery's moves go through the API. axe-core checks every page on the way.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StorefrontTests(Platform platform, ITestOutputHelper output)
{
    private const string Errors = "userErrors { code field message }";
    private const string Password = "Storefront-journey-7";

    [Fact]
    public async Task A_buyer_searches_without_diacritics_buys_from_two_shops_pays_online_and_cash_follows_the_order_live_and_reviews_it()
    {
        // Letters only: the tag is one more word in the titles, searched like the others.
        var tag = new string(Enumerable.Range(0, 7).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var red = $"Áo dài lụa {tag} đỏ";
        var blue = $"Áo dài lụa {tag} xanh";
        var white = $"Áo dài lụa {tag} trắng";
        var (silkShop, silk) = await OpenShopAsync($"Lụa Hà Đông {tag}");
        var redId = await ListAsync(silk, silkShop, red, 450_000m, $"Sông Hồng {tag}");
        await ListAsync(silk, silkShop, blue, 520_000m, $"Hà Đông {tag}");
        var (saigonShop, saigon) = await OpenShopAsync($"Áo dài Bến Thành {tag}");
        var whiteId = await ListAsync(saigon, saigonShop, white, 380_000m, $"Bến Thành {tag}");
        var email = await BuyerWithAddressAsync();
        // Search learns of new products from catalog's events.
        await Eventually.HoldsAsync(async () => await FoundAsync($"ao dai lua {tag}", tag) == 3, "search to index the three products", TimeSpan.FromSeconds(60));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOSHOP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.WebAppsUrl.ToString(), Locale = "vi-VN" });
        context.SetDefaultTimeout(30_000);
        // Other builds share this machine: a page can take more than the default 5 s to show what it fetched.
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        var violations = new List<string>();

        // Signing in.
        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập GoShop" }));
        await AuditAsync(page, "sign-in", violations);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đơn mua" }));
        await AuditAsync(page, "home", violations);

        // Suggestions as the buyer types, without diacritics.
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tìm sản phẩm" });
        await box.PressSequentiallyAsync($"ao dai lua {tag}");
        var typed = Stopwatch.StartNew();
        await Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = tag }).First);
        output.WriteLine($"suggestions shown {typed.ElapsedMilliseconds} ms after the last keystroke (30 ms of it is the typing pause)");
        await AuditAsync(page, "suggestions", violations);
        await box.PressAsync("Escape");
        await box.PressAsync("Enter");

        // The results, narrowed by the brand facet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Kết quả cho “ao dai lua {tag}”" }));
        foreach (var title in new[] { red, blue, white })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title }));
        await AuditAsync(page, "search", violations);
        await page.GetByLabel(new Regex($"Sông Hồng {tag}", RegexOptions.IgnoreCase)).ClickAsync();
        await Expect(page.GetByTestId("result-count"), "1 sản phẩm");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = white })).ToHaveCountAsync(0);

        // The product page, then into the cart; the second shop's product after a full page load (the session and the
        // client-side route survive it).
        var opened = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Link, new() { Name = red }).ClickAsync();
        await Expect(page.GetByTestId("product-title"), red);
        await Expect(page.GetByTestId("product-price"), "450.000\u00a0₫");
        output.WriteLine($"product page title and price {opened.ElapsedMilliseconds} ms after the click");
        await AuditAsync(page, "product", violations);
        await AddToCartAsync(page);
        await page.GotoAsync($"/products/{whiteId}");
        await Expect(page.GetByTestId("product-title"), white);
        await AddToCartAsync(page);

        // The cart, shop by shop, with what it would cost delivered.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Giỏ hàng") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Lụa Hà Đông {tag}" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Áo dài Bến Thành {tag}" }));
        await Expect(page.GetByTestId("fees-total"));
        await AuditAsync(page, "cart", violations);

        // The first shop's order, paid by bank transfer through VNPay's sandbox, back on the storefront's return page.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mua hàng của Lụa Hà Đông {tag}" }).ClickAsync();
        await page.GetByLabel("Chuyển khoản ngân hàng qua VNPay").CheckAsync();
        await Expect(page.GetByTestId("fees-total").First);
        await AuditAsync(page, "checkout", violations);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt hàng và thanh toán" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(new Regex("/sandbox/"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The checkout did not go on to the provider's page; it shows: {await MainOf(page).InnerTextAsync()}");
        }
        // The sandbox plays the provider: the outcome in the URL is the buyer's choice on its page.
        await page.GotoAsync(page.Url + "&outcome=success");
        await page.WaitForURLAsync(new Regex($"^{Regex.Escape(platform.WebAppsUrl.ToString())}payments/.+/return"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(MainOf(page).GetByText("Thanh toán thành công"));
        await AuditAsync(page, "payment return", violations);
        var buyer = platform.Client(await SignInAsync(email));
        var paidOrderId = await OrderOfShopAsync(buyer, silkShop);
        // Shops have 20 s to confirm on this platform.
        (await silk.OrderMutationAsync("confirmOrder", new { orderId = paidOrderId })).Succeeded();

        // The second shop's order, cash on delivery.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Giỏ hàng") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mua hàng", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Thanh toán khi nhận hàng (COD)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt hàng", Exact = true }).ClickAsync();
        await Expect(MainOf(page).GetByText("Đặt hàng thành công!"));
        await AuditAsync(page, "orders", violations);
        var codOrderId = await OrderOfShopAsync(buyer, saigonShop);
        await page.GetByTestId($"order-row-{codOrderId}").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("order-status"), "Chờ xác nhận");
        await AuditAsync(page, "order", violations);

        // The shop confirms: the page changes without a reload, and the bell rings.
        (await saigon.OrderMutationAsync("confirmOrder", new { orderId = codOrderId })).Succeeded();
        await Expect(page.GetByTestId("order-status"), "Đã xác nhận");
        var bell = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Thông báo") });
        await Eventually.HoldsAsync(async () =>
        {
            if (await bell.GetAttributeAsync("aria-expanded") != "true")
                await bell.ClickAsync();
            return await page.Locator("#bell-panel").GetByText(new Regex("đã được xác nhận")).CountAsync() > 0;
        }, "the confirmation in the bell", TimeSpan.FromSeconds(30));
        await AuditAsync(page, "bell", violations);
        await bell.ClickAsync();

        // Delivered (the shop ships it itself here), then reviewed from the order page.
        (await saigon.OrderMutationAsync("shipOrder", new { orderId = codOrderId })).Succeeded();
        (await saigon.OrderMutationAsync("markOrderDelivered", new { orderId = codOrderId })).Succeeded();
        await Expect(page.GetByTestId("order-status"), "Đã giao");
        var reviewHeading = page.GetByRole(AriaRole.Heading, new() { Name = $"Đánh giá “{white}”" });
        // Reviews hears of the delivery through an event: the form appears once it has.
        await Eventually.HoldsAsync(async () =>
        {
            if (await reviewHeading.CountAsync() > 0)
                return true;
            await page.ReloadAsync();
            await Expect(page.GetByTestId("order-status"), "Đã giao");
            return await reviewHeading.CountAsync() > 0;
        }, "the review form", TimeSpan.FromSeconds(30));
        await AuditAsync(page, "review form", violations);
        var form = page.Locator("form", new() { Has = reviewHeading });
        await form.GetByLabel("4 sao").CheckAsync();
        await form.GetByLabel("Nhận xét").FillAsync("Vải mềm, đường may đẹp, giao nhanh.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Expect(MainOf(page).GetByText("Cảm ơn bạn đã đánh giá!"));
        var summary = await Eventually.ReturnsAsync(
            async () => (await platform.Client().SendAsync("query($id: ID!) { product(id: $id) { ratingSummary { count average } } }", new { id = whiteId }))
                .EnsureNoErrors().Get("product.ratingSummary"),
            s => s.GetProperty("count").GetInt32() == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(4.0, summary.GetProperty("average").GetDouble());
        Assert.NotEqual(redId, whiteId);

        Assert.True(violations.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", violations));
        Assert.True(pageErrors.Count == 0, "the pages threw:\n" + string.Join("\n", pageErrors));
    }

    /// <summary>The page's main landmark: the bell's panel, in the header, may hold the same words.</summary>
    private static ILocator MainOf(IPage page) => page.GetByRole(AriaRole.Main);

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    private static Task Expect(ILocator locator, string text) => Assertions.Expect(locator).ToContainTextAsync(text);

    private static async Task AddToCartAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào giỏ hàng" }).ClickAsync();
        await Expect(MainOf(page).GetByText("Đã thêm vào giỏ hàng."));
    }

    /// <summary>Runs axe-core on the page as it is and keeps its serious and critical findings.</summary>
    private static async Task AuditAsync(IPage page, string name, List<string> violations)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            violations.Add($"{name}: {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
    }

    private async Task<(string ShopId, Shopper Seller)> OpenShopAsync(string name)
    {
        var seller = await Shopping.SignUpAsync(platform);
        var shopId = (await seller.Client.MutateAsync(
            "mutation($input: CreateShopInput!) { createShop(input: $input) { shop { id } " + Errors + " } }",
            new { input = new { name, address = "1 Tràng Tiền, Hoàn Kiếm, Hà Nội", location = new { lat = 21.0245, lng = 105.8570 } } }))
            .Succeeded().Get("shop.id").GetString()!;
        return (shopId, seller);
    }

    private static async Task<string> ListAsync(Shopper seller, string shopId, string title, decimal price, string brand) =>
        (await seller.Client.MutateAsync(
            "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } " + Errors + " } }",
            new { input = new { shopId, title, price, brand, initialStock = 20, weightGrams = 400 } }))
        .Succeeded().Get("product.id").GetString()!;

    /// <summary>A new buyer (signed in through the storefront later, with the password) with a default address.</summary>
    private async Task<string> BuyerWithAddressAsync()
    {
        var email = $"storefront-{Guid.NewGuid():N}@example.com";
        var token = (await platform.Client().MutateAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken " + Errors + " } }",
            new { input = new { email, password = Password, fullName = "Nguyễn Thị Mai" } })).Succeeded().GetProperty("accessToken").GetString()!;
        (await platform.Client(token).MutateAsync(
            "mutation($input: AddAddressInput!) { addAddress(input: $input) { address { id } " + Errors + " } }",
            new
            {
                input = new
                {
                    recipientName = "Nguyễn Thị Mai", phone = "+84 912 345 678", line1 = "45 Nguyễn Huệ", ward = "Bến Nghé",
                    district = "Quận 1", city = "TP. Hồ Chí Minh", country = "VN", location = new { lat = 10.7743, lng = 106.7038 }, makeDefault = true,
                },
            })).Succeeded();
        return email;
    }

    private async Task<string> SignInAsync(string email) =>
        (await platform.Client().MutateAsync("mutation($input: LoginInput!) { login(input: $input) { accessToken " + Errors + " } }",
            new { input = new { email, password = Password } })).Succeeded().GetProperty("accessToken").GetString()!;

    /// <summary>How many of the products a search finds have the tag in their title.</summary>
    private async Task<int> FoundAsync(string query, string tag) =>
        (await platform.Client().SendAsync("query($q: String) { search(query: $q, first: 50) { edges { node { id title } } } }", new { q = query }))
        .EnsureNoErrors().Get("search.edges").EnumerateArray().Count(e => e.Get("node.title").GetString()!.Contains(tag, StringComparison.Ordinal));

    private static async Task<string> OrderOfShopAsync(GraphQLClient buyer, string shopId) =>
        (await buyer.SendAsync("{ myOrders(first: 10) { edges { node { id shop { id } } } } }")).EnsureNoErrors().Get("myOrders.edges")
        .EnumerateArray().Select(e => e.GetProperty("node")).First(o => o.Get("shop.id").GetString() == shopId).GetProperty("id").GetString()!;
}
