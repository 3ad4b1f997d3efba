using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GoShop.Testing;

/// <summary>Sends GraphQL operations over HTTP the way a frontend does, optionally with a bearer token.</summary>
public sealed class GraphQLClient(HttpClient http, string path = "/graphql")
{
    public HttpClient Http { get; } = http;

    public string? AccessToken { get; set; }

    public async Task<GraphQLResponse> SendAsync(string query, object? variables = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (AccessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        using var response = await Http.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>Sends a mutation and returns its payload, failing the test on any top-level error.</summary>
    public async Task<JsonElement> MutateAsync(string query, object? variables = null)
    {
        var response = await SendAsync(query, variables);
        response.EnsureNoErrors();
        return response.Data.EnumerateObject().Single().Value;
    }
}

public sealed class GraphQLResponse
{
    private GraphQLResponse(HttpStatusCode status, string? contentType, JsonElement root)
    {
        Status = status;
        ContentType = contentType;
        Root = root;
    }

    public HttpStatusCode Status { get; }

    public string? ContentType { get; }

    public JsonElement Root { get; }

    public JsonElement Data => Root.TryGetProperty("data", out var data) ? data : default;

    public IReadOnlyList<JsonElement> Errors =>
        Root.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    public IEnumerable<string?> ErrorCodes => Errors.Select(e =>
        e.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null);

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var root = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, root);
    }

    /// <summary>A value by dotted path from <c>data</c>, e.g. <c>"login.user.id"</c>.</summary>
    public JsonElement Get(string path) => Data.Get(path);

    public GraphQLResponse EnsureNoErrors()
    {
        if (Errors.Count > 0)
            throw new Xunit.Sdk.XunitException("Unexpected GraphQL errors: " + Root.GetRawText());
        return this;
    }

    public override string ToString() => Root.ValueKind == JsonValueKind.Undefined ? $"({(int)Status})" : Root.GetRawText();
}

public static class PayloadExtensions
{
    /// <summary>A value by dotted path, e.g. <c>"fees.total.amount"</c> or <c>"orders.0.id"</c>.</summary>
    public static JsonElement Get(this JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
            current = int.TryParse(part, out var index) ? current[index] : current.GetProperty(part);
        return current;
    }

    /// <summary>The codes of a payload's userErrors.</summary>
    public static IReadOnlyList<string> UserErrorCodes(this JsonElement payload) =>
        payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();

    /// <summary>Fails the test when the payload carries userErrors.</summary>
    public static JsonElement Succeeded(this JsonElement payload)
    {
        if (payload.GetProperty("userErrors").GetArrayLength() > 0)
            throw new Xunit.Sdk.XunitException("Unexpected userErrors: " + payload.GetRawText());
        return payload;
    }
}
