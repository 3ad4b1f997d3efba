using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>GraphQL multipart requests (file uploads) through the gateway to the subgraph that takes them.</summary>
public sealed class UploadTests : IClassFixture<UploadFixture>
{
    private readonly UploadFixture _fixture;

    public UploadTests(UploadFixture fixture)
    {
        _fixture = fixture;
        fixture.Files.Take();
        fixture.Products.Take();
    }

    private async Task<GraphQLResponse> UploadAsync(string query, object variables, string map, IEnumerable<(string Field, byte[] Bytes, string FileName, string ContentType)> files, bool preflight = true)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query, variables })), "operations" },
            { new StringContent(map), "map" },
        };
        foreach (var (field, bytes, fileName, contentType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(part, field, fileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (preflight)
            request.Headers.Add("Apollo-Require-Preflight", "true");
        using var response = await _fixture.Gateway.CreateClient().SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task A_file_reaches_its_subgraph_as_a_multipart_request_with_the_preflight_header()
    {
        var png = Bytes(3 * 1024 * 1024, 1);

        var response = await UploadAsync(
            "mutation($f: Upload!, $c: String) { attach(file: $f, caption: $c) { fileName contentType size sha256 caption } }",
            new { f = (object?)null, c = "Ảnh bìa" },
            """{"0":["variables.f"]}""",
            [("0", png, "bìa.png", "image/png")]);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Errors);
        JsonAssert.Equal($$$"""{"attach":{"fileName":"bìa.png","contentType":"image/png","size":{{{png.Length}}},"sha256":"{{{Sha256(png)}}}","caption":"Ảnh bìa"}}""", response.Data);
        var received = Assert.Single(_fixture.Files.Take());
        Assert.StartsWith("multipart/form-data", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("true", received.Headers["GraphQL-Preflight"]);
        JsonAssert.Equal("""{"c":"Ảnh bìa","f":null}""", received.Variables);
        var file = Assert.Single(received.Files);
        Assert.Equal(png, file.Content);
    }

    [Fact]
    public async Task Files_in_a_list_keep_their_places_and_other_root_fields_go_as_json()
    {
        var first = Bytes(1000, 2);
        var second = Bytes(70_000, 3);

        var response = await UploadAsync(
            """mutation($files: [Upload!]!) { attachAll(files: $files) { fileName sha256 } renameProduct(id: "p2", title: "Trà đá chanh") { title } }""",
            new { files = new object?[] { null, null } },
            """{"a":["variables.files.0"],"b":["variables.files.1"]}""",
            [("a", first, "a.bin", "application/octet-stream"), ("b", second, "b.txt", "text/plain")]);

        Assert.Empty(response.Errors);
        JsonAssert.Equal($$$"""
            {"attachAll":[{"fileName":"a.bin","sha256":"{{{Sha256(first)}}}"},{"fileName":"b.txt","sha256":"{{{Sha256(second)}}}"}],
             "renameProduct":{"title":"Trà đá chanh"}}
            """, response.Data);
        var files = Assert.Single(_fixture.Files.Take());
        JsonAssert.Equal("""{"files":[null,null]}""", files.Variables);
        Assert.Equal([first, second], files.Files.Select(f => f.Content));
        var products = Assert.Single(_fixture.Products.Take());
        Assert.StartsWith("application/json", products.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Empty(products.Files);
    }

    [Fact]
    public async Task A_multipart_request_without_a_preflight_header_is_refused_before_any_subgraph()
    {
        var response = await UploadAsync(
            "mutation($f: Upload!) { attach(file: $f) { size } }",
            new { f = (object?)null },
            """{"0":["variables.f"]}""",
            [("0", Bytes(10, 4), "x.png", "image/png")],
            preflight: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
        Assert.Empty(_fixture.Files.Take());
    }
}
