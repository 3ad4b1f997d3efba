using System.Text.Json;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;

namespace GoShop.BuildingBlocks.Tests.Loaders;

/// <summary>BatchLoader and GroupLoader: a level of fields costs one SQL command, whatever its size (no N+1).</summary>
public sealed class BatchLoaderTests(CommandCountingApp app) : IClassFixture<CommandCountingApp>
{
    private const string WidgetsWithCategories =
        "query($batch: String!) { widgets(batch: $batch) { id category { id name } } }";

    [Fact]
    public async Task Category_of_50_widgets_is_loaded_in_one_command_asking_for_each_key_once()
    {
        var (batch, categories, widgets) = await SeedAsync(widgetCount: 50, categoryCount: 5);

        var response = await CountedAsync(WidgetsWithCategories, new { batch });

        // One command lists the widgets, one more loads all of their categories.
        Assert.Equal(2, app.Commands.Count);
        var fetched = Assert.Single(app.Service<FetchLog>().BatchesOf<CategoryByIdLoader>());
        Assert.Equal(categories.Select(c => c.Id).Order(), fetched.Order());
        var answered = response.GetProperty("widgets").EnumerateArray().ToList();
        Assert.Equal(50, answered.Count);
        foreach (var (widget, json) in widgets.Zip(answered))
        {
            Assert.Equal(widget.Id.ToString(), json.GetProperty("id").GetString());
            Assert.Equal(categories.Single(c => c.Id == widget.CategoryId).Name, json.GetProperty("category").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Parts_of_50_widgets_are_loaded_in_one_command_and_a_widget_without_parts_gets_an_empty_list()
    {
        var (batch, _, widgets) = await SeedAsync(widgetCount: 50, categoryCount: 1);
        var withParts = widgets.Where((_, index) => index % 2 == 0).ToList();
        await app.WithDbAsync(db =>
        {
            foreach (var widget in withParts)
                db.Parts.AddRange(new Part { WidgetId = widget.Id, Name = "axle" }, new Part { WidgetId = widget.Id, Name = "wheel" });
            return db.SaveChangesAsync();
        });

        var response = await CountedAsync("query($batch: String!) { widgets(batch: $batch) { id parts { name } } }", new { batch });

        Assert.Equal(2, app.Commands.Count);
        var fetched = Assert.Single(app.Service<FetchLog>().BatchesOf<PartsByWidgetLoader>());
        Assert.Equal(50, fetched.Count);
        var parts = response.GetProperty("widgets").EnumerateArray()
            .ToDictionary(w => Guid.Parse(w.GetProperty("id").GetString()!), w => w.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList());
        Assert.All(withParts, w => Assert.Equal(["axle", "wheel"], parts[w.Id].Order()));
        Assert.All(widgets.Except(withParts), w => Assert.Empty(parts[w.Id]));
    }

    [Fact]
    public async Task Loaded_values_are_reused_for_the_rest_of_the_request()
    {
        var (batch, _, _) = await SeedAsync(widgetCount: 10, categoryCount: 3);

        await CountedAsync(
            "query($batch: String!) { first: widgets(batch: $batch) { category { id } } again: widgets(batch: $batch) { category { name } } }",
            new { batch });

        // Two widget lists, but their categories are fetched once.
        Assert.Equal(3, app.Commands.Count);
        Assert.Single(app.Service<FetchLog>().BatchesOf<CategoryByIdLoader>());
    }

    [Fact]
    public async Task Entities_query_with_100_representations_resolves_them_in_one_command()
    {
        var (_, _, widgets) = await SeedAsync(widgetCount: 100, categoryCount: 1);
        var representations = widgets.Select(w => new { __typename = "Widget", id = w.Id }).ToList();

        var response = await CountedAsync(
            "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Widget { id name } } }",
            new { representations });

        Assert.Equal(1, app.Commands.Count);
        var entities = response.GetProperty("_entities").EnumerateArray().ToList();
        Assert.Equal(widgets.Select(w => w.Id.ToString()), entities.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(widgets.Select(w => w.Name), entities.Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Entities_query_asks_for_a_repeated_key_once_and_answers_null_for_an_unknown_one()
    {
        var (_, _, widgets) = await SeedAsync(widgetCount: 3, categoryCount: 1);
        var unknown = Guid.CreateVersion7();
        Guid[] ids = [widgets[0].Id, widgets[1].Id, widgets[0].Id, unknown, widgets[2].Id, widgets[1].Id];

        var response = await CountedAsync(
            "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Widget { id } } }",
            new { representations = ids.Select(id => new { __typename = "Widget", id }) });

        Assert.Equal(1, app.Commands.Count);
        var fetched = Assert.Single(app.Service<FetchLog>().BatchesOf<WidgetByIdLoader>());
        Assert.Equal(4, fetched.Count);
        Assert.Equal(ids.Distinct().Order(), fetched.Order());
        var answered = response.GetProperty("_entities").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Select(id => id == unknown ? null : id.ToString()), answered);
    }

    /// <summary>Sends an operation with the command counter and the fetch log reset, failing on any GraphQL error.</summary>
    private async Task<JsonElement> CountedAsync(string query, object variables)
    {
        var client = app.Client();
        app.Service<FetchLog>().Clear();
        app.Commands.Reset();
        var response = await client.SendAsync(query, variables);
        return response.EnsureNoErrors().Data;
    }

    /// <summary>Widgets of a fresh batch, oldest first, spread over a few categories.</summary>
    private async Task<(string Batch, List<Category> Categories, List<Widget> Widgets)> SeedAsync(int widgetCount, int categoryCount)
    {
        var batch = Guid.NewGuid().ToString("N");
        var start = DateTimeOffset.UtcNow;
        var categories = Enumerable.Range(1, categoryCount).Select(i => new Category { Name = $"Category {i} of {batch}" }).ToList();
        var widgets = Enumerable.Range(0, widgetCount)
            .Select(i => new Widget
            {
                // Ids a millisecond apart, so their order is their creation order.
                Id = Guid.CreateVersion7(start.AddMilliseconds(i)),
                Name = $"Widget {i}",
                Batch = batch,
                CategoryId = categories[i % categoryCount].Id,
            })
            .ToList();
        await app.WithDbAsync(db =>
        {
            db.Categories.AddRange(categories);
            db.Widgets.AddRange(widgets);
            return db.SaveChangesAsync();
        });
        return (batch, categories, widgets);
    }
}
