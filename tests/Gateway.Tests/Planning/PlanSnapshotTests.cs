using System.Text;
using System.Text.RegularExpressions;
using GoShop.Gateway.Planning;
using GoShop.Gateway.Supergraph;
using GoShop.Testing;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace GoShop.Gateway.Tests.Planning;

/// <summary>
/// Plan snapshots: every GraphQL operation written out in the end-to-end tests, the bench, the README and the docs, planned
/// against the repository's supergraph, checked in as text (tests/Gateway.Tests/Planning/plans.txt). A change to the
/// planner or the schema that changes how GoShop's own operations reach the subgraphs shows up in review as a diff.
/// </summary>
public sealed partial class PlanSnapshotTests
{
    private const string SnapshotFile = "tests/Gateway.Tests/Planning/plans.txt";

    private static readonly string[] Sources = ["tests/EndToEnd.Tests", "tests/Benchmarks", "README.md", "docs"];

    [Fact]
    public void Every_operation_of_the_suite_bench_and_docs_plans_as_checked_in()
    {
        var root = TestEnvironment.RepositoryRoot;
        var supergraph = new SupergraphSnapshot(File.ReadAllText(Path.Combine(root, "schema", "supergraph.graphql")), maxPlansPerDocument: 16);
        var text = new StringBuilder();
        var planned = 0;
        foreach (var file in SourceFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var candidate in Candidates(file))
            {
                if (!seen.Add(candidate) || Parse(candidate) is not { } document)
                    continue;
                foreach (var (single, operation) in OneByOne(candidate, document))
                {
                    var name = operation.Name?.StringValue ?? "(anonymous)";
                    text.Append("## ").Append(relative).Append(' ').Append(operation.Operation.ToString().ToLowerInvariant()).Append(' ').AppendLine(name);
                    text.AppendLine(Describe(supergraph, single, operation, ref planned));
                }
            }
        }

        CheckedInText.AssertMatches(SnapshotFile, text.ToString(), "How GoShop's own operations are planned");
        // The sources write about a hundred operations as literals (others are built from parts at run time and are
        // covered by the differential test); far fewer means the extraction broke, not that they went away.
        Assert.True(planned >= 80, $"Only {planned} operations were found and planned.");
    }

    private static string Describe(SupergraphSnapshot supergraph, GraphQLDocument document, GraphQLOperationDefinition operation, ref int planned)
    {
        var errors = Validate(supergraph, document, operation);
        if (errors is not null)
            return "refused by validation: " + errors;
        // @skip/@include on variables: planned with every condition false (what an absent Boolean variable means).
        var plan = supergraph.PlanFor(document, operation, _ => null);
        planned++;
        return PlanText.Of(plan);
    }

    private static string? Validate(SupergraphSnapshot supergraph, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var result = new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = supergraph.Schema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = GraphQL.Inputs.Empty,
        }).GetAwaiter().GetResult();
        // The documents' variables are not known here: only errors in the document itself count.
        return result.Errors.FirstOrDefault(e => e is not InvalidVariableError)?.Message;
    }

    /// <summary>
    /// Each operation of a document with its fragments, as a document of its own: a code block of the docs often shows
    /// several anonymous operations one after another, each meant to be sent alone.
    /// </summary>
    private static IEnumerable<(GraphQLDocument Document, GraphQLOperationDefinition Operation)> OneByOne(string text, GraphQLDocument document)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 1)
        {
            yield return (document, operations[0]);
            yield break;
        }
        var fragments = string.Concat(document.Definitions.OfType<GraphQLFragmentDefinition>().Select(f => "\n" + text[f.Location.Start..f.Location.End]));
        foreach (var operation in operations)
        {
            var single = Parser.Parse(text[operation.Location.Start..operation.Location.End] + fragments);
            yield return (single, single.Definitions.OfType<GraphQLOperationDefinition>().Single());
        }
    }

    private static GraphQLDocument? Parse(string candidate)
    {
        try
        {
            var document = Parser.Parse(candidate);
            return document.Definitions.OfType<GraphQLOperationDefinition>().Any() ? document : null;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Sources.SelectMany(source =>
        {
            var path = Path.Combine(root, source);
            return File.Exists(path)
                ? [path]
                : Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}results{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        }).Order(StringComparer.Ordinal);

    /// <summary>
    /// Text that may be a GraphQL document: markdown's graphql code blocks, and C#'s raw and plain string literals that
    /// start like one. Interpolated literals stay out (their holes are not GraphQL); what does not parse is dropped.
    /// </summary>
    private static IEnumerable<string> Candidates(string file)
    {
        var source = File.ReadAllText(file);
        if (file.EndsWith(".md", StringComparison.Ordinal))
        {
            foreach (Match block in MarkdownBlock().Matches(source))
                yield return block.Groups["body"].Value;
            yield break;
        }
        foreach (Match raw in RawLiteral().Matches(source))
        {
            if (raw.Groups["dollar"].Length == 0)
                yield return raw.Groups["body"].Value;
        }
        foreach (Match plain in PlainLiteral().Matches(source))
            yield return Regex.Unescape(plain.Groups["body"].Value);
    }

    [GeneratedRegex("```graphql\\s*\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkdownBlock();

    [GeneratedRegex("(?<dollar>\\$*)\"\"\"(?<body>.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawLiteral();

    [GeneratedRegex("(?<![$@\"])\"(?<body>(?:query|mutation|subscription|\\{)(?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex PlainLiteral();
}
