using System.Diagnostics;
using GoShop.Testing;
using Npgsql;

namespace GoShop.Benchmarks.Tests;

/// <summary>
/// A scratch database per subgraph the bench writes to, migrated by that subgraph's own <c>migrate</c> command (so
/// the clean-up meets the real tables), and a way to put rows in them without writing every column by hand.
/// </summary>
public sealed class MigratedDatabases : IAsyncLifetime
{
    public static readonly string[] Subgraphs = ["identity", "shops", "catalog", "cart", "ordering", "payments", "shipping", "notifications"];

    private readonly Dictionary<string, TestDatabase> _databases = [];

    public string ConnectionString(string subgraph) => _databases[subgraph].ConnectionString;

    public async Task InitializeAsync()
    {
        var projects = SubgraphList.Read().ToDictionary(entry => entry.Name, entry => entry.Project);
        foreach (var subgraph in Subgraphs)
            _databases[subgraph] = await TestDatabase.CreateAsync("bench_" + subgraph);
        await Task.WhenAll(Subgraphs.Select(subgraph => MigrateAsync(projects[subgraph], _databases[subgraph])));
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values)
            await database.DisposeAsync();
    }

    /// <summary>
    /// Inserts a row with the given values; every other required column without a default gets a valid value of its
    /// type (text is random, so unique indexes are not tripped).
    /// </summary>
    public async Task InsertAsync(string subgraph, string table, params (string Column, object Value)[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(subgraph));
        await connection.OpenAsync();
        var given = values.ToDictionary(v => v.Column, v => v.Value);
        var columns = new List<string>(given.Keys);
        var expressions = given.Keys.Select(column => "@" + column).ToList();
        await using (var query = new NpgsqlCommand(
            """
            SELECT column_name, data_type, udt_name, character_maximum_length FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = @table AND is_nullable = 'NO' AND column_default IS NULL
              AND is_generated = 'NEVER' AND is_identity = 'NO'
            """, connection))
        {
            query.Parameters.AddWithValue("table", table);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var column = reader.GetString(0);
                if (given.ContainsKey(column))
                    continue;
                columns.Add(column);
                expressions.Add(Filler(table, column, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? 32 : reader.GetInt32(3)));
            }
        }
        if (columns.Count == 0)
            throw new InvalidOperationException($"There is no table {table} in the {subgraph} database.");
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", expressions)})", connection);
        foreach (var (column, value) in given)
            insert.Parameters.AddWithValue(column, value);
        await insert.ExecuteNonQueryAsync();
    }

    public async Task<List<Guid>> IdsAsync(string subgraph, string query)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(subgraph));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    // Numbers are 1: every check constraint in the schemas (positive prices, fees within totals) accepts it.
    private static string Filler(string table, string column, string type, string udt, int length) => (type, udt) switch
    {
        ("uuid", _) => "gen_random_uuid()",
        ("text" or "character varying", _) or (_, "citext") => $"left(md5(random()::text), {Math.Min(length, 32)})",
        ("smallint" or "integer" or "bigint" or "numeric" or "real" or "double precision", _) => "1",
        ("boolean", _) => "false",
        ("timestamp with time zone" or "timestamp without time zone", _) => "now()",
        ("date", _) => "current_date",
        ("interval", _) => "interval '1 second'",
        ("jsonb" or "json", _) => "'{}'",
        ("ARRAY", _) => "'{}'",
        ("bytea", _) => "'\\x00'::bytea",
        (_, "geography") => "'SRID=4326;POINT(105.85 21.03)'::geography",
        _ => throw new NotSupportedException($"No filler for {table}.{column} of type {type} ({udt}): give it a value."),
    };

    private static async Task MigrateAsync(string project, TestDatabase database)
    {
        var directory = Path.Combine(TestEnvironment.RepositoryRoot, Path.GetDirectoryName(project)!, "bin", TestEnvironment.Configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.GetFileNameWithoutExtension(project) + ".dll", "migrate" },
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Postgres"] = database.ConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Migrating {database.Name} with {project} failed: {await output}{await errors}");
    }
}
