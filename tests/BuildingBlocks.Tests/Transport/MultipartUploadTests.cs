using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.Testing;

namespace GoShop.BuildingBlocks.Tests.Transport;

/// <summary>
/// File uploads through GraphQLHttpEndpoint, per the GraphQL multipart request spec: operations, map, then the files;
/// the Upload scalar; the CSRF header; the limits; and clear 400s for malformed requests.
/// </summary>
public sealed class MultipartUploadTests(UploadApp app, BuildingBlocksApp plainApp) : IClassFixture<UploadApp>, IClassFixture<BuildingBlocksApp>
{
    private const string DescribeUpload =
        "mutation($file: Upload!) { describeUpload(file: $file) { fileName contentType length sha256 text } }";

    private static readonly byte[] Greeting = Encoding.UTF8.GetBytes("Xin chào, GoShop!");

    [Fact]
    public async Task A_file_arrives_in_its_variable_with_name_declared_type_length_and_bytes()
    {
        var response = await SendAsync(Multipart(Operation(DescribeUpload, new { file = (object?)null }), """{"0":["variables.file"]}""",
            File("0", "greeting.txt", "text/plain", Greeting)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var file = response.EnsureNoErrors().Get("describeUpload");
        Assert.Equal("greeting.txt", file.GetProperty("fileName").GetString());
        Assert.Equal("text/plain", file.GetProperty("contentType").GetString());
        Assert.Equal(Greeting.Length, file.GetProperty("length").GetInt64());
        Assert.Equal("Xin chào, GoShop!", file.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_file_larger_than_the_memory_buffer_arrives_intact()
    {
        var bytes = RandomNumberGenerator.GetBytes(200 * 1024);

        var response = await SendAsync(Multipart(Operation(DescribeUpload, new { file = (object?)null }), """{"0":["variables.file"]}""",
            File("0", "noise.bin", "application/octet-stream", bytes)));

        var file = response.EnsureNoErrors().Get("describeUpload");
        Assert.Equal(bytes.Length, file.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Files_fill_a_list_variable_and_one_file_may_fill_several_paths()
    {
        const string query = "mutation($files: [Upload!]!) { describeUploads(files: $files) { fileName text } }";
        var response = await SendAsync(Multipart(Operation(query, new { files = new object?[] { null, null, null } }),
            """{"a":["variables.files.0","variables.files.2"],"b":["variables.files.1"]}""",
            File("a", "a.txt", "text/plain", "first"u8.ToArray()),
            File("b", "b.txt", "text/plain", "second"u8.ToArray())));

        var files = response.EnsureNoErrors().Get("describeUploads").EnumerateArray().ToList();
        Assert.Equal(["a.txt", "b.txt", "a.txt"], files.Select(f => f.GetProperty("fileName").GetString()));
        Assert.Equal(["first", "second", "first"], files.Select(f => f.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_file_inside_an_input_object_arrives_with_the_other_fields()
    {
        const string query = "mutation($input: AttachmentInput!) { describeAttachment(input: $input) { fileName caption text } }";
        var response = await SendAsync(Multipart(Operation(query, new { input = new { caption = "Hóa đơn", file = (object?)null } }),
            """{"0":["variables.input.file"]}""",
            File("0", "invoice.txt", "text/plain", "paid"u8.ToArray())));

        var file = response.EnsureNoErrors().Get("describeAttachment");
        Assert.Equal("Hóa đơn", file.GetProperty("caption").GetString());
        Assert.Equal("paid", file.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_batch_puts_each_file_into_its_own_operation()
    {
        var operations = JsonSerializer.Serialize(new[]
        {
            new { query = DescribeUpload, variables = new { file = (object?)null } },
            new { query = DescribeUpload, variables = new { file = (object?)null } },
        });
        using var request = Multipart(operations, """{"0":["0.variables.file"],"1":["1.variables.file"]}""",
            File("0", "one.txt", "text/plain", "one"u8.ToArray()),
            File("1", "two.txt", "text/plain", "two"u8.ToArray()));
        using var response = await app.Http().SendAsync(request);
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["one", "two"], results.EnumerateArray().Select(r => r.GetProperty("data").GetProperty("describeUpload").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Apollo_require_preflight_is_accepted_as_the_csrf_header()
    {
        var response = await SendAsync(Multipart(Operation(DescribeUpload, new { file = (object?)null }), """{"0":["variables.file"]}""",
            preflightHeader: "Apollo-Require-Preflight", parts: File("0", "greeting.txt", "text/plain", Greeting)));

        Assert.Equal("greeting.txt", response.EnsureNoErrors().Get("describeUpload.fileName").GetString());
    }

    [Fact]
    public async Task A_multipart_request_without_a_preflight_header_is_refused_as_a_possible_cross_site_form_post()
    {
        var response = await SendAsync(Multipart(Operation(DescribeUpload, new { file = (object?)null }), """{"0":["variables.file"]}""",
            preflightHeader: null, parts: File("0", "greeting.txt", "text/plain", Greeting)));

        AssertBadRequest(response, "GraphQL-Preflight");
    }

    [Fact]
    public async Task A_request_larger_than_MaxUploadBytes_is_413()
    {
        var response = await SendAsync(Multipart(Operation(DescribeUpload, new { file = (object?)null }), """{"0":["variables.file"]}""",
            File("0", "big.bin", "application/octet-stream", new byte[UploadApp.MaxUploadBytes + 1])));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_streamed_request_without_a_length_is_cut_off_at_MaxUploadBytes_with_413()
    {
        using var request = Multipart(Operation(DescribeUpload, new { file = (object?)null }), """{"0":["variables.file"]}""",
            File("0", "big.bin", "application/octet-stream", new byte[UploadApp.MaxUploadBytes + 1]));
        var body = await request.Content!.ReadAsByteArrayAsync();
        var contentType = request.Content.Headers.ContentType;
        request.Content = new StreamContent(new UnknownLengthStream(body));
        request.Content.Headers.ContentType = contentType;

        var response = await SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task More_files_than_MaxUploadFiles_is_413()
    {
        const string query = "mutation($files: [Upload!]!) { describeUploads(files: $files) { fileName } }";
        var count = UploadApp.MaxUploadFiles + 1;
        var map = JsonSerializer.Serialize(Enumerable.Range(0, count).ToDictionary(i => i.ToString(), i => new[] { $"variables.files.{i}" }));
        var response = await SendAsync(Multipart(Operation(query, new { files = new object?[count] }), map,
            Enumerable.Range(0, count).Select(i => File(i.ToString(), $"{i}.txt", "text/plain", "x"u8.ToArray())).ToArray()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Theory]
    [InlineData("{\"query\": ", """{"0":["variables.file"]}""", "'operations'")]
    [InlineData("{\"query\":\"mutation($file: Upload!) { describeUpload(file: $file) { length } }\",\"variables\":{\"file\":null}}", "[0]", "'map'")]
    [InlineData("{\"query\":\"mutation($file: Upload!) { describeUpload(file: $file) { length } }\",\"variables\":{\"file\":null}}", """{"0":["variables.nothing"]}""", "variables.nothing")]
    [InlineData("{\"query\":\"mutation($file: Upload!) { describeUpload(file: $file) { length } }\",\"variables\":{\"file\":\"taken\"}}", """{"0":["variables.file"]}""", "null")]
    [InlineData("{\"query\":\"mutation($file: Upload!) { describeUpload(file: $file) { length } }\",\"variables\":{\"file\":null}}", """{"0":["query"]}""", "variables")]
    [InlineData("{\"query\":\"mutation($file: Upload!) { describeUpload(file: $file) { length } }\",\"variables\":{\"file\":null}}", """{"0":["variables.file"],"1":["variables.file"]}""", "'1'")]
    public async Task Malformed_operations_or_map_is_400_with_a_clear_error(string operations, string map, string mentioned)
    {
        var response = await SendAsync(Multipart(operations, map, File("0", "a.txt", "text/plain", "a"u8.ToArray())));

        AssertBadRequest(response, mentioned);
    }

    [Fact]
    public async Task A_file_not_named_in_the_map_is_400()
    {
        var response = await SendAsync(Multipart(Operation(DescribeUpload, new { file = (object?)null }), """{"0":["variables.file"]}""",
            File("0", "a.txt", "text/plain", "a"u8.ToArray()),
            File("stray", "b.txt", "text/plain", "b"u8.ToArray())));

        AssertBadRequest(response, "'stray'");
    }

    [Fact]
    public async Task Files_before_operations_and_map_are_400()
    {
        var response = await SendAsync(MultipartInOrder(
            File("0", "a.txt", "text/plain", "a"u8.ToArray()),
            Text("operations", Operation(DescribeUpload, new { file = (object?)null })),
            Text("map", """{"0":["variables.file"]}""")));

        AssertBadRequest(response, "operations, map, then the files");
    }

    [Fact]
    public async Task An_upload_cannot_be_a_json_value_or_a_literal()
    {
        var json = await SendAsync(HttpRequests.PostQuery(DescribeUpload, new { file = "data:text/plain;base64,eGluIGNow6Bv" }), app.Http());
        var literal = await SendAsync(HttpRequests.PostQuery("mutation { describeUpload(file: \"greeting.txt\") { length } }"), app.Http());

        Assert.Equal(["BAD_USER_INPUT"], json.ErrorCodes);
        Assert.NotEmpty(literal.Errors);
        Assert.False(literal.Data.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task A_subgraph_without_the_Upload_scalar_refuses_multipart_with_415()
    {
        var response = await SendAsync(Multipart(Operation("mutation { touch }", new { }), "{}"), plainApp.Http());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    private static void AssertBadRequest(GraphQLResponse response, string mentioned)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
        Assert.Contains(mentioned, response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, HttpClient? http = null)
    {
        using (request)
        using (var response = await (http ?? app.Http()).SendAsync(request))
            return await GraphQLResponse.ReadAsync(response);
    }

    private static string Operation(string query, object variables) => JsonSerializer.Serialize(new { query, variables });

    private static (string Name, HttpContent Content, string? FileName) File(string name, string fileName, string contentType, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return (name, content, fileName);
    }

    private static (string Name, HttpContent Content, string? FileName) Text(string name, string value) =>
        (name, new StringContent(value, Encoding.UTF8), null);

    private static HttpRequestMessage Multipart(string operations, string map, params (string Name, HttpContent Content, string? FileName)[] parts) =>
        Multipart(operations, map, "GraphQL-Preflight", parts);

    private static HttpRequestMessage Multipart(string operations, string map, string? preflightHeader,
        params (string Name, HttpContent Content, string? FileName)[] parts) =>
        MultipartInOrder(preflightHeader, [Text("operations", operations), Text("map", map), .. parts]);

    private static HttpRequestMessage MultipartInOrder(params (string Name, HttpContent Content, string? FileName)[] parts) =>
        MultipartInOrder("GraphQL-Preflight", parts);

    private static HttpRequestMessage MultipartInOrder(string? preflightHeader, (string Name, HttpContent Content, string? FileName)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content, fileName) in parts)
        {
            if (fileName is null)
                form.Add(content, name);
            else
                form.Add(content, name, fileName);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.Accept.ParseAdd(HttpRequests.GraphQLResponseJson);
        if (preflightHeader is not null)
            request.Headers.Add(preflightHeader, "1");
        return request;
    }

    /// <summary>A body whose length is not known up front, as a chunked upload's is.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
