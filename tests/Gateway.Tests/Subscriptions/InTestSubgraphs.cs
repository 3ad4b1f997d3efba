using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GoShop.Gateway.Tests.Subscriptions;

/// <summary>
/// A subgraph on loopback that answers what the gateway sends it, by applying the document's selection (aliases,
/// inline fragments) to objects the test gives: enough GraphQL for a gateway to talk to, with nothing hidden.
/// </summary>
internal sealed class InTestSubgraph : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InTestSubgraph(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<InTestSubgraph> StartAsync(Func<HttpContext, GraphQLOperationDefinition, JsonObject, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/graphql", async http =>
        {
            var request = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
            var query = request?["query"]?.GetValue<string>() ?? "";
            var operation = Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().Single();
            await answer(http, operation, request?["variables"] as JsonObject ?? []);
        });
        await app.StartAsync();
        return new InTestSubgraph(app, new Uri(app.Urls.First() + "/graphql"));
    }

    /// <summary>The selection applied to <paramref name="source"/> (objects name their type in <c>__typename</c>).</summary>
    public static JsonObject Select(GraphQLSelectionSet selection, JsonObject source)
    {
        var result = new JsonObject();
        foreach (var item in selection.Selections)
        {
            switch (item)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    var value = source[name];
                    result[field.Alias?.Name.StringValue ?? name] = field.SelectionSet is { } inner ? SelectValue(inner, value) : value?.DeepClone();
                    break;
                case GraphQLInlineFragment fragment when fragment.TypeCondition is null
                    || fragment.TypeCondition.Type.Name.StringValue == source["__typename"]?.GetValue<string>():
                    foreach (var (key, fragmentValue) in Select(fragment.SelectionSet, source))
                        result[key] = fragmentValue?.DeepClone();
                    break;
            }
        }
        return result;
    }

    private static JsonNode? SelectValue(GraphQLSelectionSet selection, JsonNode? value) => value switch
    {
        JsonObject obj => Select(selection, obj),
        JsonArray list => new JsonArray(list.Select(item => SelectValue(selection, item)).ToArray()),
        _ => null,
    };

    public static async Task WriteJsonAsync(HttpContext http, JsonObject body)
    {
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// The reviews subgraph of the tests: owns <c>Subscription.reviewAdded(productId)</c> and
/// <c>Subscription.latestReview(productId)</c>, and streams them over SSE as
/// GoShop subgraphs do. No token: refused in JSON (UNAUTHENTICATED) before any stream. "Bearer stranger": refused
/// inside the stream (a next event with FORBIDDEN, then complete), as a subgraph whose resolver refuses does.
/// </summary>
internal sealed class ReviewsSubgraph : IAsyncDisposable
{
    /// <summary>Between keep-alive comments; a product whose id starts with "silent" gets none (its subgraph is gone).</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromMilliseconds(400);

    private readonly ConcurrentDictionary<string, int> _subscriptions = new();
    private readonly ConcurrentDictionary<Channel<JsonObject>, string> _streams = new();
    private InTestSubgraph _host = null!;

    public Uri Url => _host.Url;

    /// <summary>Subscription requests the gateway made for a product.</summary>
    public int SubscriptionsFor(string productId) => _subscriptions.GetValueOrDefault(productId);

    /// <summary>Streams open now for a product.</summary>
    public int OpenStreamsFor(string productId) => _streams.Values.Count(p => p == productId);

    public static async Task<ReviewsSubgraph> StartAsync()
    {
        var subgraph = new ReviewsSubgraph();
        subgraph._host = await InTestSubgraph.StartAsync(subgraph.AnswerAsync);
        return subgraph;
    }

    /// <summary>Publishes a review to every open stream of its product.</summary>
    public void Publish(string productId, string reviewId, string body)
    {
        var review = new JsonObject
        {
            ["__typename"] = "Review",
            ["id"] = reviewId,
            ["body"] = body,
            ["product"] = new JsonObject { ["__typename"] = "Product", ["id"] = productId },
        };
        foreach (var (stream, product) in _streams)
        {
            if (product == productId)
                stream.Writer.TryWrite((JsonObject)review.DeepClone());
        }
    }

    /// <summary>Ends every open stream of a product (the subgraph completes them).</summary>
    public void Complete(string productId)
    {
        foreach (var (stream, product) in _streams)
        {
            if (product == productId)
                stream.Writer.TryComplete();
        }
    }

    private async Task AnswerAsync(HttpContext http, GraphQLOperationDefinition operation, JsonObject variables)
    {
        if (operation.Operation != OperationType.Subscription)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await InTestSubgraph.WriteJsonAsync(http, Errors("Only subscriptions are served here.", "BAD_REQUEST"));
            return;
        }
        // Every subscription field here streams the product's reviews; the field asked for names them in the answer.
        var field = operation.SelectionSet.Selections.OfType<GraphQLField>().Single().Name.StringValue;
        var productId = variables["productId"]?.GetValue<string>() ?? "";
        _subscriptions.AddOrUpdate(productId, 1, (_, n) => n + 1);

        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            await InTestSubgraph.WriteJsonAsync(http, Errors("You must be signed in to do this.", "UNAUTHENTICATED"));
            return;
        }

        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        if (authorization == "Bearer stranger")
        {
            var refusal = Errors("Only the product's shop may follow this.", "FORBIDDEN");
            refusal["data"] = null;
            await http.Response.WriteAsync($"event: next\ndata: {refusal.ToJsonString()}\n\nevent: complete\ndata:\n\n", http.RequestAborted);
            return;
        }

        var stream = Channel.CreateUnbounded<JsonObject>();
        // Registered before the headers go out, as a real subgraph subscribes before it answers.
        _streams[stream] = productId;
        try
        {
            await http.Response.StartAsync(http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            while (true)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
                tick.CancelAfter(KeepAlive);
                bool more;
                try
                {
                    more = await stream.Reader.WaitToReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
                {
                    // A subgraph that went away without closing its connection says nothing more, not even this.
                    if (!productId.StartsWith("silent", StringComparison.Ordinal))
                        await WriteAsync(http, ":\n\n");
                    continue;
                }
                if (!more)
                    break;
                while (stream.Reader.TryRead(out var review))
                {
                    var data = InTestSubgraph.Select(operation.SelectionSet, new JsonObject { [field] = review });
                    await WriteAsync(http, $"event: next\ndata: {new JsonObject { ["data"] = data }.ToJsonString()}\n\n");
                }
            }
            await WriteAsync(http, "event: complete\ndata:\n\n");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The gateway closed the subscription.
        }
        finally
        {
            _streams.TryRemove(stream, out _);
        }
    }

    private static async Task WriteAsync(HttpContext http, string text)
    {
        await http.Response.WriteAsync(text, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private static JsonObject Errors(string message, string code) => new()
    {
        ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["code"] = code } }),
    };

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

