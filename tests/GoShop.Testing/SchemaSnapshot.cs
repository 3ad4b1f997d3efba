using System.Text;
using GoShop.BuildingBlocks.Hosting;
using Xunit;

namespace GoShop.Testing;

/// <summary>
/// The approval test of a subgraph's contract: the SDL it serves must equal the checked-in <c>schema/&lt;name&gt;.graphql</c>
/// that the gateway composes. On a mismatch the failure shows the changed lines and how to accept them.
/// </summary>
public static class SchemaSnapshot
{
    private const int ContextLines = 2;
    private const int MaxDiffLines = 80;

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
        var difference = checkedIn is null ? $"{file} does not exist." : Diff(checkedIn, running);
        Assert.Fail(
            $"{file} is stale: run 'make schema' and commit {file} and schema/supergraph.graphql " +
            $"if the contract is meant to change.\n--- {file} (checked in)\n+++ running subgraph\n{difference}");
    }

    /// <summary>A line diff (longest common subsequence) showing each change with a little context.</summary>
    private static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        for (var j = after.Length - 1; j >= 0; j--)
            common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);

        var lines = new List<(char Mark, string Text)>();
        int b = 0, a = 0;
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == after[a])
            {
                lines.Add((' ', before[b++]));
                a++;
            }
            else if (b < before.Length && (a == after.Length || common[b + 1, a] >= common[b, a + 1]))
                lines.Add(('-', before[b++]));
            else
                lines.Add(('+', after[a++]));
        }

        var shown = new StringBuilder();
        var written = 0;
        var lastShown = -1;
        for (var k = 0; k < lines.Count && written < MaxDiffLines; k++)
        {
            var nearChange = lines.Skip(Math.Max(0, k - ContextLines)).Take(2 * ContextLines + 1).Any(l => l.Mark != ' ');
            if (!nearChange)
                continue;
            if (lastShown >= 0 && k > lastShown + 1)
                shown.AppendLine("@@");
            shown.Append(lines[k].Mark).Append(' ').AppendLine(lines[k].Text.TrimEnd('\r'));
            lastShown = k;
            written++;
        }
        if (written == MaxDiffLines)
            shown.AppendLine("(more differences follow)");
        return shown.ToString();
    }
}
