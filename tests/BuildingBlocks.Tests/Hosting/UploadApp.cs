using GoShop.BuildingBlocks.Hosting;
using GoShop.BuildingBlocks.Messaging;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoShop.BuildingBlocks.Tests.Hosting;

/// <summary>
/// A subgraph whose schema takes files (<see cref="UploadTestSchema"/>), hosted in-process like
/// <see cref="BuildingBlocksApp"/>, with small upload limits the tests reach on purpose.
/// </summary>
public sealed class UploadApp : IAsyncLifetime
{
    public const int MaxUploadBytes = 256 * 1024;

    public const int MaxUploadFiles = 3;

    private TestDatabase? _database;
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("bbupload");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["ConnectionStrings:RabbitMq"] = TestEnvironment.RabbitMq,
            ["Database:MigrateOnStartup"] = "false",
            ["GraphQL:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GraphQL:MaxUploadFiles"] = MaxUploadFiles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:Format"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddGoShopSubgraph<UploadTestSchema, TestDbContext>("bbupload-" + Guid.NewGuid().ToString("N")[..8]);
        builder.Services.AddTestSubgraph();
        TestLogFile.Use(builder.Services);
        // Nothing here publishes events: no outbox to poll.
        builder.Services.Remove(builder.Services.Single(s =>
            s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(OutboxDispatcher<TestDbContext>)));
        _app = builder.Build();
        _app.MapGoShopSubgraph();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    public HttpClient Http() => (_app ?? throw new InvalidOperationException("The host has not started.")).GetTestClient();
}
