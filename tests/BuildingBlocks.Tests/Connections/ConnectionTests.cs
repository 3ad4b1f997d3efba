using System.Text.Json;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;

namespace GoShop.BuildingBlocks.Tests.Connections;

/// <summary>ToConnectionByIdAsync behind a connection field: keyset pages by id, newest first.</summary>
public sealed class ConnectionTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    private const string Page = """
        query($batch: String!, $first: Int, $after: String) {
          widgetPage(batch: $batch, first: $first, after: $after) {
            edges { cursor node { id name } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            totalCount
          }
        }
        """;

    [Fact]
    public async Task Pages_walk_the_whole_list_newest_first_with_hasNextPage_and_totalCount()
    {
        var (batch, widgets) = await SeedAsync(5);
        var newestFirst = widgets.AsEnumerable().Reverse().ToList();

        var first = await PageAsync(batch, 2, after: null);
        var second = await PageAsync(batch, 2, after: EndCursor(first));
        var last = await PageAsync(batch, 2, after: EndCursor(second));

        Assert.Equal(newestFirst.Take(2).Select(w => w.Name), Names(first));
        Assert.Equal(newestFirst.Skip(2).Take(2).Select(w => w.Name), Names(second));
        Assert.Equal(newestFirst.Skip(4).Select(w => w.Name), Names(last));
        Assert.Equal([true, true, false], new[] { first, second, last }.Select(p => PageInfo(p).GetProperty("hasNextPage").GetBoolean()));
        Assert.Equal([false, true, true], new[] { first, second, last }.Select(p => PageInfo(p).GetProperty("hasPreviousPage").GetBoolean()));
        Assert.All(new[] { first, second, last }, p => Assert.Equal(5, p.GetProperty("totalCount").GetInt32()));
        var firstEdge = first.GetProperty("edges")[0];
        Assert.Equal(Cursor.FromId(newestFirst[0].Id), firstEdge.GetProperty("cursor").GetString());
        Assert.Equal(firstEdge.GetProperty("cursor").GetString(), PageInfo(first).GetProperty("startCursor").GetString());
    }

    [Fact]
    public async Task Empty_connection_has_no_edges_no_cursors_and_no_next_page()
    {
        var empty = await PageAsync(Guid.NewGuid().ToString("N"), 10, after: null);

        Assert.Equal(0, empty.GetProperty("edges").GetArrayLength());
        Assert.Equal(0, empty.GetProperty("totalCount").GetInt32());
        Assert.False(PageInfo(empty).GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, PageInfo(empty).GetProperty("startCursor").ValueKind);
        Assert.Equal(JsonValueKind.Null, PageInfo(empty).GetProperty("endCursor").ValueKind);
    }

    [Fact]
    public async Task A_page_exactly_as_long_as_what_is_left_has_no_next_page()
    {
        var (batch, _) = await SeedAsync(3);

        var page = await PageAsync(batch, 3, after: null);

        Assert.Equal(3, page.GetProperty("edges").GetArrayLength());
        Assert.False(PageInfo(page).GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("AAAA")]
    [InlineData("two-parts")]
    public async Task Cursor_this_API_did_not_issue_is_BAD_USER_INPUT(string after)
    {
        if (after == "two-parts")
            after = Cursor.Encode(Guid.NewGuid().ToString("N"), "extra");

        var response = await app.Client().SendAsync(Page, new { batch = "any", first = 2, after });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.Equal("The cursor is not one this API issued.", response.Errors[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Page_size_outside_1_to_100_is_BAD_USER_INPUT(int first)
    {
        var response = await app.Client().SendAsync(Page, new { batch = "any", first });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    private async Task<JsonElement> PageAsync(string batch, int first, string? after) =>
        (await app.Client().SendAsync(Page, new { batch, first, after })).EnsureNoErrors().Get("widgetPage");

    private static string EndCursor(JsonElement page) => PageInfo(page).GetProperty("endCursor").GetString()!;

    private static JsonElement PageInfo(JsonElement page) => page.GetProperty("pageInfo");

    private static IEnumerable<string?> Names(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString());

    /// <summary>Widgets of a fresh batch, oldest first, created a millisecond apart so their ids sort by age.</summary>
    private async Task<(string Batch, List<Widget> Widgets)> SeedAsync(int count)
    {
        var batch = Guid.NewGuid().ToString("N");
        var category = new Category { Name = "Paged" };
        var start = DateTimeOffset.UtcNow;
        var widgets = Enumerable.Range(1, count)
            .Select(i => new Widget { Id = Guid.CreateVersion7(start.AddMilliseconds(i)), Name = $"Widget {i}", Batch = batch, CategoryId = category.Id })
            .ToList();
        await app.WithDbAsync(db =>
        {
            db.Categories.Add(category);
            db.Widgets.AddRange(widgets);
            return db.SaveChangesAsync();
        });
        return (batch, widgets);
    }
}
