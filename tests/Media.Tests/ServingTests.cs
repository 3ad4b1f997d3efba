using System.Net;
using System.Net.Http.Headers;
using GoShop.Media.Tests.Hosting;

namespace GoShop.Media.Tests;

/// <summary>GET /media/{id}/{variant}: the bytes, cached for good, revalidated by entity tag, in ranges for video.</summary>
public sealed class ServingTests(MediaApp app) : IClassFixture<MediaApp>
{
    [Fact]
    public async Task A_variant_is_served_with_its_type_a_strong_etag_and_cached_forever()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(900, 600), "shirt.jpg", "image/jpeg");

        using var response = await app.Http().GetAsync($"/media/{media.GetProperty("id").GetString()}/medium");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        var variant = media.GetProperty("variants")[0];
        Assert.Equal(variant.GetProperty("sizeBytes").GetInt32(), (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_request_with_the_current_etag_is_answered_304_without_a_body()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Png(50, 50), "dot.png", "image/png");
        var path = $"/media/{media.GetProperty("id").GetString()}/original";
        using var first = await app.Http().GetAsync(path);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await app.Http().SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
    }

    [Fact]
    public async Task Each_variant_has_its_own_etag()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(1200, 900), "bag.jpg", "image/jpeg");
        var id = media.GetProperty("id").GetString();

        var tags = new List<string>();
        foreach (var variant in new[] { "original", "medium", "thumbnail" })
        {
            using var response = await app.Http().GetAsync($"/media/{id}/{variant}");
            tags.Add(response.Headers.ETag!.Tag);
        }

        Assert.Equal(3, tags.Distinct().Count());
    }

    [Fact]
    public async Task A_video_is_served_in_ranges()
    {
        var bytes = TestFiles.Mp4(16_384);
        var media = await app.UploadMediaAsync(app.User(), bytes, "clip.mp4", "video/mp4");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{media.GetProperty("id").GetString()}/original");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var response = await app.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
        Assert.Equal(new ContentRangeHeaderValue(1000, 1999, bytes.Length), response.Content.Headers.ContentRange);
        Assert.Equal(bytes[1000..2000], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Unknown_media_unknown_variants_and_variants_a_video_does_not_have_are_404()
    {
        var video = await app.UploadMediaAsync(app.User(), TestFiles.Mp4(), "clip.mp4", "video/mp4");
        var image = await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(100, 100), "a.jpg", "image/jpeg");

        foreach (var path in new[]
                 {
                     $"/media/{Guid.CreateVersion7()}/original",
                     $"/media/{image.GetProperty("id").GetString()}/huge",
                     $"/media/{image.GetProperty("id").GetString()}/..%2F..%2Fetc",
                     $"/media/{video.GetProperty("id").GetString()}/thumbnail",
                 })
        {
            using var response = await app.Http().GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }
}
