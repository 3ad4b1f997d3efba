using GoShop.BuildingBlocks.Hosting;
using Xunit;

namespace GoShop.Testing;

/// <summary>
/// The approval test of a subgraph's contract: the SDL it serves must equal the checked-in <c>schema/&lt;name&gt;.graphql</c>
/// that the gateway composes. On a mismatch the failure shows the changed lines and how to accept them.
/// </summary>
public static class SchemaSnapshot
{
    /// <param name="services">The running subgraph's services (its test factory's).</param>
    /// <param name="subgraph">The subgraph's name, as in <c>schema/&lt;name&gt;.graphql</c>.</param>
    public static async Task AssertMatchesCheckedInAsync(IServiceProvider services, string subgraph)
    {
        var file = $"schema/{subgraph}.graphql";
        var path = Path.Combine(TestEnvironment.RepositoryRoot, file);

        var running = await SubgraphHosting.ExportSchemaAsync(services);

        var checkedIn = File.Exists(path) ? File.ReadAllText(path) : null;
        if (checkedIn == running)
            return;
        var difference = checkedIn is null ? $"{file} does not exist." : CheckedInText.Diff(checkedIn, running);
        Assert.Fail(
            $"{file} is stale: run 'make schema' and commit {file} and schema/supergraph.graphql " +
            $"if the contract is meant to change.\n--- {file} (checked in)\n+++ running subgraph\n{difference}");
    }
}
