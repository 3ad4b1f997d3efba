using Microsoft.Playwright;

namespace GoShop.EndToEnd.Tests;

/// <summary>A developer opens the endpoint in a browser and gets Banana Cake Pop, talking to the gateway itself.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ExplorerTests(Platform platform)
{
    [Fact]
    public async Task The_explorer_loads_in_headless_Chromium_and_reads_the_schema_from_the_gateway()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOSHOP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var endpoint = new Uri(platform.GatewayUrl, "/graphql").ToString();

        await page.GotoAsync(endpoint);
        // The IDE takes its title from the gateway's bcp-config.json: proof it read our configuration.
        await page.WaitForFunctionAsync("() => document.title === 'GoShop'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var introspection = page.WaitForResponseAsync(
            response => response.Url == endpoint && response.Request.Method == "POST"
                && response.Request.PostData?.Contains("__schema", StringComparison.Ordinal) == true,
            new PageWaitForResponseOptions { Timeout = 30_000 });
        await page.GetByText("Create Document").ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
        var schema = await (await introspection).TextAsync();

        Assert.Contains("\"queryType\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"User\"", schema, StringComparison.Ordinal);
    }
}
