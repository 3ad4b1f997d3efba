using System.Text;
using System.Text.Json;
using GoShop.Contracts.Media;
using GoShop.Media.Domain;
using GoShop.Media.Tests.Hosting;
using GoShop.Testing;
using SkiaSharp;

namespace GoShop.Media.Tests;

/// <summary>uploadMedia: what is accepted, what it becomes, and what is refused without a trace.</summary>
public sealed class UploadTests(MediaApp app) : IClassFixture<MediaApp>
{
    [Fact]
    public async Task Jpeg_upload_is_stored_with_medium_and_thumbnail_variants_that_keep_its_aspect_ratio()
    {
        var user = app.User();

        var media = await app.UploadMediaAsync(user, TestFiles.Jpeg(1600, 1200), "phone.jpg", "image/jpeg");

        var id = media.GetProperty("id").GetString()!;
        Assert.Equal("IMAGE", media.GetProperty("kind").GetString());
        Assert.Equal("image/jpeg", media.GetProperty("contentType").GetString());
        Assert.Equal((1600, 1200), Size(media));
        Assert.Equal("phone.jpg", media.GetProperty("fileName").GetString());
        Assert.Equal(user.Id.ToString(), media.GetProperty("owner").GetProperty("id").GetString());
        Assert.Equal($"{MediaApp.PublicBaseUrl}/media/{id}/original", media.GetProperty("url").GetString());
        var variants = media.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(["medium", "thumbnail"], variants.Select(v => v.GetProperty("name").GetString()));
        Assert.Equal([(800, 600), (200, 150)], variants.Select(Size));
        Assert.Equal($"{MediaApp.PublicBaseUrl}/media/{id}/thumbnail", variants[1].GetProperty("url").GetString());
        Assert.Equal(3, app.StoredFiles().Count(f => f.StartsWith(Guid.Parse(id).ToString("N"), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stored_variants_really_have_the_sizes_they_report()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(1000, 2000), "tall.jpg", "image/jpeg");
        var id = Guid.Parse(media.GetProperty("id").GetString()!);

        foreach (var (variant, width, height) in new[] { ("original", 1000, 2000), ("medium", 400, 800), ("thumbnail", 100, 200) })
        {
            var bytes = await app.Http().GetByteArrayAsync($"/media/{id}/{variant}");
            using var codec = SKCodec.Create(new MemoryStream(bytes));
            Assert.Equal((SKEncodedImageFormat.Jpeg, width, height), (codec.EncodedFormat, codec.Info.Width, codec.Info.Height));
        }
    }

    [Fact]
    public async Task Png_upload_keeps_its_format_and_its_transparency_and_small_images_are_not_enlarged()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Png(300, 100, transparent: true), "logo.png", "image/png");

        Assert.Equal("image/png", media.GetProperty("contentType").GetString());
        Assert.Equal([(300, 100), (200, 67)], media.GetProperty("variants").EnumerateArray().Select(Size));
        var stored = await app.Http().GetByteArrayAsync(new Uri(media.GetProperty("url").GetString()!).AbsolutePath);
        using var bitmap = SKBitmap.Decode(stored);
        Assert.Equal(0, bitmap.GetPixel(0, 0).Alpha);
    }

