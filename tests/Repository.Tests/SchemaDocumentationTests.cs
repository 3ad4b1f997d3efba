using System.Text.RegularExpressions;
using GoShop.Testing;
using GraphQLParser;
using GraphQLParser.AST;

namespace GoShop.Repository.Tests;

/// <summary>
/// The explorer's documentation panel is GoShop's API reference, so every element of the client-facing schema
/// (schema/supergraph.graphql without the federation machinery and @inaccessible parts) carries a description, and
/// every deprecation names what to use instead. A new field without one fails here, named with the subgraph that
/// declares it.
/// </summary>
public sealed partial class SchemaDocumentationTests
{
    private static readonly string[] BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    private static readonly GraphQLDocument Supergraph =
        Parser.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "schema", "supergraph.graphql")));

    [Fact]
    public void Every_client_facing_element_has_a_description()
    {
        var undescribed = ClientFacingElements().Where(element => !element.Described).ToList();

        Assert.True(undescribed.Count == 0,
            $"{undescribed.Count} element(s) of the client-facing schema have no description; describe them in the subgraph "
            + "that declares them (what it is, units, bounds and defaults, who may use it, a mutation's userErrors codes), "
            + "then run `make schema`:\n"
            + string.Join("\n", undescribed
                .GroupBy(element => element.Subgraphs)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .SelectMany(group => group.Select(element => $"  {group.Key}: {element.Path}"))));
    }

    [Fact]
    public void Every_deprecation_names_its_replacement()
    {
        var silent = ClientFacingElements()
            .Where(element => element.Deprecated && (element.DeprecationReason is null or "No longer supported"))
            .Select(element => element.Path)
            .ToList();

        Assert.True(silent.Count == 0,
            $"These are deprecated without a reason naming the replacement: {string.Join(", ", silent)}. "
            + "Write @deprecated(reason: \"Use ... instead.\") (in graphql-dotnet, .DeprecationReason(...)).");
    }

    [Fact]
    public void Every_mutation_lists_the_user_error_codes_it_can_return()
    {
        var sourceCodes = SourceErrorCodes();
        var problems = new List<string>();
        foreach (var mutation in ClientFacingElements().Where(e => e.Path.StartsWith("Mutation.", StringComparison.Ordinal) && !e.Path.Contains('(')))
        {
            var listed = ErrorCodeList().Match(mutation.Description ?? "");
            if (!listed.Success)
            {
                problems.Add($"  {mutation.Subgraphs}: {mutation.Path} does not end its description with \"userErrors: CODE, CODE.\"");
                continue;
            }
            if (listed.Groups[1].Value == "none")
                continue;
            foreach (var code in listed.Groups[1].Value.Split(", ").Where(code => !sourceCodes.Contains(code)))
                problems.Add($"  {mutation.Subgraphs}: {mutation.Path} lists {code}, which no subgraph's code returns");
        }

        Assert.True(problems.Count == 0,
            "A frontend developer reads in the explorer which userErrors codes a mutation can return; the last sentence of "
            + "every mutation's description lists them (\"userErrors: REQUIRED, NOT_FOUND.\", or \"userErrors: none.\"), each one a "
            + "code some subgraph writes:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_check_sees_the_whole_schema()
    {
        // Guards the walk itself: a parser change that skipped fields would otherwise pass every check above.
        var elements = ClientFacingElements().ToList();

        Assert.Contains(elements, element => element.Path == "Query.cart");
        Assert.Contains(elements, element => element.Path.StartsWith("Mutation.placeOrder(", StringComparison.Ordinal));
        Assert.Contains(elements, element => element.Path.StartsWith("OrderStatus.", StringComparison.Ordinal));
        Assert.DoesNotContain(elements, element => element.Path.StartsWith("join__", StringComparison.Ordinal));
        Assert.True(elements.Count > 1000, $"Only {elements.Count} elements were walked.");
    }

    private static IEnumerable<SchemaElement> ClientFacingElements()
    {
        // Directive definitions (@link, @join__*) are composition's machinery, not what clients read.
        foreach (var definition in Supergraph.Definitions.OfType<GraphQLTypeDefinition>().Where(d => d is not GraphQLDirectiveDefinition))
        {
            var typeName = definition.Name.StringValue;
            if (typeName.StartsWith("join__", StringComparison.Ordinal) || typeName.StartsWith("link__", StringComparison.Ordinal)
                || BuiltInScalars.Contains(typeName) || Inaccessible(definition))
            {
                continue;
            }

            var typeGraphs = Graphs(definition, "join__type");
            yield return Element(typeName, definition, typeGraphs);

            switch (definition)
            {
                case GraphQLObjectTypeDefinition { Fields: { } fields }:
                    foreach (var field in Fields(typeName, fields, typeGraphs))
                    {
                        yield return field;
                    }

                    break;
                case GraphQLInterfaceTypeDefinition { Fields: { } fields }:
                    foreach (var field in Fields(typeName, fields, typeGraphs))
                    {
                        yield return field;
                    }

                    break;
                case GraphQLInputObjectTypeDefinition { Fields: { } inputFields }:
                    foreach (var inputField in inputFields.Items.Where(f => !Inaccessible(f)))
                    {
                        yield return Element($"{typeName}.{inputField.Name.StringValue}", inputField, typeGraphs);
                    }

                    break;
                case GraphQLEnumTypeDefinition { Values: { } values }:
                    foreach (var value in values.Items.Where(v => !Inaccessible(v)))
                    {
                        var valueGraphs = Graphs(value, "join__enumValue");
                        yield return Element($"{typeName}.{value.Name.StringValue}", value, valueGraphs.Length > 0 ? valueGraphs : typeGraphs);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<SchemaElement> Fields(string typeName, GraphQLFieldsDefinition fields, string typeGraphs)
    {
        foreach (var field in fields.Items.Where(f => !Inaccessible(f)))
        {
            var fieldGraphs = Graphs(field, "join__field");
            var graphs = fieldGraphs.Length > 0 ? fieldGraphs : typeGraphs;
            var fieldPath = $"{typeName}.{field.Name.StringValue}";
            yield return Element(fieldPath, field, graphs);

            foreach (var argument in field.Arguments?.Items.Where(a => !Inaccessible(a)) ?? [])
            {
                yield return Element($"{fieldPath}({argument.Name.StringValue}:)", argument, graphs);
            }
        }
    }

    private static SchemaElement Element(string path, ASTNode node, string graphs)
    {
        var description = node is IHasDescriptionNode { Description: { } d } ? d.Value.ToString() : null;
        var deprecated = (node as IHasDirectivesNode)?.Directives?.Items.FirstOrDefault(d => d.Name.StringValue == "deprecated");
        var reason = deprecated?.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "reason")?.Value is GraphQLStringValue s
            ? s.Value.ToString()
            : null;
        return new SchemaElement(path, graphs, description, deprecated is not null, reason);
    }

    private static bool Inaccessible(ASTNode node) =>
        (node as IHasDirectivesNode)?.Directives?.Items.Any(d => d.Name.StringValue == "inaccessible") == true;

    /// <summary>The subgraphs a join directive names, lower-cased and comma-separated ("catalog,shops").</summary>
    private static string Graphs(ASTNode node, string joinDirective) =>
        string.Join(",", ((node as IHasDirectivesNode)?.Directives?.Items ?? [])
            .Where(d => d.Name.StringValue == joinDirective)
            .Select(d => d.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "graph")?.Value)
            .OfType<GraphQLEnumValue>()
            .Select(v => v.Name.StringValue.ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal));

    /// <summary>Every UPPER_SNAKE string literal in the subgraphs' C# sources: the codes a userError can carry.</summary>
    private static HashSet<string> SourceErrorCodes() =>
        Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepositoryRoot, "subgraphs"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => QuotedCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>"userErrors: A, B." or, for a mutation that refuses nothing, "userErrors: none."</summary>
    [GeneratedRegex(@"userErrors: (none|[A-Z][A-Z0-9_]*(?:, [A-Z][A-Z0-9_]*)*)\.\s*$")]
    private static partial Regex ErrorCodeList();

    [GeneratedRegex(@"""([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)""")]
    private static partial Regex QuotedCode();

    private sealed record SchemaElement(string Path, string Subgraphs, string? Description, bool Deprecated, string? DeprecationReason)
    {
        public bool Described => !string.IsNullOrWhiteSpace(Description);
    }
}
