using System.Net.Http.Headers;
using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Media.Tests.Hosting;

/// <summary>Sends uploadMedia as a browser or the gateway does: a GraphQL multipart request (operations, map, file).</summary>
public static class MediaUploads
{
    public static async Task<GraphQLResponse> UploadAsync(this MediaApp app, TestUser? user, byte[] bytes, string fileName, string contentType)
    {
        using var request = Request(bytes, fileName, contentType);
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var response = await app.Http().SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>The uploadMedia payload, failing the test on a top-level error.</summary>
    public static async Task<JsonElement> UploadPayloadAsync(this MediaApp app, TestUser user, byte[] bytes, string fileName, string contentType) =>
        (await app.UploadAsync(user, bytes, fileName, contentType)).EnsureNoErrors().Get("uploadMedia");

    /// <summary>Uploads a file that must be accepted and returns the media.</summary>
    public static async Task<JsonElement> UploadMediaAsync(this MediaApp app, TestUser user, byte[] bytes, string fileName, string contentType) =>
        (await app.UploadPayloadAsync(user, bytes, fileName, contentType)).Succeeded().GetProperty("media");

    private static HttpRequestMessage Request(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query = Operations.UploadMedia, variables = new { file = (object?)null } })), "operations" },
            { new StringContent("""{"0":["variables.file"]}"""), "map" },
            { file, "0", fileName },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Add("GraphQL-Preflight", "1");
        return request;
    }
}
