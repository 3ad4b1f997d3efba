using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GoShop.Testing;

/// <summary>
/// Where the in-process hosts' application logs go while <c>make test</c> runs: many tests provoke failures on purpose
/// (probes of a broken dependency, deliberate exceptions), and their "fail:" lines would bury the results. When
/// GOSHOP_TEST_LOG_DIR is set, every host of a test project writes to one file there named after the project
/// (<c>Shops.Tests.log</c>); otherwise hosts keep logging to the console.
/// </summary>
public static class TestLogFile
{
    private static readonly Lazy<FileLoggerProvider?> Provider = new(() =>
        Environment.GetEnvironmentVariable("GOSHOP_TEST_LOG_DIR") is { Length: > 0 } directory
            ? new FileLoggerProvider(Path.Combine(directory, ProjectName() + ".log"))
            : null);

    /// <summary>Replaces a host's log providers with the project's log file, when there is one.</summary>
    public static void Use(IServiceCollection services)
    {
        if (Provider.Value is not { } provider)
            return;
        services.RemoveAll<ILoggerProvider>();
        services.AddSingleton<ILoggerProvider>(provider);
    }

    /// <summary>The test project's folder name: tests run from <c>tests/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;</c>.</summary>
    private static string ProjectName()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory?.Parent is { } parent; directory = parent)
        {
            if (directory.Name == "bin")
                return parent.Name;
        }
        return "tests";
    }

    /// <summary>One file shared by every host of the process (hosts come and go; the file stays open until exit).</summary>
    private sealed class FileLoggerProvider : ILoggerProvider
    {
        private readonly StreamWriter _writer;

        public FileLoggerProvider(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

        // Hosts never own the provider: they are disposed one after another while the others still write.
        public void Dispose()
        {
        }

        private void Write(LogLevel level, string category, string message, Exception? exception)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {Level(level)}: {category} {message}");
            lock (_writer)
            {
                _writer.WriteLine(line);
                if (exception is not null)
                    _writer.WriteLine(exception);
            }
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };

        private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
