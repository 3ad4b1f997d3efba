using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Testing;

/// <summary>
/// Hosts a subgraph in-process against a database of its own and the shared test Redis and RabbitMQ (goshop_test
/// virtual host). Extra settings override the defaults; <see cref="Commands"/> counts SQL commands.
/// </summary>
public class SubgraphFactory<TProgram>(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<TProgram> where TProgram : class
{
    public CommandCounter Commands { get; } = new();

    /// <summary>
    /// The address requests appear to come from: one per factory, so per-address rate limits (login attempts) of
    /// one test class never spill into another, or into the next test run.
    /// </summary>
    public IPAddress ClientAddress { get; } = new([10, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]);

    public TestDatabase Database { get; } = database;

    public GraphQLClient CreateGraphQLClient() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["ConnectionStrings:RabbitMq"] = TestEnvironment.RabbitMq,
            ["Database:MigrateOnStartup"] = "true",
            // Queues and exchanges of their own, the queues expiring after the host is gone: parallel test hosts never
            // consume each other's events.
            ["Messaging:QueuePrefix"] = Database.Name,
            ["Messaging:ExchangePrefix"] = Database.Name,
            ["Messaging:TemporaryQueues"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            defaults[key] = value;
        foreach (var (key, value) in defaults)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(provider =>
            {
                Commands.CountOnlyDuring(provider.GetRequiredService<IHttpContextAccessor>());
                return Commands;
            });
            services.AddSingleton<IStartupFilter>(new ClientAddressFilter(ClientAddress));
            TestLogFile.Use(services);
        });
    }
}

internal sealed class ClientAddressFilter(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
