using System.Collections.Concurrent;

namespace GoShop.Testing.Fakes;

/// <summary>
/// Plays another subgraph's internal lookup (<c>GET {prefix}{id}</c>, JSON or 404) behind the real typed client: it
/// knows what the tests put in it, counts the lookups, and can be told to be down (503).
/// </summary>
public abstract class FakeInternalLookup<T>(string prefix) : FakeInternalService where T : notnull
{
    private readonly ConcurrentDictionary<Guid, T> _items = new();

    public int Lookups => Calls;

    protected T Add(Guid id, T item) => _items[id] = item;

    protected override Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        return Task.FromResult(
            IsGet(request) && path.StartsWith(prefix, StringComparison.Ordinal)
            && Guid.TryParse(path[prefix.Length..], out var id) && _items.TryGetValue(id, out var item)
                ? Json(item)
                : NotFound());
    }
}
