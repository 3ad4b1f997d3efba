using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;

namespace GoShop.Testing;

/// <summary>One Server-Sent Event: its <c>event</c> name and <c>data</c>.</summary>
public sealed record ServerSentEvent(string Event, string Data);

/// <summary>A GraphQL over SSE subscriber, as the gateway or a browser would be.</summary>
public static class ServerSentEvents
{
    /// <summary>Starts a subscription and returns once the response headers arrived (the stream is live).</summary>
    public static async Task<HttpResponseMessage> SubscribeAsync(HttpClient http, string query, string? accessToken,
        object? variables = null, string path = "/graphql", CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The events of a stream as they arrive; comment lines (keep-alives) are skipped.</summary>
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(HttpResponseMessage response,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var name = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 || name != "message")
                    yield return new ServerSentEvent(name, data.ToString());
                name = "message";
                data.Clear();
            }
            else if (line.StartsWith(':'))
            {
                continue;
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                    data.Append('\n');
                data.Append(line["data:".Length..].TrimStart());
            }
        }
    }
}