/// <summary>The catalog subgraph of the tests: owns <c>Product.name</c>, served through <c>_entities</c> and <c>Query.product</c>.</summary>
internal sealed class CatalogSubgraph : IAsyncDisposable
{
    private int _entityRequests;
    private InTestSubgraph _host = null!;

    public Uri Url => _host.Url;

    /// <summary><c>_entities</c> requests answered so far.</summary>
    public int EntityRequests => Volatile.Read(ref _entityRequests);

    public static async Task<CatalogSubgraph> StartAsync()
    {
        var subgraph = new CatalogSubgraph();
        subgraph._host = await InTestSubgraph.StartAsync(subgraph.AnswerAsync);
        return subgraph;
    }

    public static string NameOf(string productId) => "Áo dài " + productId;

    /// <summary>The Authorization header of the last request.</summary>
    public string? LastAuthorization { get; private set; }

    private Task AnswerAsync(HttpContext http, GraphQLOperationDefinition operation, JsonObject variables)
    {
        LastAuthorization = http.Request.Headers.Authorization.ToString();
        if (variables["__representations"] is null)
        {
            // Query.product(id:), the only root field catalog has here.
            var product = new JsonObject { ["__typename"] = "Product", ["id"] = "p", ["name"] = NameOf("p") };
            var answer = InTestSubgraph.Select(operation.SelectionSet, new JsonObject { ["product"] = product });
            return InTestSubgraph.WriteJsonAsync(http, new JsonObject { ["data"] = answer });
        }
        Interlocked.Increment(ref _entityRequests);
        var entities = new JsonArray();
        foreach (var representation in variables["__representations"] as JsonArray ?? [])
        {
            var id = representation?["id"]?.GetValue<string>() ?? "";
            entities.Add(new JsonObject { ["__typename"] = "Product", ["id"] = id, ["name"] = NameOf(id) });
        }
        var data = InTestSubgraph.Select(operation.SelectionSet, new JsonObject { ["_entities"] = entities });
        return InTestSubgraph.WriteJsonAsync(http, new JsonObject { ["data"] = data });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
