using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>
/// Reads a request of the GraphQL multipart request spec (github.com/jaydenseric/graphql-multipart-request-spec):
/// a <c>multipart/form-data</c> body whose first field, <c>operations</c>, is the GraphQL request (or a batch) with
/// <c>null</c> where the files go; whose second field, <c>map</c>, names for each file field the paths it fills
/// (<c>{"0": ["variables.file"]}</c>); and whose further fields are the files. Each file is buffered (in memory when
/// small, in a temporary file otherwise, deleted when the response completes) and put into the variables as an
/// <see cref="IFormFile"/>, the value of the <c>Upload</c> scalar.
/// <para>
/// Multipart is a content type a browser may post across sites without asking first, so a request must also carry
/// one of <see cref="PreflightHeaders"/>: a header no cross-site form can add without a CORS preflight, which the
/// subgraphs never grant.
/// </para>
/// </summary>
internal sealed class MultipartRequestReader(IGraphQLTextSerializer serializer, GraphQLHttpOptions options)
{
    public const string MediaType = "multipart/form-data";

    /// <summary>Any one of these, with any non-empty value, marks a multipart request as not a cross-site form post.</summary>
    public static readonly IReadOnlyList<string> PreflightHeaders = ["GraphQL-Preflight", "Apollo-Require-Preflight"];

    /// <summary>Files up to this size stay in memory; larger ones go to a temporary file.</summary>
    private const int MemoryThreshold = 64 * 1024;

    public async Task<IList<GraphQLRequest>> ReadAsync(HttpContext http, MediaTypeHeaderValue contentType)
    {
        var request = http.Request;
        if (!PreflightHeaders.Any(name => !string.IsNullOrWhiteSpace(request.Headers[name])))
        {
            throw Malformed($"A multipart request must carry the {PreflightHeaders[0]} header (any value, e.g. 1), " +
                "so that it cannot be a cross-site form post.");
        }
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            throw Malformed("The multipart request has no valid boundary.");
        if (request.ContentLength > options.MaxUploadBytes)
            throw TooLarge();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxUploadBytes;

        try
        {
            // Counted here as well as by the server: a chunked body has no Content-Length to check up front.
            var body = new BoundedReadStream(request.Body, options.MaxUploadBytes, TooLarge);
            var reader = new MultipartReader(boundary, body) { BodyLengthLimit = options.MaxUploadBytes };
            return await ReadSectionsAsync(http, reader);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw Malformed("The multipart body is malformed: " + ex.Message);
        }
    }

    private async Task<IList<GraphQLRequest>> ReadSectionsAsync(HttpContext http, MultipartReader reader)
    {
        var cancellationToken = http.RequestAborted;
        var operationsJson = await ReadTextFieldAsync(await reader.ReadNextSectionAsync(cancellationToken), "operations", position: "first");
        var mapJson = await ReadTextFieldAsync(await reader.ReadNextSectionAsync(cancellationToken), "map", position: "second");

        IList<GraphQLRequest>? requests;
        try
        {
            requests = serializer.Deserialize<IList<GraphQLRequest>>(operationsJson);
        }
        catch (JsonException)
        {
            throw Malformed("The 'operations' field is not a valid GraphQL request in JSON.");
        }
        if (requests is null || requests.Count == 0)
            throw Malformed("The 'operations' field holds no operation.");
        var batched = requests is not GraphQLRequest[];

        var map = ParseMap(mapJson);
        if (map.Count > options.MaxUploadFiles)
            throw TooManyFiles();
        var variables = requests.Select(r => (Dictionary<string, object?>)Mutable(r.Variables ?? new Inputs(new Dictionary<string, object?>()))!).ToList();
        var placements = map.ToDictionary(entry => entry.Key, entry => entry.Value.Select(path => Locate(path, variables, batched)).ToList());

        var files = new Dictionary<string, IFormFile>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = Disposition(section);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (!placements.ContainsKey(name))
                throw Malformed($"The multipart field '{name}' is not named in the 'map' field.");
            if (files.ContainsKey(name))
                throw Malformed($"The file field '{name}' is sent more than once.");
            files[name] = await BufferFileAsync(http, section, disposition, name);
        }

