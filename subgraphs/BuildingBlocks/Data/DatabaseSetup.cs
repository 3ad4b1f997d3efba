using GoShop.BuildingBlocks.Messaging;
using GoShop.BuildingBlocks.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoShop.BuildingBlocks.Data;

/// <summary>
/// A subgraph's PostgreSQL through EF Core: snake_case names, PostGIS, the interceptors that wake the outbox dispatcher
/// and publish live updates, and the migrator that runs at start-up (or as the <c>migrate</c> command).
/// </summary>
internal static class DatabaseSetup
{
    public static void AddGoShopDatabase<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : GoShopDbContext
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<IInterceptor, LiveUpdatesInterceptor>();
        services.AddDbContext<TContext>((provider, options) => options
            // Read when the first context is made: test hosts change the configuration after services are added.
            .UseNpgsql(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.WithPoolSettings(configuration.GetConnectionString("Postgres")!), npgsql =>
            {
                npgsql.UseNetTopologySuite();
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
            })
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetServices<IInterceptor>())
            .AddInterceptors(provider.GetRequiredService<OutboxSignalInterceptor>()));
        services.AddScoped<GoShopDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<DatabaseMigrator<TContext>>();
        services.AddSingleton<IMigrateDatabase>(provider => provider.GetRequiredService<DatabaseMigrator<TContext>>());
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseMigrator<TContext>>());
    }
}
