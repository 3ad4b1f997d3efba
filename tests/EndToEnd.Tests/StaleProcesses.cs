using System.Diagnostics;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// Remembers the processes the platform started, in a file, so a run that was killed before cleaning up (a hung
/// test, a cancelled run) does not leave a gateway on the suite's ports for the next run to trip over.
/// </summary>
internal static class StaleProcesses
{
    // One registry per port offset: a suite on other ports (another working copy) is not this run's leftover.
    private static readonly string Registry = Path.Combine(Path.GetTempPath(), "goshop-e2e", $"processes-{Platform.PortOffset}");
    private static readonly Lock Gate = new();

    public static void StopLeftovers()
    {
        lock (Gate)
        {
            if (!File.Exists(Registry))
                return;
            foreach (var line in File.ReadAllLines(Registry))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length != 2 || !int.TryParse(parts[0], out var pid))
                    continue;
                try
                {
                    using var process = Process.GetProcessById(pid);
                    // Only a process that is still the one we started (same start time), never a recycled pid.
                    if (process.StartTime.ToUniversalTime().Ticks.ToString() == parts[1])
                        process.Kill(entireProcessTree: true);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                }
            }
            File.Delete(Registry);
        }
    }

    public static void Remember(Process process)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Registry)!);
            File.AppendAllLines(Registry, [$"{process.Id} {process.StartTime.ToUniversalTime().Ticks}"]);
        }
    }

    public static void Forget(Process process)
    {
        lock (Gate)
        {
            if (!File.Exists(Registry))
                return;
            var prefix = process.Id + " ";
            File.WriteAllLines(Registry, File.ReadAllLines(Registry).Where(line => !line.StartsWith(prefix, StringComparison.Ordinal)));
        }
    }
}
