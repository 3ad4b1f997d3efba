using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GoShop.Testing.Fakes;

/// <summary>
/// Plays another subgraph's internal API behind the real typed client: the test's subgraph keeps its client, key and
/// retries, and the fake answers from what the test put in it. It counts the calls and can be told to be down (503).
/// </summary>
public abstract class FakeInternalService : HttpMessageHandler
{
    private int _calls;

    public bool Down { get; set; }

    public int Calls => _calls;

    /// <summary>Answers one request; <paramref name="segments"/> is the path split on '/', without "internal".</summary>
    protected abstract Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Down)
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
        if (segments.Length == 0 || segments[0] != "internal")
            return NotFound();
        return await AnswerAsync(request, segments[1..], cancellationToken);
    }

    protected static HttpResponseMessage Json<T>(T body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = JsonContent.Create(body) };

    protected static HttpResponseMessage NotFound() => new(HttpStatusCode.NotFound);

    protected static HttpResponseMessage Status(HttpStatusCode status) => new(status);

    /// <summary>The request's JSON body, read from a buffered copy: a client's retry sends the same content again.</summary>
    protected static async Task<T> ReadAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<T>(await request.Content!.ReadAsByteArrayAsync(cancellationToken), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"The request carried no {typeof(T).Name}.");

    protected static bool IsGet(HttpRequestMessage request) => request.Method == HttpMethod.Get;

    protected static bool IsPost(HttpRequestMessage request) => request.Method == HttpMethod.Post;
}
