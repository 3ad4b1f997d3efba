using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace GoShop.Testing.Fakes;

/// <summary>
/// Plays another subgraph's internal lookup (<c>GET {prefix}{id}</c>, JSON or 404) behind the real typed client, so a
/// subgraph's own tests exercise its client, key and retries without starting that subgraph. It knows what the tests
/// put in it, counts the calls, and can be told to be down (503).
/// </summary>
public abstract class FakeInternalLookup<T>(string prefix) : HttpMessageHandler where T : notnull
{
    private readonly ConcurrentDictionary<Guid, T> _items = new();
    private int _lookups;

    public bool Down { get; set; }

    public int Lookups => _lookups;

    protected T Add(Guid id, T item) => _items[id] = item;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        if (Down)
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Get && path.StartsWith(prefix, StringComparison.Ordinal)
            && Guid.TryParse(path[prefix.Length..], out var id) && _items.TryGetValue(id, out var item))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(item) });
        }
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
