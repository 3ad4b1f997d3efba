using System.Collections.Concurrent;
using System.Text.Json;
using GoShop.Testing;
using GraphQL;
using GraphQL.DI;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>How a test subgraph misbehaves, switched on by a test.</summary>
public enum SubgraphFault
{
    None,

    /// <summary>Answers only after <see cref="TestSubgraph.SlowDelay"/> (or when the gateway gives up).</summary>
    Slow,

    /// <summary>Answers 200 with a body that is not JSON.</summary>
    InvalidJson,
}

/// <summary>What a subgraph received: the document, its variables, headers that matter, and when (across all subgraphs).</summary>
public sealed record ReceivedRequest(long Sequence, string Query, JsonElement Variables, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<ReceivedFile> Files);

/// <summary>A file part of a multipart request, as the subgraph read it.</summary>
public sealed record ReceivedFile(string Field, string FileName, string? ContentType, byte[] Content);

/// <summary>Counts requests across the subgraphs of one test setup, so the order of fetches can be asserted.</summary>
public sealed class RequestSequence
{
    private long _next;

    public long Next() => Interlocked.Increment(ref _next);
}

/// <summary>
/// A subgraph for gateway tests: a GraphQL.NET schema with Federation 2.3 (<c>_service</c>, <c>_entities</c>),
/// served by Kestrel on a loopback port of its own, answering GraphQL POSTs (JSON, or multipart with files) as the
/// platform's subgraphs do, and recording every request it receives.
/// </summary>
public sealed class TestSubgraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestSequence _sequence;

    private TestSubgraph(string name, WebApplication app, RequestSequence sequence)
    {
        Name = name;
        _app = app;
        _sequence = sequence;
    }

    public string Name { get; }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public SubgraphFault Fault { get; set; }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <param name="configure">Registers the schema (<c>AddSchema</c>) and what its resolvers need.</param>
    /// <param name="federation">
    /// Whether GraphQL.NET adds <c>_service</c> and <c>_entities</c>; a schema that answers <c>_entities</c> for an
    /// interface's name (which GraphQL.NET's resolver refuses) defines the field itself.
    /// </param>
    public static async Task<TestSubgraph> StartAsync(string name, RequestSequence sequence, Action<IServiceCollection, IGraphQLBuilder> configure, bool federation = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        TestLogFile.Use(builder.Services);
        builder.Services.AddGraphQL(graphql =>
        {
            graphql.AddSystemTextJson();
            if (federation)
                graphql.AddFederation("2.3");
            configure(builder.Services, graphql);
        });
        var app = builder.Build();
        var subgraph = new TestSubgraph(name, app, sequence);
        app.MapPost("/graphql", subgraph.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        subgraph.Url = new Uri(address + "/graphql");
        return subgraph;
    }

    /// <summary>The requests received since the last call (and forgets them).</summary>
    public List<ReceivedRequest> Take()
    {
        var taken = new List<ReceivedRequest>();
        while (Received.TryDequeue(out var request))
            taken.Add(request);
        return taken;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        string operationsJson;
        var files = new List<ReceivedFile>();
        var formFiles = new Dictionary<string, IFormFile>(StringComparer.Ordinal);
        Dictionary<string, string[]>? map = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            operationsJson = form["operations"].ToString();
            map = JsonSerializer.Deserialize<Dictionary<string, string[]>>(form["map"].ToString());
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, http.RequestAborted);
                files.Add(new ReceivedFile(file.Name, file.FileName, file.ContentType, content.ToArray()));
                formFiles[file.Name] = file;
            }
        }
        else
        {
            using var reader = new StreamReader(http.Request.Body);
            operationsJson = await reader.ReadToEndAsync(http.RequestAborted);
        }

        using var parsed = JsonDocument.Parse(operationsJson);
        var variables = parsed.RootElement.TryGetProperty("variables", out var v) ? v.Clone() : default;
        var headers = http.Request.Headers
            .Where(h => h.Key is "Authorization" or "GraphQL-Preflight" or "X-Request-Id" or "X-Forwarded-For" or "Content-Type")
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Received.Enqueue(new ReceivedRequest(_sequence.Next(), parsed.RootElement.GetProperty("query").GetString()!, variables, headers, files));

        switch (Fault)
        {
            case SubgraphFault.Slow:
                await Task.Delay(SlowDelay, http.RequestAborted);
                break;
            case SubgraphFault.InvalidJson:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("<html>502 Bad Gateway</html>", http.RequestAborted);
                return;
        }

        var request = serializer.Deserialize<GraphQLRequest>(operationsJson)!;
        var inputs = request.Variables;
        if (map is not null)
        {
            var withFiles = (Dictionary<string, object?>)Mutable(inputs ?? Inputs.Empty)!;
            foreach (var (field, paths) in map)
            {
                foreach (var path in paths)
                    Place(withFiles, path.Split('.')[1..], formFiles[field]);
            }
            inputs = new Inputs(withFiles);
        }
        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = inputs;
            options.RequestServices = http.RequestServices;
            options.CancellationToken = http.RequestAborted;
        });
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Puts a file where a map path ("variables.input.files.0", without "variables") says, in variables made mutable.</summary>
    private static void Place(object? node, string[] segments, IFormFile file)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (node)
            {
                case Dictionary<string, object?> fields when last:
                    fields[segments[i]] = file;
                    break;
                case Dictionary<string, object?> fields:
                    node = fields[segments[i]];
                    break;
                case List<object?> items when last:
                    items[int.Parse(segments[i], System.Globalization.CultureInfo.InvariantCulture)] = file;
                    break;
                case List<object?> items:
                    node = items[int.Parse(segments[i], System.Globalization.CultureInfo.InvariantCulture)];
                    break;
                default:
                    throw new InvalidOperationException($"The map path {string.Join('.', segments)} leads nowhere.");
            }
        }
    }

    private static object? Mutable(object? value) => value switch
    {
        IEnumerable<KeyValuePair<string, object?>> fields => fields.ToDictionary(f => f.Key, f => Mutable(f.Value), StringComparer.Ordinal),
        string => value,
        IEnumerable<object?> items => items.Select(Mutable).ToList(),
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
