using System.Diagnostics;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// The platform as `make up` runs it, on ports of its own (10000 above the usual ones, so a running `make up` is
/// left alone; GOSHOP_E2E_PORT_OFFSET moves them, so two working copies can run their suites side by side): every
/// subgraph as a process on a fresh database, and GoShop Gateway (Hive Gateway with GOSHOP_GATEWAY=hive) on a supergraph composed for those ports, the other gateway beside it. Shared by
/// every end-to-end test class.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    public static int PortOffset { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("GOSHOP_E2E_PORT_OFFSET"), out var offset) && offset is >= 1000 and <= 50000
            ? offset
            : 10000;

    private readonly List<Process> _processes = [];
    private readonly List<TestDatabase> _databases = [];

    public string WorkFolder { get; } = Path.Combine(Path.GetTempPath(), "goshop-e2e", Guid.NewGuid().ToString("N"));

    public string MailFolder => Path.Combine(WorkFolder, "mail");

    public Uri GatewayUrl { get; } = new($"http://127.0.0.1:{8000 + PortOffset}");

    /// <summary>The gateway the suite does not go through, on the same subgraphs (GatewayDifferentialTests compares them).</summary>
    public Uri ComparatorUrl { get; } = new($"http://127.0.0.1:{8099 + PortOffset}");

    /// <summary>
    /// Where the storefront and seller centre are served: only GoShop Gateway serves them, so with
    /// GOSHOP_GATEWAY=hive the browser journeys use the comparator (and their GraphQL goes through GoShop Gateway too).
    /// </summary>
    public Uri WebAppsUrl => Gateway == "dotnet" ? GatewayUrl : ComparatorUrl;

    /// <summary>Which gateway the suite goes through: GOSHOP_GATEWAY=dotnet (GoShop Gateway) or hive (Hive Gateway), as for `make up`.</summary>
    public static string Gateway { get; } = Environment.GetEnvironmentVariable("GOSHOP_GATEWAY") is { Length: > 0 } kind ? kind : "dotnet";

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The supergraph both gateways serve, composed for this platform's ports.</summary>
    public string SupergraphFile => Path.Combine(WorkFolder, "supergraph.graphql");

    /// <summary>
    /// Starts one more GoShop Gateway, on <paramref name="port"/> and serving <paramref name="supergraph"/> (a variant of
    /// <see cref="SupergraphFile"/>, e.g. with a subgraph's address broken), and answers its address once it is ready.
    /// It stops with the platform.
    /// </summary>
    public async Task<Uri> StartGatewayAsync(string name, int port, string supergraph)
    {
        if (PortInUse(port))
            throw new InvalidOperationException($"Port {port} is taken; gateway {name} needs it free.");
        StartGateway(name, "dotnet", port, supergraph);
        var url = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilReadyAsync(name, new Uri(url, "/healthcheck"));
        return url;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkFolder);
        var subgraphs = SubgraphList.Read();
        StaleProcesses.StopLeftovers();
        var taken = subgraphs.Select(s => s.Port + PortOffset).Append(GatewayUrl.Port).Append(ComparatorUrl.Port).Where(PortInUse).ToList();
        if (taken.Count > 0)
            throw new InvalidOperationException($"Ports {string.Join(", ", taken)} are taken; the end-to-end platform needs them free.");
        foreach (var (name, port, project) in subgraphs)
        {
            var database = await TestDatabase.CreateAsync(name);
            _databases.Add(database);
            StartSubgraph(name, port + PortOffset, project, database, subgraphs);
        }
        foreach (var (name, port, _) in subgraphs)
            await WaitUntilReadyAsync(name, new Uri($"http://127.0.0.1:{port + PortOffset}/health/ready"));

        await RunAsync("node", ["compose.mjs", "--out", SupergraphFile, "--port-offset", PortOffset.ToString()], GatewayFolder);
        StartGateway("gateway", Gateway, GatewayUrl.Port, SupergraphFile);
        // The other gateway, on the same subgraphs: the differential test compares their answers.
        StartGateway("comparator-gateway", Gateway == "dotnet" ? "hive" : "dotnet", ComparatorUrl.Port, SupergraphFile);
        await WaitUntilReadyAsync("gateway", new Uri(GatewayUrl, "/healthcheck"));
        await WaitUntilReadyAsync("comparator-gateway", new Uri(ComparatorUrl, "/healthcheck"));
        Http = new HttpClient { BaseAddress = GatewayUrl };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
            }
            StaleProcesses.Forget(process);
            process.Dispose();
        }
        foreach (var database in _databases)
            await database.DisposeAsync();
        KeepLogs();
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Copies the processes' logs to make test's log folder (GOSHOP_TEST_LOG_DIR/end-to-end) before the work folder
    /// goes, so a failure on CI (an INTERNAL_SERVER_ERROR says nothing by itself) can be explained from what the
    /// subgraph wrote.
    /// </summary>
    private void KeepLogs()
    {
        if (Environment.GetEnvironmentVariable("GOSHOP_TEST_LOG_DIR") is not { Length: > 0 } logs || !Directory.Exists(WorkFolder))
            return;
        var target = Path.Combine(logs, "end-to-end");
        Directory.CreateDirectory(target);
        foreach (var log in Directory.EnumerateFiles(WorkFolder, "*.log"))
            File.Copy(log, Path.Combine(target, Path.GetFileName(log)), overwrite: true);
    }

    public GraphQLClient Client(string? accessToken = null) => new(Http) { AccessToken = accessToken };

    /// <summary>The log a process wrote, for failure messages.</summary>
    public string LogOf(string name)
    {
        var path = Path.Combine(WorkFolder, name + ".log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(40)) : "(no log)";
    }

    private static bool PortInUse(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static string GatewayFolder => Path.Combine(TestEnvironment.RepositoryRoot, "gateway");

    private void StartGateway(string name, string kind, int port, string supergraph)
    {
        var environment = new Dictionary<string, string>
        {
            ["GOSHOP_SUPERGRAPH"] = supergraph,
            ["GOSHOP_GATEWAY_PORT"] = port.ToString(),
        };
        if (kind == "dotnet")
        {
            var assembly = Path.Combine(GatewayFolder, "GoShop.Gateway", "bin", TestEnvironment.Configuration, "net10.0", "GoShop.Gateway.dll");
            if (!File.Exists(assembly))
                throw new InvalidOperationException($"{assembly} is missing: build the solution first.");
            environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            environment["Gateway__BananaCakePop__Root"] = Path.Combine(GatewayFolder, "node_modules", "@chillicream", "bananacakepop-graphql-ide");
            // The storefront and seller centre as scripts/web.sh built them (the browser tests of the apps need them).
            environment["Gateway__Web__Root"] = Path.Combine(TestEnvironment.RepositoryRoot, "web");
            StartProcess(name, "dotnet", [assembly], Path.GetDirectoryName(assembly)!, environment);
        }
        else
        {
            StartProcess(name, "node", ["node_modules/@graphql-hive/gateway/dist/bin.js", "supergraph"], GatewayFolder, environment);
        }
    }

    private void StartSubgraph(string name, int port, string project, TestDatabase database,
        IEnumerable<SubgraphEntry> all)
    {
        var projectFile = Path.Combine(TestEnvironment.RepositoryRoot, project);
        var assembly = Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", TestEnvironment.Configuration, "net10.0",
            Path.GetFileNameWithoutExtension(projectFile) + ".dll");
        if (!File.Exists(assembly))
            throw new InvalidOperationException($"{assembly} is missing: build the solution first.");
        // Internal calls between subgraphs (/internal) go to the others' ports here too.
        var environment = all.ToDictionary(other => $"InternalApi__Services__{other.Name}", other => $"http://127.0.0.1:{other.Port + PortOffset}");
        StartProcess(name, "dotnet", [assembly, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(assembly)!, new(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["ConnectionStrings__Redis"] = TestEnvironment.Redis,
            ["ConnectionStrings__RabbitMq"] = TestEnvironment.RabbitMq,
            ["Database__MigrateOnStartup"] = "true",
            ["Messaging__QueuePrefix"] = $"e2e-{name}-{Path.GetFileName(WorkFolder)[..8]}",
            // Exchanges of this run's own: a `make up` platform on the same broker neither hears nor feeds it.
            ["Messaging__ExchangePrefix"] = $"e2e-{Path.GetFileName(WorkFolder)[..8]}",
            ["Messaging__TemporaryQueues"] = "true",
            ["Mail__PickupDirectory"] = MailFolder,
            ["Media__Storage__LocalRoot"] = Path.Combine(WorkFolder, "media"),
            ["Media__PublicBaseUrl"] = $"http://127.0.0.1:{8010 + PortOffset}",
            // Shipping labels and report exports are links to the subgraphs themselves: on this platform's ports.
            ["Shipping__Labels__PublicBaseUrl"] = $"http://127.0.0.1:{8009 + PortOffset}",
            ["Analytics__Exports__PublicBaseUrl"] = $"http://127.0.0.1:{8011 + PortOffset}",
            // Search's index in this run's folder, never in the build output another run may share.
            ["Search__IndexPath"] = Path.Combine(WorkFolder, "search-index"),
            // Every test request reaches identity from the gateway on loopback: one client address for the suite.
            ["Identity__LoginAttemptsPerIp"] = "100000",
            ["Auth__Authority"] = $"http://127.0.0.1:{8001 + PortOffset}",
            // Unpaid online orders expire within seconds here, so the expiry check does not wait 15 minutes.
            ["Ordering__PaymentTimeout"] = "00:00:06",
            // Providers send the buyer back to the storefront's return page, as under `make up`.
            ["Payments__ReturnUrl"] = new Uri(WebAppsUrl, "/payments/{paymentId}/return").ToString(),
            // A paid or cash-on-delivery order its shop leaves unconfirmed is cancelled after 20 s here, not 3 days.
            ["Ordering__ConfirmationTimeout"] = "00:00:20",
            ["Ordering__SweepInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            // Identity's demo accounts only (admin@goshop.dev, for admins' moves such as suspending a seller); no other
            // subgraph seeds, so no demo shop or shipper stands in the tests' way.
            ["Database__SeedDemoData"] = name == "identity" ? "true" : "false",
        });
    }

    private void StartProcess(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        StaleProcesses.Remember(process);
        var log = new StreamWriter(Path.Combine(WorkFolder, name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed: {errors}");
    }

    private async Task WaitUntilReadyAsync(string name, Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Twelve subgraphs and two gateways start at once: on a 2-core machine other builds share, 90 s was seen to pass
        // before identity (started first, seeding with Argon2) answered ready.
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"{name} did not become ready at {url}:\n{LogOf(name)}");
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platform>
{
    public const string Name = "platform";
}
