using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Hosting;
using GoShop.BuildingBlocks.Messaging;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoShop.BuildingBlocks.Tests.Hosting;

/// <summary>
/// The test subgraph hosted in-process the way a real subgraph's Program.cs hosts itself (AddGoShopSubgraph,
/// MapGoShopSubgraph), on a database of its own and the shared test Redis and RabbitMQ. One per test class.
/// </summary>
public class BuildingBlocksApp : IAsyncLifetime
{
    /// <summary>Limits tests depend on (besides a one-second SSE keep-alive): a small body and a shallow depth.</summary>
    public const int MaxRequestBytes = 16 * 1024;

    public const int MaxDepth = 8;

    /// <summary>Fewer than two queues' consumers would run at once by themselves (MassTransit's limit is per queue).</summary>
    public const int ConcurrentHandlers = 3;

    private readonly string _environment;
    private readonly bool _dispatchOutbox;
    private TestDatabase? _database;
    private WebApplication? _app;

    public BuildingBlocksApp()
        : this(Environments.Development, dispatchOutbox: true)
    {
    }

    protected BuildingBlocksApp(string environment, bool dispatchOutbox)
    {
        _environment = environment;
        _dispatchOutbox = dispatchOutbox;
    }

    /// <summary>
    /// Unique per host: it prefixes the host's queue names, so hosts running side by side never take each other's
    /// messages.
    /// </summary>
    public string Name { get; } = "bbtest-" + Guid.NewGuid().ToString("N")[..8];

    public CommandCounter Commands { get; } = new();

    public TestTokens Tokens { get; } = new("bbtest");

    public WebApplication App => _app ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("bbtest");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = _environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["ConnectionStrings:RabbitMq"] = TestEnvironment.RabbitMq,
            ["Database:MigrateOnStartup"] = "false",
            ["Messaging:ConcurrentHandlers"] = ConcurrentHandlers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GraphQL:KeepAliveSeconds"] = "1",
            ["GraphQL:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GraphQL:MaxDepth"] = MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:Format"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddGoShopSubgraph<TestSchema, TestDbContext>(Name);
        builder.Services.AddTestSubgraph();
        builder.Services.AddSingleton<IInterceptor>(Commands);
        builder.Services.AddSingleton<IAccessTokenKeys>(Tokens);
        TestLogFile.Use(builder.Services);
        if (!_dispatchOutbox)
        {
            builder.Services.Remove(builder.Services.Single(s =>
                s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(OutboxDispatcher<TestDbContext>)));
        }

        _app = builder.Build();
        _app.MapGoShopSubgraph();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        await _app.StartAsync();
        // The bus starts in the background; wait for its queues so nothing published by a test goes unrouted.
        await _app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Tokens.Dispose();
    }

    /// <summary>An HTTP client of the in-process server.</summary>
    public HttpClient Http() => App.GetTestClient();

    public GraphQLClient Client(string? accessToken = null) => new(Http()) { AccessToken = accessToken };

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Runs work on a DbContext of its own, as a request or a consumer would.</summary>
    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public Task WithDbAsync(Func<TestDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });
}

/// <summary>The test subgraph as it runs in production, where unexpected errors must not leak details.</summary>
public sealed class ProductionApp() : BuildingBlocksApp(Environments.Production, dispatchOutbox: true);

/// <summary>
/// The test subgraph without the outbox dispatcher, whose polling would be counted with the commands a request
/// sends.
/// </summary>
public sealed class CommandCountingApp() : BuildingBlocksApp(Environments.Development, dispatchOutbox: false);