    [Fact]
    public async Task WebP_upload_is_stored_as_webp()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.WebP(640, 480), "photo.webp", "image/webp");

        Assert.Equal("image/webp", media.GetProperty("contentType").GetString());
        Assert.Equal((640, 480), Size(media));
        Assert.Equal([(640, 480), (200, 150)], media.GetProperty("variants").EnumerateArray().Select(Size));
    }

    [Fact]
    public async Task Mp4_upload_is_stored_as_it_came_as_a_video_without_variants()
    {
        var bytes = TestFiles.Mp4(8192);

        var media = await app.UploadMediaAsync(app.User(), bytes, "clip.mp4", "video/mp4");

        Assert.Equal("VIDEO", media.GetProperty("kind").GetString());
        Assert.Equal("video/mp4", media.GetProperty("contentType").GetString());
        Assert.Equal(bytes.Length, media.GetProperty("sizeBytes").GetInt32());
        Assert.Equal(JsonValueKind.Null, media.GetProperty("width").ValueKind);
        Assert.Empty(media.GetProperty("variants").EnumerateArray());
        Assert.Equal(bytes, await app.Http().GetByteArrayAsync($"/media/{media.GetProperty("id").GetString()}/original"));
    }

    [Fact]
    public async Task The_bytes_win_over_the_declared_type_and_the_file_name()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Png(120, 80), "photo.jpg", "image/jpeg");

        Assert.Equal("image/png", media.GetProperty("contentType").GetString());
        var response = await app.Http().GetAsync(new Uri(media.GetProperty("url").GetString()!).AbsolutePath);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Exif_is_stripped_from_the_stored_original_after_its_orientation_is_applied()
    {
        var upload = TestFiles.JpegWithExif(300, 200);
        Assert.Contains((byte)0xE1, TestFiles.JpegSegmentMarkers(upload));

        var media = await app.UploadMediaAsync(app.User(), upload, "camera.jpg", "image/jpeg");

        var stored = await app.Http().GetByteArrayAsync(new Uri(media.GetProperty("url").GetString()!).AbsolutePath);
        Assert.DoesNotContain((byte)0xE1, TestFiles.JpegSegmentMarkers(stored));
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.DoesNotContain(TestFiles.CameraSecret, Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        // Orientation 6 turned the 300 x 200 picture upright: 200 x 300, with nothing left to say it was turned.
        Assert.Equal((200, 300), Size(media));
        using var codec = SKCodec.Create(new MemoryStream(stored));
        Assert.Equal((200, 300, SKEncodedOrigin.TopLeft), (codec.Info.Width, codec.Info.Height, codec.EncodedOrigin));
    }

    [Fact]
    public async Task Upload_publishes_MediaUploaded_through_the_outbox()
    {
        var media = await app.UploadMediaAsync(app.User(), TestFiles.Jpeg(64, 64), "small.jpg", "image/jpeg");

        Assert.Equal(1, await app.OutboxCountAsync<MediaUploaded>(Guid.Parse(media.GetProperty("id").GetString()!)));
    }

    public static TheoryData<string, byte[], string, string> Impostors => new()
    {
        { "text named .jpg, declared image/jpeg", "Không phải ảnh đâu"u8.ToArray(), "photo.jpg", "image/jpeg" },
        { "PDF named .jpg", TestFiles.Pdf(), "invoice.jpg", "image/jpeg" },
        { "HEIC image in an MP4-like box", TestFiles.Mp4(2048, brand: "heic"), "photo.mp4", "video/mp4" },
        { "GIF", "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray(), "anim.gif", "image/gif" },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task A_file_that_is_not_an_accepted_format_is_UNSUPPORTED_MEDIA_TYPE_and_leaves_nothing(string what, byte[] bytes, string fileName, string contentType)
    {
        await AssertRefusedAsync(bytes, fileName, contentType, "UNSUPPORTED_MEDIA_TYPE", what);
    }

    [Fact]
    public async Task An_image_over_the_image_limit_is_FILE_TOO_LARGE_and_leaves_nothing()
    {
        var oversized = TestFiles.Jpeg(64, 64).Concat(new byte[MediaApp.MaxImageBytes]).ToArray();

        await AssertRefusedAsync(oversized, "huge.jpg", "image/jpeg", "FILE_TOO_LARGE");
    }

    [Fact]
    public async Task A_video_over_the_video_limit_is_FILE_TOO_LARGE_and_leaves_nothing()
    {
        await AssertRefusedAsync(TestFiles.Mp4(MediaApp.MaxVideoBytes + 1), "long.mp4", "video/mp4", "FILE_TOO_LARGE");
    }

    [Fact]
    public async Task An_image_claiming_more_pixels_than_allowed_is_refused_before_it_is_decoded()
    {
        var bomb = TestFiles.PngBomb(40_000, 40_000);
        Assert.True(bomb.Length < 4096);

        await AssertRefusedAsync(bomb, "bomb.png", "image/png", "IMAGE_TOO_LARGE");
    }

    [Fact]
    public async Task A_file_that_starts_like_a_jpeg_but_is_broken_is_INVALID_IMAGE_and_leaves_nothing()
    {
        var broken = TestFiles.Jpeg(200, 200)[..40];

        await AssertRefusedAsync(broken, "broken.jpg", "image/jpeg", "INVALID_IMAGE");
    }

    [Fact]
    public async Task An_empty_file_is_EMPTY_FILE()
    {
        await AssertRefusedAsync([], "empty.jpg", "image/jpeg", "EMPTY_FILE");
    }

    [Fact]
    public async Task Uploading_without_signing_in_is_UNAUTHENTICATED_and_leaves_nothing()
    {
        var filesBefore = app.StoredFiles();
        var countBefore = await app.MediaCountAsync();

        var response = await app.UploadAsync(null, TestFiles.Jpeg(64, 64), "anon.jpg", "image/jpeg");

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(countBefore, await app.MediaCountAsync());
        Assert.Equal(filesBefore, app.StoredFiles());
    }

    private async Task AssertRefusedAsync(byte[] bytes, string fileName, string contentType, string code, string? what = null)
    {
        var filesBefore = app.StoredFiles();
        var countBefore = await app.MediaCountAsync();
        var outboxBefore = await app.InDatabaseAsync(db => Task.FromResult(db.OutboxMessages.Count()));

        var payload = await app.UploadPayloadAsync(app.User(), bytes, fileName, contentType);

        Assert.True(payload.UserErrorCodes().SequenceEqual([code]), $"{what}: {payload}");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("media").ValueKind);
        Assert.Equal(["file"], payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(countBefore, await app.MediaCountAsync());
        Assert.Equal(outboxBefore, await app.InDatabaseAsync(db => Task.FromResult(db.OutboxMessages.Count())));
        Assert.Equal(filesBefore, app.StoredFiles());
    }

    private static (int Width, int Height) Size(JsonElement element) =>
        (element.GetProperty("width").GetInt32(), element.GetProperty("height").GetInt32());
}
