using System.Net;
using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>Uploads travel through the gateway as GraphQL multipart requests and come back as served files.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MediaUploadTests(Platform platform)
{
    private static byte[] Png => MediaUploads.Png;

    [Fact]
    public async Task A_signed_in_user_uploads_an_image_through_the_gateway_and_its_url_serves_it()
    {
        var token = await Accounts.RegisterAsync(platform);

        var response = await UploadAsync(token, Png, "swatch.png", "image/png");

        var media = response.EnsureNoErrors().Get("uploadMedia").Succeeded().GetProperty("media");
        Assert.Equal("IMAGE", media.GetProperty("kind").GetString());
        Assert.Equal(4, media.GetProperty("width").GetInt32());
        Assert.Equal(3, media.GetProperty("height").GetInt32());

        using var files = new HttpClient();
        using var served = await files.GetAsync(media.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(served.Headers.ETag);

        // The gateway resolves the same media by reference for anyone who knows its id.
        var read = (await platform.Client().SendAsync("query($id: ID!) { media(id: $id) { id kind } }",
            new { id = media.GetProperty("id").GetString() })).EnsureNoErrors();
        Assert.Equal("IMAGE", read.Get("media.kind").GetString());
    }

    [Fact]
    public async Task A_text_file_named_like_a_photo_is_refused_through_the_gateway()
    {
        var token = await Accounts.RegisterAsync(platform);

        var response = await UploadAsync(token, "not a picture at all"u8.ToArray(), "holiday.jpg", "image/jpeg");

        var payload = response.EnsureNoErrors().Get("uploadMedia");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("media").ValueKind);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_upload_without_a_token_is_refused_as_unauthenticated()
    {
        var response = await UploadAsync(accessToken: null, Png, "swatch.png", "image/png");

        Assert.Contains("UNAUTHENTICATED", response.ErrorCodes);
    }

    private Task<GraphQLResponse> UploadAsync(string? accessToken, byte[] bytes, string fileName, string contentType) =>
        MediaUploads.UploadAsync(platform, accessToken, bytes, fileName, contentType);
}
