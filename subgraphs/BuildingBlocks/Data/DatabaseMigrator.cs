using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.BuildingBlocks.Data;

/// <summary>
/// Applies pending migrations and seeds demo data before the subgraph takes requests (hosted services start before
/// Kestrel listens). EF Core serialises concurrent migrators with a database lock, so several instances may start
/// together. A database whose history names migrations this build does not have (they were squashed, or it was
/// migrated by another branch) cannot be migrated forward: in Development it is emptied and migrated afresh, elsewhere
/// the subgraph refuses to start.
/// </summary>
internal sealed class DatabaseMigrator<TContext>(
    IServiceProvider services,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseMigrator<TContext>> logger) : IHostedService, IMigrateDatabase
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.MigrateOnStartup ?? environment.IsDevelopment())
            await MigrateAsync(cancellationToken);
        if (settings.SeedDemoData)
        {
            await using var scope = services.CreateAsyncScope();
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                logger.LogInformation("Seeding demo data with {Seeder}", seeder.GetType().Name);
                await seeder.SeedAsync(cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One migration at a time per process: EF Core builds the migrations' snapshot model lazily and not thread-safely,
    /// so two hosts of one subgraph migrating at once in a process (parallel test classes) could read it half-built
    /// ("The model must be finalized ..."). Across processes the database lock still applies.
    /// </summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await MigrateOnceAsync(cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await StartAfreshIfMigratedElsewhereAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
            return;
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// A history naming migrations this build does not have cannot be continued: EF Core would apply this build's
    /// first migration over the tables already there ("relation already exists").
    /// </summary>
    private async Task StartAfreshIfMigratedElsewhereAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count == 0)
            return;
        var database = db.Database.GetDbConnection().Database;
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Database {database} was migrated by migrations this build does not have ({string.Join(", ", unknown)}), " +
                "so it cannot be migrated forward. Start the build that migrated it, or move its data by hand.");
        }
        logger.LogWarning(
            "Database {Database} was migrated by migrations this build does not have ({Migrations}): in Development it is " +
            "emptied and migrated afresh, and demo data is seeded again when asked for", database, string.Join(", ", unknown));
        // Everything the subgraph created is owned by the role it connects as. The extensions came from the template
        // database, installed by a superuser this role is not, so they stay; dropping and re-creating the database
        // itself would lose them, and this role could not install them again.
        await db.Database.ExecuteSqlRawAsync("DROP OWNED BY CURRENT_USER", cancellationToken);
    }
}

/// <summary>Applies a subgraph's pending migrations (the <c>migrate</c> command).</summary>
public interface IMigrateDatabase
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
