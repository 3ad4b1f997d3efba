using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GoShop.Benchmarks.Generators;

/// <summary>
/// Runs a load generator and measures the CPU it burnt: through <c>bash -c '...; times'</c>, whose second line is the
/// user and system time of the children, so the generator's share of the 2 cores can be stated next to its figures.
/// </summary>
internal static partial class ChildProcess
{
    public sealed record Outcome(string Output, string Error, TimeSpan Cpu, TimeSpan Elapsed);

    public static async Task<Outcome> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var command = string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{command}; status=$?; echo '@@times'; times; exit $status");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        watch.Stop();
        var text = await output;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} failed ({process.ExitCode}): {await error}\n{text}");
        var marker = text.LastIndexOf("@@times", StringComparison.Ordinal);
        var times = text[(marker + 7)..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s".
        var children = Duration().Matches(times[1]).Select(m =>
            TimeSpan.FromMinutes(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) +
            TimeSpan.FromSeconds(double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        return new Outcome(text[..marker], await error, children.Aggregate(TimeSpan.Zero, (a, b) => a + b), watch.Elapsed);
    }

    /// <summary>The share of one core the process used while it ran (100 = one core busy throughout).</summary>
    public static double CpuPercent(this Outcome outcome) => 100 * outcome.Cpu.TotalSeconds / outcome.Elapsed.TotalSeconds;

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"(\d+)m([\d.]+)s")]
    private static partial Regex Duration();
}
