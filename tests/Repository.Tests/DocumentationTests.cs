using System.Globalization;
using System.Text.RegularExpressions;
using GoShop.Testing;

namespace GoShop.Repository.Tests;

/// <summary>
/// The README, docs/ and docker-compose.yml name the subgraphs and their ports in several places; subgraphs.conf is
/// the one list the scripts, the composition and the tests run from. These tests fail as soon as a doc says otherwise,
/// naming what is missing and what is extra.
/// </summary>
public sealed partial class DocumentationTests
{
    private const int GatewayPort = 8000;

    private static readonly IReadOnlyList<SubgraphEntry> Subgraphs = SubgraphList.Read();

    private static readonly string Readme = Read("README.md");

    [Fact]
    public void Readme_opening_names_every_subgraph_in_place()
    {
        var opening = Readme.Split("\n\n").Single(paragraph => paragraph.StartsWith("In place today", StringComparison.Ordinal));

        AssertSameNames("the README's opening (\"In place today\", names in bold)",
            BoldName().Matches(opening).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Readme_urls_table_gives_every_subgraph_its_port()
    {
        AssertSameSubgraphs("the README's URLs table (\"| <name> subgraph ... | `http://127.0.0.1:<port>/graphql`\")",
            ReadmeUrlRow().Matches(Readme).Select(m => (m.Groups[1].Value, Port(m.Groups[2]))));
    }

    [Fact]
    public void Readme_diagram_gives_every_subgraph_its_port()
    {
        var diagram = Readme[Readme.IndexOf("## Architecture in brief", StringComparison.Ordinal)..];
        diagram = diagram[..diagram.IndexOf("```", diagram.IndexOf("```", StringComparison.Ordinal) + 3, StringComparison.Ordinal)];

        AssertSameSubgraphs("the README's architecture diagram (\"<name> :<port>\")",
            DiagramEntry().Matches(diagram).Select(m => (m.Groups[1].Value, Port(m.Groups[2]))).Where(s => s.Item1 != "gateway"));
    }

    [Fact]
    public void Readme_layout_has_every_subgraph_folder()
    {
        var layout = Readme[Readme.IndexOf("## Repository layout", StringComparison.Ordinal)..];
        var missing = Subgraphs
            .Select(s => Path.GetDirectoryName(s.Project)!.Replace('\\', '/') + "/")
            .Where(folder => !layout.Contains(folder, StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, $"The README's repository layout lacks {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Architecture_table_gives_every_subgraph_its_port()
    {
        AssertSameSubgraphs("docs/architecture.md's table (\"| <name> | <port> | ... |\")",
            TableRow().Matches(Read("docs/architecture.md")).Select(m => (m.Groups[1].Value, Port(m.Groups[2]))));
    }

    [Fact]
    public void Docker_guide_gives_every_subgraph_its_port()
    {
        AssertSameSubgraphs("docs/docker.md's table (\"| `<name>` | http://localhost:<port>/graphql |\")",
            DockerGuideRow().Matches(Read("docs/docker.md")).Select(m => (m.Groups[1].Value, Port(m.Groups[2]))).Where(s => s.Item1 != "gateway"));
    }

    [Fact]
    public void Docker_compose_runs_every_subgraph_on_its_port_and_tells_the_others_where_it_is()
    {
        var compose = Read("docker-compose.yml");

        AssertSameSubgraphs("docker-compose.yml's services (ports \"<port>:<port>\")",
            ComposeService().Matches(compose).Select(m => (m.Groups[1].Value, Port(m.Groups[2]))).Where(s => s.Item1 != "gateway"));
        AssertSameSubgraphs("docker-compose.yml's InternalApi__Services__<name>: http://<name>:<port>",
            ComposeInternalAddress().Matches(compose).Where(m => m.Groups[1].Value == m.Groups[2].Value)
                .Select(m => (m.Groups[1].Value, Port(m.Groups[3]))));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/architecture.md")]
    [InlineData("docs/docker.md")]
    public void Docs_give_no_port_to_a_subgraph_that_does_not_run(string file)
    {
        var known = Subgraphs.Select(s => s.Port).Append(GatewayPort).ToHashSet();
        var unknown = SubgraphRangePort().Matches(Read(file)).Select(Port).Where(port => !known.Contains(port)).Distinct().ToList();

        Assert.True(unknown.Count == 0, $"{file} mentions port(s) {string.Join(", ", unknown)}, which no line of subgraphs.conf has.");
    }

    private static void AssertSameSubgraphs(string where, IEnumerable<(string Name, int Port)> found)
    {
        var expected = Subgraphs.Select(s => $"{s.Name} {s.Port}").ToHashSet();
        var actual = found.Select(s => $"{s.Name} {s.Port}").ToHashSet();
        AssertSame(where, expected, actual);
    }

    private static void AssertSameNames(string where, IEnumerable<string> found) =>
        AssertSame(where, Subgraphs.Select(s => s.Name).ToHashSet(), found.ToHashSet());

    private static void AssertSame(string where, HashSet<string> expected, HashSet<string> actual)
    {
        var missing = expected.Except(actual).Order().ToList();
        var extra = actual.Except(expected).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{where} differs from subgraphs.conf: missing [{string.Join(", ", missing)}], not in subgraphs.conf [{string.Join(", ", extra)}].");
    }

    private static int Port(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static int Port(Match match) => Port(match.Groups[0]);

    private static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, relativePath)).ReplaceLineEndings("\n");

    [GeneratedRegex(@"\*\*([a-z]+)\*\*")]
    private static partial Regex BoldName();

    [GeneratedRegex(@"^\| ([a-z]+) subgraph[^|]*\| `http://127\.0\.0\.1:(\d+)/graphql`", RegexOptions.Multiline)]
    private static partial Regex ReadmeUrlRow();

    [GeneratedRegex(@"\b([a-z]+) :(\d{4})\b")]
    private static partial Regex DiagramEntry();

    [GeneratedRegex(@"^\| ([a-z]+) \| (\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\| `([a-z]+)` +\| http://localhost:(\d{4})/graphql", RegexOptions.Multiline)]
    private static partial Regex DockerGuideRow();

    [GeneratedRegex(@"^  ([a-z]+):\n(?:    .*\n|\n)*?      - ""(\d{4}):\2""", RegexOptions.Multiline)]
    private static partial Regex ComposeService();

    [GeneratedRegex(@"InternalApi__Services__([a-z]+): http://([a-z]+):(\d{4})")]
    private static partial Regex ComposeInternalAddress();

    [GeneratedRegex(@"(?<![\d.])80\d\d(?!\d)")]
    private static partial Regex SubgraphRangePort();
}
