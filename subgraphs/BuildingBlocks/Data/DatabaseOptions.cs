namespace GoShop.BuildingBlocks.Data;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the subgraph starts (on by default in Development).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Insert the demo accounts and data after migrating (what <c>make up</c> asks for).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// Most connections this process opens to its database, unless the connection string says (Npgsql's own default
    /// is 100 per process: a dozen subgraphs under load would exhaust PostgreSQL's <c>max_connections</c>).
    /// </summary>
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>The connection string with <see cref="MaxPoolSize"/> applied when it sets no pool size of its own.</summary>
    public string WithPoolLimit(string connectionString) =>
        Limited.GetOrAdd((connectionString, MaxPoolSize), key => Limit(key.ConnectionString, key.MaxPoolSize));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string ConnectionString, int MaxPoolSize), string> Limited = new();

    private static string Limit(string connectionString, int maxPoolSize)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var explicitLimit = connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase);
        if (!explicitLimit)
            builder.MaxPoolSize = maxPoolSize;
        return builder.ConnectionString;
    }
}
