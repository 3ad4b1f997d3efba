using System.Net;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Media;
using GoShop.Media.Tests.Hosting;

namespace GoShop.Media.Tests;

/// <summary>GET /internal/media/{id}, as catalog calls it through MediaDirectory before attaching a picture.</summary>
public sealed class InternalApiTests(MediaApp app) : IClassFixture<MediaApp>
{
    [Fact]
    public async Task MediaDirectory_finds_an_upload_with_its_owner_kind_type_and_size()
    {
        var owner = app.User();
        var media = await app.UploadMediaAsync(owner, TestFiles.WebP(320, 240), "cat.webp", "image/webp");
        var id = Guid.Parse(media.GetProperty("id").GetString()!);

        var info = await Directory().FindAsync(id, CancellationToken.None);

        Assert.Equal(new MediaInfo(id, owner.Id, "IMAGE", "image/webp", 320, 240), info);
    }

    [Fact]
    public async Task MediaDirectory_answers_null_for_unknown_media()
    {
        Assert.Null(await Directory().FindAsync(Guid.CreateVersion7(), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Without_the_internal_key_the_lookup_is_401(string? key)
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(64, 64), "a.jpg", "image/jpeg");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/media/{media.GetProperty("id").GetString()}");
        if (key is not null)
            request.Headers.Add(InternalApiOptions.KeyHeader, key);

        using var response = await app.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private MediaDirectory Directory()
    {
        var http = app.Http();
        http.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, InternalApiOptions.DevelopmentKey);
        return new MediaDirectory(http);
    }
}
