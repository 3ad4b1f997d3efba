using Microsoft.Extensions.Options;

namespace GoShop.Gateway.Supergraph;

/// <summary>
/// Holds the supergraph the gateway serves. It is read at start (a supergraph that cannot be served stops the
/// start with its reason) and read again whenever the file changes (`make schema` while running): a good new
/// version replaces the old one for the next request; a bad one is logged and the old one stays.
/// </summary>
public sealed class SupergraphSource : IDisposable
{
    private readonly string _path;
    private readonly int _maxPlans;
    private readonly ILogger<SupergraphSource> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _debounce;
    private volatile SupergraphSnapshot _current;

    public SupergraphSource(IOptions<GatewayOptions> options, IHostEnvironment environment, ILogger<SupergraphSource> logger)
    {
        _path = Path.GetFullPath(options.Value.Supergraph, environment.ContentRootPath);
        _maxPlans = options.Value.MaxPlansPerDocument;
        _logger = logger;
        if (!File.Exists(_path))
            throw new SupergraphException($"The supergraph file {_path} does not exist: compose it with `make schema`, or set Gateway__Supergraph.");
        _current = Load();
        logger.LogInformation("Serving the supergraph {Path}: {Subgraphs} subgraphs", _path, _current.Document.Subgraphs.Count);

        _debounce = new Timer(_ => Reload());
        try
        {
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
                EnableRaisingEvents = true,
            };
            _watcher.Changed += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
            _watcher.Created += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
            _watcher.Renamed += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Cannot watch {Path}: a changed supergraph needs a restart", _path);
        }
    }

    public SupergraphSnapshot Current => _current;

    private SupergraphSnapshot Load() => new(File.ReadAllText(_path), _maxPlans);

    private void Reload()
    {
        try
        {
            _current = Load();
            _logger.LogInformation("Reloaded the supergraph {Path}", _path);
        }
        catch (Exception exception) when (exception is SupergraphException or IOException or GraphQLParser.Exceptions.GraphQLSyntaxErrorException or InvalidOperationException or ArgumentException)
        {
            _logger.LogError(exception, "The changed supergraph {Path} cannot be served; the previous version stays", _path);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }
}
