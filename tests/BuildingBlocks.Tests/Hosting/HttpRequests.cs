using System.Net.Http.Headers;
using System.Text;

namespace GoShop.BuildingBlocks.Tests.Hosting;

/// <summary>Raw requests to /graphql, for the transport rules a GraphQL client library would hide.</summary>
public static class HttpRequests
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static HttpRequestMessage Post(string body, string? accept = GraphQLResponseJson, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    public static HttpRequestMessage PostQuery(string query, object? variables = null, string? accept = GraphQLResponseJson) =>
        Post(System.Text.Json.JsonSerializer.Serialize(new { query, variables }), accept);

    public static HttpRequestMessage Get(string query, string? variables = null, string? accept = GraphQLResponseJson)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
            url += "&variables=" + Uri.EscapeDataString(variables);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return request;
    }
}
