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

    /// <summary>
    /// How many of its most used statements each connection keeps prepared on the server (Npgsql's automatic
    /// preparation), unless the connection string says: PostgreSQL then skips parsing and planning them again. Set 0
    /// to turn it off. `make bench` measured what it saves.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;

    private static bool IsLoopback(string? host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    /// <summary>
    /// The connection string with <see cref="MaxPoolSize"/> and <see cref="MaxAutoPrepare"/> applied where it sets none
    /// of its own, and without TLS to a server on loopback unless it asks for it.
    /// </summary>
    public string WithPoolSettings(string connectionString) =>
        Limited.GetOrAdd((connectionString, MaxPoolSize, MaxAutoPrepare), key => Limit(key.ConnectionString, key.MaxPoolSize, key.MaxAutoPrepare));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string ConnectionString, int MaxPoolSize, int MaxAutoPrepare), string> Limited = new();

    private static string Limit(string connectionString, int maxPoolSize, int maxAutoPrepare)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var explicitLimit = connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase);
        if (!explicitLimit)
            builder.MaxPoolSize = maxPoolSize;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = maxAutoPrepare;
        // TLS to a server on this machine protects nothing and costs both ends CPU on every round trip (Npgsql's
        // default is to use it whenever the server offers it, as Debian's PostgreSQL does).
        if (IsLoopback(builder.Host) && !connectionString.Contains("SSL", StringComparison.OrdinalIgnoreCase))
            builder.SslMode = Npgsql.SslMode.Disable;
        return builder.ConnectionString;
    }
}
