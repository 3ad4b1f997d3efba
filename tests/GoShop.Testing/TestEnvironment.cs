namespace GoShop.Testing;

/// <summary>
/// Where the test suite finds its servers: the same local PostgreSQL, Redis and RabbitMQ that <c>make up</c> starts
/// (scripts/infra.sh), isolated by a fresh database per test class and RabbitMQ's goshop_test virtual host.
/// Environment variables override each setting.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdmin { get; } = Environment.GetEnvironmentVariable("GOSHOP_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Database=postgres;Username=goshop;Password=goshop;Pooling=false";

    public static string Redis { get; } = Environment.GetEnvironmentVariable("GOSHOP_TEST_REDIS") ?? "127.0.0.1:6379";

    public static string RabbitMq { get; } = Environment.GetEnvironmentVariable("GOSHOP_TEST_RABBITMQ")
        ?? "amqp://goshop:goshop@127.0.0.1:5672/goshop_test";

    /// <summary>The repository root (the folder holding GoShop.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release), for finding sibling outputs.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GoShop.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Could not find the repository root (GoShop.sln).");
    }
}
