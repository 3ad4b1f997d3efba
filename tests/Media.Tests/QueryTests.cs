using System.Text.Json;
using GoShop.Media.Tests.Hosting;
using GoShop.Testing;

namespace GoShop.Media.Tests;

/// <summary>media(id) for anyone, myMedia for the signed-in uploader.</summary>
public sealed class QueryTests(MediaApp app) : IClassFixture<MediaApp>
{
    [Fact]
    public async Task Anyone_can_read_media_by_id()
    {
        var uploaded = await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(500, 500), "shoe.jpg", "image/jpeg");
        var id = uploaded.GetProperty("id").GetString();

        var media = (await app.Client().SendAsync(Operations.MediaById, new { id })).EnsureNoErrors().Get("media");

        Assert.Equal(uploaded.GetRawText(), media.GetRawText());
    }

    [Fact]
    public async Task Unknown_media_is_null()
    {
        var response = (await app.Client().SendAsync(Operations.MediaById, new { id = Guid.CreateVersion7() })).EnsureNoErrors();

        Assert.Equal(JsonValueKind.Null, response.Get("media").ValueKind);
    }

    [Fact]
    public async Task MyMedia_pages_through_the_uploaders_own_files_newest_first()
    {
        var me = app.User();
        await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(64, 64), "someone-else.jpg", "image/jpeg");
        foreach (var name in new[] { "first.jpg", "second.jpg", "third.jpg" })
            await app.UploadMediaAsync(me, TestFiles.Jpeg(64, 64), name, "image/jpeg");
        var client = app.Client(me.AccessToken);

        var page1 = (await client.SendAsync(Operations.MyMedia, new { first = 2 })).EnsureNoErrors().Get("myMedia");
        var after = page1.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var page2 = (await client.SendAsync(Operations.MyMedia, new { first = 2, after })).EnsureNoErrors().Get("myMedia");

        Assert.Equal(3, page1.GetProperty("totalCount").GetInt32());
        Assert.Equal(["third.jpg", "second.jpg"], Names(page1));
        Assert.True(page1.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["first.jpg"], Names(page2));
        Assert.False(page2.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task MyMedia_needs_a_signed_in_user()
    {
        var response = await app.Client().SendAsync(Operations.MyMedia, new { first = 2 });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    private static IEnumerable<string?> Names(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("fileName").GetString());
}
