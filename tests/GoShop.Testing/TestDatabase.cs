using Npgsql;

namespace GoShop.Testing;

/// <summary>
/// A PostgreSQL database of its own for one test class, created from the goshop_template database (which carries
/// PostGIS, unaccent, pg_trgm and citext) and dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var name = $"goshop_test_{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, $"goshop_test_{prefix}_".Length + 12)];
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE goshop_template", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Database = name, Pooling = true }.ConnectionString;
        return new TestDatabase(name, connectionString);
    }

    /// <summary>
    /// Drops the database. WITH (FORCE) ends our own leftover connections, but not an autovacuum worker that happens to
    /// be busy in it (a superuser process we may not signal: 42501) or one just starting (55006): those finish within a
    /// moment, so the drop is retried for a few seconds before the database is left behind with a warning.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await admin.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 20)
                {
                    await Console.Error.WriteLineAsync($"warning: test database {Name} could not be dropped ({ex.MessageText}); drop it by hand.");
                    return;
                }
                await Task.Delay(250);
            }
        }
    }
}
