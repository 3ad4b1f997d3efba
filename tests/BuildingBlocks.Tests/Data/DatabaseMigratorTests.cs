using GoShop.BuildingBlocks.Data;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GoShop.BuildingBlocks.Tests.Data;

/// <summary>
/// What starting a subgraph does to its database when the history there was written by migrations this build no
/// longer has (they were squashed): a developer's database is emptied and migrated afresh, anything else is left
/// untouched and the start is refused.
/// </summary>
public sealed class DatabaseMigratorTests : IAsyncLifetime
{
    private const string SquashedAway = "20250101000000_InitialNotes";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("migrator");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task In_development_a_database_migrated_by_squashed_migrations_is_emptied_migrated_afresh_and_seeded_again()
    {
        await MigrateBySquashedMigrationsAsync();
        var log = new RecordingLogger();

        await StartAsync(Environments.Development, log);

        Assert.Equal([NotesInitial.Id], await QueryAsync("SELECT migration_id FROM __ef_migrations_history"));
        Assert.Equal(["seeded"], await QueryAsync("SELECT text FROM notes"));
        Assert.Empty(await QueryAsync("SELECT column_name FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'leftover'"));
        Assert.Empty(await QueryAsync("SELECT proname FROM pg_proc WHERE proname = 'notes_helper'"));
        // The template's extensions, which this role could not install again, survive.
        Assert.Equal(["postgis"], await QueryAsync("SELECT extname FROM pg_extension WHERE extname = 'postgis'"));
        var warning = Assert.Single(log.Lines, line => line.Level == LogLevel.Warning);
        Assert.Contains(_database.Name, warning.Message, StringComparison.Ordinal);
        Assert.Contains(SquashedAway, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_a_database_migrated_by_squashed_migrations_is_left_alone_and_the_start_refused()
    {
        await MigrateBySquashedMigrationsAsync();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, new RecordingLogger()));

        Assert.Contains(_database.Name, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(SquashedAway, refusal.Message, StringComparison.Ordinal);
        Assert.Equal([SquashedAway], await QueryAsync("SELECT migration_id FROM __ef_migrations_history"));
        Assert.Equal(["written before the squash"], await QueryAsync("SELECT text FROM notes"));
    }

    [Fact]
    public async Task A_database_migrated_by_this_build_keeps_its_data_when_the_subgraph_starts_again()
    {
        await StartAsync(Environments.Development, new RecordingLogger());
        await ExecuteAsync("INSERT INTO notes (id, text) VALUES (gen_random_uuid(), 'written by a user')");
        var log = new RecordingLogger();

        await StartAsync(Environments.Development, log);

        Assert.Equal(["seeded", "written by a user"], await QueryAsync("SELECT text FROM notes ORDER BY text"));
        Assert.DoesNotContain(log.Lines, line => line.Level == LogLevel.Warning);
    }

    /// <summary>The database as a build from before the squash left it: its own history, a column and a function.</summary>
    private Task MigrateBySquashedMigrationsAsync() => ExecuteAsync($"""
        CREATE TABLE __ef_migrations_history (migration_id character varying(150) PRIMARY KEY, product_version character varying(32) NOT NULL);
        INSERT INTO __ef_migrations_history VALUES ('{SquashedAway}', '10.0.0');
        CREATE TABLE notes (id uuid PRIMARY KEY, text text NOT NULL, leftover integer);
        INSERT INTO notes (id, text) VALUES (gen_random_uuid(), 'written before the squash');
        CREATE FUNCTION notes_helper() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
        """);

    private async Task StartAsync(string environment, RecordingLogger log)
    {
        var services = new ServiceCollection();
        services.AddDbContext<NotesDbContext>(options => NotesDbContext.Configure(options, _database.ConnectionString));
        services.AddScoped<IDemoDataSeeder, NotesDemoData>();
        await using var provider = services.BuildServiceProvider();
        var migrator = new DatabaseMigrator<NotesDbContext>(
            provider,
            Options.Create(new DatabaseOptions { MigrateOnStartup = true, SeedDemoData = true }),
            new Environment(environment),
            log);
        await migrator.StartAsync(CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>Demo data as a subgraph seeds it: only when it is not there yet.</summary>
    private sealed class NotesDemoData(NotesDbContext db) : IDemoDataSeeder
    {
        public async Task SeedAsync(CancellationToken cancellationToken)
        {
            if (await db.Notes.AnyAsync(n => n.Text == "seeded", cancellationToken))
                return;
            db.Notes.Add(new Note { Id = Guid.CreateVersion7(), Text = "seeded" });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "notes";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class RecordingLogger : ILogger<DatabaseMigrator<NotesDbContext>>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
