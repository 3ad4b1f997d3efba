namespace GoShop.Testing;

/// <summary>One line of subgraphs.conf: a subgraph's name, the port it listens on, and its project file.</summary>
public sealed record SubgraphEntry(string Name, int Port, string Project);

/// <summary>The subgraphs of subgraphs.conf, the one list the scripts, the gateway's composition and the tests read.</summary>
public static class SubgraphList
{
    public static IReadOnlyList<SubgraphEntry> Read() =>
        File.ReadLines(Path.Combine(TestEnvironment.RepositoryRoot, "subgraphs.conf"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(cells => new SubgraphEntry(cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2]))
            .ToList();
}
