using GoShop.Testing;
using GraphQLParser;
using GraphQLParser.AST;

namespace GoShop.Repository.Tests;

/// <summary>
/// A page survives one subgraph's outage only if the null an unreachable subgraph leaves stops at a nullable field
/// (docs/architecture.md, "A page survives one subgraph's outage"). So in schema/supergraph.graphql every field whose
/// value comes from another subgraph than the one answering its parent is nullable: a reference to an entity another
/// subgraph owns (for a list, its items), and a field a subgraph adds to another's entity (the field itself). A new
/// `Field&lt;NonNullGraphType&lt;ShopType&gt;, EntityReference&lt;ShopType&gt;&gt;` fails here, named with its subgraph.
/// </summary>
public sealed class CrossSubgraphNullabilityTests
{
    private static readonly string[] RootTypes = ["Query", "Mutation", "Subscription"];

    private static readonly Dictionary<string, ObjectType> Types = Parser
        .Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "schema", "supergraph.graphql")))
        .Definitions.OfType<GraphQLObjectTypeDefinition>()
        .Select(ObjectType.From)
        .Where(type => type.Graphs.Count > 0)
        .ToDictionary(type => type.Name, StringComparer.Ordinal);

    [Fact]
    public void Every_field_reaching_into_another_subgraph_is_nullable()
    {
        var problems = Types.Values
            .SelectMany(type => type.Fields.Select(field => (type, field)))
            .Select(pair => Problem(pair.type, pair.field))
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(problems.Count == 0,
            $"{problems.Count} non-null field(s) would carry one subgraph's outage up to their parent (a listing answering "
            + "data: null when one subgraph is down). Make each nullable in the subgraph named, say \"Null when <subgraph> "
            + "cannot be reached.\" in its description, run `make schema`, and add the breaking change to "
            + "docs/schema-changelog.md:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_check_tells_a_reference_from_what_the_answering_subgraph_owns()
    {
        // Guards the rule's reading of the supergraph: a change in how composition writes it would otherwise pass.
        var product = Types["Product"];
        Assert.Equal("catalog", product.Owner);
        Assert.True(ReachesElsewhere(product, product.Field("shop")).Reference);
        Assert.True(ReachesElsewhere(product, product.Field("reviews")).Added);
        Assert.Equal((false, false), ReachesElsewhere(product, product.Field("title")));
        Assert.Equal((false, false), ReachesElsewhere(Types["ProductEdge"], Types["ProductEdge"].Field("node")));
        Assert.True(ReachesElsewhere(Types["Query"], Types["Query"].Field("trendingShops")).Reference);
    }

    private static string? Problem(ObjectType parent, GraphQLFieldDefinition field)
    {
        var (reference, added) = ReachesElsewhere(parent, field);
        var graphs = string.Join(",", parent.GraphsOf(field));
        if (reference && ItemNonNull(field.Type))
            return $"  {graphs}: {parent.Name}.{field.Name.StringValue}: {Print(field.Type)} holds {Named(field.Type)}, owned by "
                + $"{Types[Named(field.Type)].Owner}: make it (or, for a list, its items) nullable";
        if (added && field.Type is GraphQLNonNullType)
            return $"  {graphs}: {parent.Name}.{field.Name.StringValue}: {Print(field.Type)} is added to {parent.Owner}'s "
                + $"{parent.Name}: make it nullable";
        return null;
    }

    /// <summary>
    /// Reference: the field holds an entity that another subgraph than the field's own owns (every subgraph serving
    /// the field has only a stub of it). Added: a subgraph other than the parent's owner serves the field.
    /// </summary>
    private static (bool Reference, bool Added) ReachesElsewhere(ObjectType parent, GraphQLFieldDefinition field)
    {
        var name = field.Name.StringValue;
        if (parent.KeyFields.Contains(name))
            return (false, false);
        var graphs = parent.GraphsOf(field);
        var reference = Types.TryGetValue(Named(field.Type), out var target) && target.KeyFields.Count > 0
            && graphs.All(graph => graph != target.Owner
                && target.Fields.Any(f => !target.KeyFields.Contains(f.Name.StringValue) && !target.GraphsOf(f).Contains(graph)));
        var added = !RootTypes.Contains(parent.Name) && parent.Graphs.Count > 1 && !graphs.Contains(parent.Owner);
        return (reference, added);
    }

    /// <summary>Whether the entity a field holds is non-null where it sits: the field itself, or a list's items.</summary>
    private static bool ItemNonNull(GraphQLType type) => type switch
    {
        GraphQLNonNullType { Type: GraphQLNamedType } => true,
        GraphQLNonNullType { Type: var inner } => ItemNonNull(inner),
        GraphQLListType { Type: var inner } => ItemNonNull(inner),
        _ => false,
    };

    private static string Named(GraphQLType type) => type switch
    {
        GraphQLNonNullType { Type: var inner } => Named(inner),
        GraphQLListType { Type: var inner } => Named(inner),
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new InvalidOperationException($"Unexpected type node {type.Kind}."),
    };

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType { Type: var inner } => Print(inner) + "!",
        GraphQLListType { Type: var inner } => "[" + Print(inner) + "]",
        _ => Named(type),
    };

    /// <summary>An object type of the supergraph with the subgraphs that declare it (@join__type) and its key fields.</summary>
    private sealed record ObjectType(string Name, IReadOnlyList<string> Graphs, IReadOnlySet<string> KeyFields, IReadOnlyList<GraphQLFieldDefinition> Fields)
    {
        /// <summary>The subgraph serving most of its fields: the one whose entity it is (identity for User, catalog for Product).</summary>
        public string Owner { get; } = Fields
            .SelectMany(field => GraphsOf(field, Graphs))
            .GroupBy(graph => graph, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .FirstOrDefault() ?? "";

        public static ObjectType From(GraphQLObjectTypeDefinition definition)
        {
            var joins = Directives(definition, "join__type").ToList();
            var keys = joins
                .Select(join => Argument(join, "key"))
                .OfType<GraphQLStringValue>()
                .SelectMany(key => key.Value.ToString().Split([' ', '{', '}'], StringSplitOptions.RemoveEmptyEntries))
                .ToHashSet(StringComparer.Ordinal);
            return new ObjectType(definition.Name.StringValue, [.. joins.Select(Graph).Distinct()], keys,
                [.. definition.Fields?.Items ?? []]);
        }

        public GraphQLFieldDefinition Field(string name) => Fields.Single(field => field.Name.StringValue == name);

        /// <summary>The subgraphs serving a field: its @join__field ones, or every subgraph declaring the type.</summary>
        public IReadOnlyList<string> GraphsOf(GraphQLFieldDefinition field) => GraphsOf(field, Graphs);

        private static IReadOnlyList<string> GraphsOf(GraphQLFieldDefinition field, IReadOnlyList<string> typeGraphs)
        {
            var own = Directives(field, "join__field").Where(join => Argument(join, "graph") is not null).Select(Graph).Distinct().ToList();
            return own.Count > 0 ? own : typeGraphs;
        }

        private static IEnumerable<GraphQLDirective> Directives(IHasDirectivesNode node, string name) =>
            node.Directives?.Items.Where(directive => directive.Name.StringValue == name) ?? [];

        private static GraphQLValue? Argument(GraphQLDirective directive, string name) =>
            directive.Arguments?.Items.FirstOrDefault(argument => argument.Name.StringValue == name)?.Value;

        private static string Graph(GraphQLDirective join) =>
            ((GraphQLEnumValue)Argument(join, "graph")!).Name.StringValue.ToLowerInvariant();
    }
}
