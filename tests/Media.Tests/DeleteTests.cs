using System.Net;
using GoShop.Contracts.Media;
using GoShop.Media.Tests.Hosting;
using GoShop.Testing;

namespace GoShop.Media.Tests;

/// <summary>deleteMedia: the uploader or an admin removes the record and every stored file; nobody else can.</summary>
public sealed class DeleteTests(MediaApp app) : IClassFixture<MediaApp>
{
    [Fact]
    public async Task The_uploader_deletes_the_record_and_every_stored_file()
    {
        var owner = app.User();
        var id = await UploadAsync(owner);

        var payload = (await app.Client(owner.AccessToken).MutateAsync(Operations.DeleteMedia, new { input = new { mediaId = id } })).Succeeded();

        Assert.Equal(id.ToString(), payload.GetProperty("deletedMediaId").GetString());
        Assert.Null(await app.StoredMediaAsync(id));
        Assert.DoesNotContain(app.StoredFiles(), f => f.StartsWith(id.ToString("N"), StringComparison.Ordinal));
        using var response = await app.Http().GetAsync($"/media/{id}/original");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await app.OutboxCountAsync<MediaDeleted>(id));
    }

    [Fact]
    public async Task An_admin_may_delete_anyones_media()
    {
        var id = await UploadAsync(app.User());

        var payload = await app.Client(app.Admin().AccessToken).MutateAsync(Operations.DeleteMedia, new { input = new { mediaId = id } });

        payload.Succeeded();
        Assert.Null(await app.StoredMediaAsync(id));
    }

    [Fact]
    public async Task Someone_else_cannot_delete_it_and_nothing_is_removed()
    {
        var id = await UploadAsync(app.User());
        var files = app.StoredFiles();

        var payload = await app.Client(app.User().AccessToken).MutateAsync(Operations.DeleteMedia, new { input = new { mediaId = id } });

        Assert.Equal(["FORBIDDEN"], payload.UserErrorCodes());
        Assert.Equal(["input", "mediaId"], payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.NotNull(await app.StoredMediaAsync(id));
        Assert.Equal(files, app.StoredFiles());
        Assert.Equal(0, await app.OutboxCountAsync<MediaDeleted>(id));
    }

    [Fact]
    public async Task Deleting_unknown_media_is_NOT_FOUND()
    {
        var payload = await app.Client(app.User().AccessToken).MutateAsync(Operations.DeleteMedia, new { input = new { mediaId = Guid.CreateVersion7() } });

        Assert.Equal(["NOT_FOUND"], payload.UserErrorCodes());
    }

    [Fact]
    public async Task Deleting_without_signing_in_is_UNAUTHENTICATED()
    {
        var id = await UploadAsync(app.User());

        var response = await app.Client().SendAsync(Operations.DeleteMedia, new { input = new { mediaId = id } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.NotNull(await app.StoredMediaAsync(id));
    }

    private async Task<Guid> UploadAsync(TestUser owner) =>
        Guid.Parse((await app.UploadMediaAsync(owner, TestFiles.Jpeg(300, 300), "x.jpg", "image/jpeg")).GetProperty("id").GetString()!);
}
