using System.Diagnostics;
using GoShop.Testing;

namespace GoShop.Repository.Tests;

/// <summary>
/// <c>make schema</c> ends by printing how the client-facing schema changed against git HEAD
/// (gateway/schema-diff.mjs). Here a copy of the checked-in schema loses a field, and the diff must call that
/// BREAKING, naming the field.
/// </summary>
public sealed class SchemaDiffTests : IDisposable
{
    private readonly DirectoryInfo _tree = Directory.CreateTempSubdirectory("goshop-schema-diff-");

    [Fact]
    public async Task Removing_a_field_is_reported_as_breaking()
    {
        CopyCheckedInSchema();
        var cart = Path.Combine(_tree.FullName, "schema", "cart.graphql");
        File.WriteAllLines(cart, WithoutField(File.ReadAllLines(cart), "savedCarts"));

        var (exitCode, output) = await SchemaDiffAsync("--tree", _tree.FullName, "--fail-on-breaking");

        Assert.True(exitCode == 1, $"schema-diff.mjs exited {exitCode}; expected 1 (a breaking change):\n{output}");
        Assert.Matches(@"BREAKING\s+Field 'savedCarts' .*was removed from object type 'Query'", output);
    }

    [Fact]
    public async Task An_untouched_copy_reports_no_removed_field()
    {
        CopyCheckedInSchema();

        var (exitCode, output) = await SchemaDiffAsync("--tree", _tree.FullName);

        Assert.True(exitCode == 0, $"schema-diff.mjs exited {exitCode}:\n{output}");
        Assert.DoesNotContain("savedCarts", output, StringComparison.Ordinal);
    }

    public void Dispose() => _tree.Delete(recursive: true);

    private void CopyCheckedInSchema()
    {
        var root = TestEnvironment.RepositoryRoot;
        File.Copy(Path.Combine(root, "subgraphs.conf"), Path.Combine(_tree.FullName, "subgraphs.conf"));
        var schema = Directory.CreateDirectory(Path.Combine(_tree.FullName, "schema"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "schema"), "*.graphql"))
            File.Copy(file, Path.Combine(schema.FullName, Path.GetFileName(file)));
    }

    /// <summary>The SDL lines without the field's line and the one-line description printed above it.</summary>
    private static List<string> WithoutField(string[] lines, string field)
    {
        var index = Array.FindIndex(lines, line => line.TrimStart().StartsWith(field + ":", StringComparison.Ordinal));
        Assert.True(index > 0, $"schema/cart.graphql has no field {field}.");
        var first = lines[index - 1].TrimStart().StartsWith('"') ? index - 1 : index;
        return [.. lines[..first], .. lines[(index + 1)..]];
    }

    /// <summary>Runs the same script `make schema` runs, against git HEAD of this repository.</summary>
    private static async Task<(int ExitCode, string Output)> SchemaDiffAsync(params string[] arguments)
    {
        var gateway = Path.Combine(TestEnvironment.RepositoryRoot, "gateway");
        Assert.True(Directory.Exists(Path.Combine(gateway, "node_modules")),
            "gateway/node_modules is missing: run scripts/build.sh gateway (make test does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = gateway, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("schema-diff.mjs");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
