using System.Net.Http.Headers;
using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>uploadMedia as a browser sends it through the gateway: a GraphQL multipart request.</summary>
internal static class MediaUploads
{
    /// <summary>A real 4x3 PNG, small enough to read here.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4IWcDRww4OQAP2g2Z5HvIdwAAAABJRU5ErkJggg==");

    private const string UploadMedia = """
        mutation Upload($file: Upload!) {
          uploadMedia(file: $file) { media { id url kind width height variants { name url } } userErrors { code field message } }
        }
        """;

    /// <summary>Uploads <see cref="Png"/>, which must be accepted; answers the media's id and URL.</summary>
    public static async Task<(string Id, string Url)> UploadImageAsync(Platform platform, string accessToken)
    {
        var media = (await UploadAsync(platform, accessToken, Png, "swatch.png", "image/png"))
            .EnsureNoErrors().Get("uploadMedia").Succeeded().GetProperty("media");
        return (media.GetProperty("id").GetString()!, media.GetProperty("url").GetString()!);
    }

    public static async Task<GraphQLResponse> UploadAsync(Platform platform, string? accessToken, byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query = UploadMedia, variables = new { file = (object?)null } })), "operations" },
            { new StringContent("""{"0":["variables.file"]}"""), "map" },
            { file, "0", fileName },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        // Multipart requests are simple requests to a browser: subgraphs want this header as proof against CSRF.
        request.Headers.Add("GraphQL-Preflight", "1");
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await platform.Http.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }
}
