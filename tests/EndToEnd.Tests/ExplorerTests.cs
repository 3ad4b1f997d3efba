using System.Text.Json;
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

        // The documentation panel renders this introspection: every element the explorer received is described
        // (the gateway passes the subgraphs' descriptions through), and so is a field picked at random.
        var elements = DocumentedElements(JsonDocument.Parse(schema).RootElement.GetProperty("data").GetProperty("__schema")).ToList();
        var undescribed = elements.Where(e => string.IsNullOrWhiteSpace(e.Description)).Select(e => e.Path).ToList();
        Assert.True(undescribed.Count == 0, $"The explorer shows no description for: {string.Join(", ", undescribed)}");
        var fields = elements.Where(e => e.Kind == "field").ToList();
        var picked = fields[Random.Shared.Next(fields.Count)];
        Assert.False(string.IsNullOrWhiteSpace(picked.Description), $"{picked.Path} has no description in the explorer.");
    }

    private sealed record DocumentedElement(string Kind, string Path, string? Description);

    /// <summary>The client-facing types of an introspection result with their fields, arguments and enum values.</summary>
    private static IEnumerable<DocumentedElement> DocumentedElements(JsonElement introspection)
    {
        string[] builtInScalars = ["String", "Int", "Float", "Boolean", "ID"];
        static string? Text(JsonElement element) =>
            element.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
            element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

        foreach (var type in introspection.GetProperty("types").EnumerateArray())
        {
            var name = type.GetProperty("name").GetString()!;
            if (name.StartsWith("__", StringComparison.Ordinal) || builtInScalars.Contains(name))
                continue;
            yield return new DocumentedElement("type", name, Text(type));
            foreach (var field in Items(type, "fields"))
            {
                var path = $"{name}.{field.GetProperty("name").GetString()}";
                yield return new DocumentedElement("field", path, Text(field));
                foreach (var argument in Items(field, "args"))
                    yield return new DocumentedElement("argument", $"{path}({argument.GetProperty("name").GetString()}:)", Text(argument));
            }
            foreach (var inputField in Items(type, "inputFields"))
                yield return new DocumentedElement("input field", $"{name}.{inputField.GetProperty("name").GetString()}", Text(inputField));
            foreach (var value in Items(type, "enumValues"))
                yield return new DocumentedElement("enum value", $"{name}.{value.GetProperty("name").GetString()}", Text(value));
        }
    }
}
