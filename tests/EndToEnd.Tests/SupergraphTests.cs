using System.Diagnostics;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

public sealed class SupergraphTests
{
    [Fact]
    public async Task The_checked_in_supergraph_composes_from_the_checked_in_subgraph_schemas()
    {
        var start = new ProcessStartInfo("node", ["compose.mjs", "--check"])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "gateway"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var compose = Process.Start(start)!;
        var output = await compose.StandardOutput.ReadToEndAsync();
        var errors = await compose.StandardError.ReadToEndAsync();
        await compose.WaitForExitAsync();

        Assert.True(compose.ExitCode == 0, $"Composition check failed:\n{output}\n{errors}");
    }
}
