using System.Globalization;

namespace GoShop.Benchmarks;

/// <summary>
/// Where the CPU went while a scenario ran: user + system time of every process on the machine, grouped by what it
/// is (each subgraph, the gateway, PostgreSQL, Redis, RabbitMQ, the load generator), read from /proc before and after.
/// Dividing by the requests served gives each part's CPU cost per request: the profile that says what to fix.
/// </summary>
public sealed class CpuAccounting
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    private readonly Dictionary<int, (string Group, double Seconds)> _start;

    private CpuAccounting(Dictionary<int, (string Group, double Seconds)> start) => _start = start;

    public static CpuAccounting Start() => new(Snapshot());

    /// <summary>CPU seconds per group since <see cref="Start"/>, largest first.</summary>
    public IReadOnlyList<(string Group, double Seconds)> Stop()
    {
        var end = Snapshot();
        return end
            .Select(e => (e.Value.Group, Seconds: e.Value.Seconds - (_start.TryGetValue(e.Key, out var s) && s.Group == e.Value.Group ? s.Seconds : 0)))
            .GroupBy(e => e.Group)
            .Select(g => (g.Key, g.Sum(e => e.Seconds)))
            .Where(g => g.Item2 > 0.005)
            .OrderByDescending(g => g.Item2)
            .ToList();
    }

    /// <summary>"catalog 41 %, postgres 22 %, ...": each group's share of all CPU time spent.</summary>
    public static string Shares(IReadOnlyList<(string Group, double Seconds)> usage, double perRequestDivisor = 0)
    {
        var total = usage.Sum(u => u.Seconds);
        var parts = usage.Take(9).Select(u => perRequestDivisor > 0
            ? $"{u.Group} {(u.Seconds * 1000 / perRequestDivisor).ToString("0.00", CultureInfo.InvariantCulture)} ms"
            : $"{u.Group} {(100 * u.Seconds / total).ToString("0", CultureInfo.InvariantCulture)} %");
        return string.Join(", ", parts);
    }

    private static Dictionary<int, (string Group, double Seconds)> Snapshot()
    {
        var result = new Dictionary<int, (string, double)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            try
            {
                var group = Group(File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' '));
                if (group is null)
                    continue;
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th, stime the 15th.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                result[pid] = (group, ticks / TicksPerSecond);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we read it.
            }
        }
        return result;
    }

    private static string? Group(string commandLine)
    {
        if (commandLine.Length == 0)
            return null;
        // A test host (dotnet test, testhost with GoShop.X.Tests.dll) running beside the bench is not the platform's
        // subgraph X, nor are its databases (test_*): both count as "other work", so a busy machine shows as such.
        if (commandLine.Contains(".Tests.dll", StringComparison.Ordinal) || commandLine.Contains("testhost", StringComparison.Ordinal))
            return "other work (tests)";
        var subgraph = commandLine.IndexOf("GoShop.", StringComparison.Ordinal);
        if (subgraph >= 0 && commandLine.Contains(".dll", StringComparison.Ordinal))
        {
            var name = commandLine[(subgraph + 7)..].Split('.', ' ')[0];
            return name == "Benchmarks" ? "bench client" : name.ToLowerInvariant();
        }
        if (commandLine.Contains("graphql-hive/gateway", StringComparison.Ordinal) || commandLine.Contains("hive-gateway", StringComparison.Ordinal))
            return "gateway";
        if (commandLine.StartsWith("postgres: ", StringComparison.Ordinal))
        {
            // "postgres: 15/main: goshop goshop_catalog 127.0.0.1(39064) idle": a backend, named by its database.
            var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => w.StartsWith("test_", StringComparison.Ordinal)))
                return "other work (tests)";
            var database = words.FirstOrDefault(w => w.StartsWith("goshop_", StringComparison.Ordinal));
            return database is null ? "postgres" : "postgres " + database["goshop_".Length..];
        }
        if (commandLine.Contains("/postgres ", StringComparison.Ordinal))
            return "postgres";
        if (commandLine.StartsWith("redis-server", StringComparison.Ordinal) || commandLine.Contains("/redis-server", StringComparison.Ordinal))
            return "redis";
        if (commandLine.Contains("beam.smp", StringComparison.Ordinal))
            return "rabbitmq";
        if (commandLine.StartsWith("wrk", StringComparison.Ordinal) || commandLine.StartsWith("hey", StringComparison.Ordinal))
            return "load generator";
        return null;
    }
}