        foreach (var (name, targets) in placements)
        {
            if (!files.TryGetValue(name, out var file))
                throw Malformed($"The 'map' field names the file field '{name}', which the request does not carry.");
            foreach (var place in targets)
                place(file);
        }
        for (var i = 0; i < requests.Count; i++)
        {
            if (variables[i].Count > 0)
                requests[i].Variables = new Inputs(variables[i]);
        }
        return requests;
    }

    private async Task<string> ReadTextFieldAsync(MultipartSection? section, string expected, string position)
    {
        var name = section is null ? null : HeaderUtilities.RemoveQuotes(Disposition(section).Name).Value;
        if (section is null || name != expected)
        {
            throw Malformed($"The {position} field of a multipart request must be '{expected}' " +
                "(GraphQL multipart request spec: operations, map, then the files).");
        }
        using var text = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await section.Body.ReadAsync(buffer)) > 0)
        {
            if (text.Length + read > options.MaxRequestBytes)
                throw new RequestRejected(StatusCodes.Status413PayloadTooLarge, $"The '{expected}' field is larger than {options.MaxRequestBytes} bytes.");
            text.Write(buffer, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }

    private static Dictionary<string, string[]> ParseMap(string json)
    {
        const string Shape = "The 'map' field must be a JSON object naming, for each file field, an array of paths such as \"variables.file\".";
        Dictionary<string, string[]>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json);
        }
        catch (JsonException)
        {
            throw Malformed(Shape);
        }
        if (map is null || map.Values.Any(paths => paths is null || paths.Length == 0 || paths.Any(string.IsNullOrWhiteSpace)))
            throw Malformed(Shape);
        return map;
    }

    /// <summary>
    /// Where a map path puts its file: <c>variables.x.y</c> (or <c>N.variables.x.y</c> in a batch) must name a null
    /// in the operations, as the spec has clients leave it.
    /// </summary>
    private static Action<IFormFile> Locate(string path, List<Dictionary<string, object?>> variables, bool batched)
    {
        var segments = path.Split('.');
        var start = 0;
        var operation = 0;
        if (batched)
        {
            if (!int.TryParse(segments[0], NumberStyles.None, CultureInfo.InvariantCulture, out operation) || operation >= variables.Count)
                throw Malformed($"The map path '{path}' does not start with the index of an operation of the batch.");
            start = 1;
        }
        if (segments.Length < start + 2 || segments[start] != "variables")
            throw Malformed($"The map path '{path}' does not point into the variables of an operation.");

        object? node = variables[operation];
        for (var i = start + 1; i < segments.Length - 1; i++)
        {
            node = node switch
            {
                IDictionary<string, object?> fields when fields.TryGetValue(segments[i], out var value) => value,
                IList<object?> items when Index(segments[i], items.Count) is { } index => items[index],
                _ => throw Malformed($"The map path '{path}' does not exist in the operations."),
            };
        }
        var last = segments[^1];
        switch (node)
        {
            case IDictionary<string, object?> fields when fields.TryGetValue(last, out var value) && value is null:
                return file => fields[last] = file;
            case IList<object?> items when Index(last, items.Count) is { } index && items[index] is null:
                return file => items[index] = file;
            default:
                throw Malformed($"The map path '{path}' does not point at a null in the operations.");
        }

        static int? Index(string segment, int count) =>
            int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < count ? index : null;
    }

    /// <summary>A copy of deserialized variables whose objects and lists can take the files.</summary>
    private static object? Mutable(object? value) => value switch
    {
        IDictionary<string, object?> fields => fields.ToDictionary(f => f.Key, f => Mutable(f.Value), StringComparer.Ordinal),
        IEnumerable<object?> items => items.Select(Mutable).ToList(),
        _ => value,
    };

    private static async Task<IFormFile> BufferFileAsync(HttpContext http, MultipartSection section, ContentDispositionHeaderValue disposition, string name)
    {
        var buffer = new FileBufferingReadStream(section.Body, MemoryThreshold, bufferLimit: null, Path.GetTempPath);
        http.Response.RegisterForDisposeAsync(buffer);
        await buffer.DrainAsync(http.RequestAborted);
        buffer.Position = 0;
        var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        var headers = new HeaderDictionary();
        foreach (var (key, value) in section.Headers ?? [])
            headers[key] = value;
        return new FormFile(buffer, 0, buffer.Length, name, fileName) { Headers = headers };
    }

    private static ContentDispositionHeaderValue Disposition(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
        && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
        && !StringSegment.IsNullOrEmpty(disposition.Name)
            ? disposition
            : throw Malformed("Every part of a multipart request needs a Content-Disposition of form-data with a name.");

    private static RequestRejected Malformed(string message) => new(StatusCodes.Status400BadRequest, message);

    private RequestRejected TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The multipart request is larger than {options.MaxUploadBytes} bytes.");

    private RequestRejected TooManyFiles() =>
        new(StatusCodes.Status413PayloadTooLarge, $"A multipart request may carry at most {options.MaxUploadFiles} files.");
}
