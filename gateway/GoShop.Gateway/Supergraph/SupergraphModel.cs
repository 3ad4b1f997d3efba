using GraphQLParser;
using GraphQLParser.AST;

namespace GoShop.Gateway.Supergraph;

/// <summary>One subgraph of the supergraph (a value of the <c>join__Graph</c> enum).</summary>
public sealed record SubgraphEndpoint(string Id, string Name, Uri Url);

/// <summary>An entity key of a type in one subgraph (<c>@join__type(graph:, key:)</c>).</summary>
public sealed record EntityKey(string Graph, string FieldSet, bool Resolvable)
{
    /// <summary>The key's top-level fields ("id", or "id sku" for a compound key), each with its sub-selection ("" for a leaf, "{id}" for a nested key).</summary>
    public IReadOnlyList<(string Field, string Selection)> FieldSelections { get; } = TopLevelFields(FieldSet);

    public IEnumerable<string> Fields => FieldSelections.Select(f => f.Field);

    private static List<(string, string)> TopLevelFields(string fieldSet)
    {
        var text = "{" + fieldSet + "}";
        var document = Parser.Parse(text);
        var operation = (GraphQLOperationDefinition)document.Definitions[0];
        return operation.SelectionSet.Selections.OfType<GraphQLField>()
            .Select(f => (f.Name.StringValue, f.SelectionSet is { } set ? text[set.Location.Start..set.Location.End] : ""))
            .ToList();
    }
}

/// <summary>A field of an object type, and the subgraphs that can resolve it.</summary>
public sealed class FieldModel(string name, GraphQLType type, IReadOnlyList<string> graphs)
{
    public string Name { get; } = name;

    /// <summary>The field's type as the supergraph declares it (with its list and non-null wrappers).</summary>
    public GraphQLType Type { get; } = type;

    public string NamedType { get; } = Unwrap(type);

    /// <summary>Subgraphs that resolve this field, in the supergraph's order.</summary>
    public IReadOnlyList<string> Graphs { get; } = graphs;

    /// <summary>Per subgraph, the fields of the parent it needs in the representation to resolve this one (<c>@requires</c>).</summary>
    public IReadOnlyDictionary<string, string>? Requires { get; init; }

    /// <summary>Per subgraph, the fields of this field's type that subgraph resolves under it though they are external there (<c>@provides</c>).</summary>
    public IReadOnlyDictionary<string, string>? Provides { get; init; }

    /// <summary>Subgraphs where the field is <c>@external</c>: they cannot resolve it, but return it as part of a key they give.</summary>
    public IReadOnlyList<string>? ExternalIn { get; init; }

    /// <summary>Per subgraph, the field's type there as composition wrote it (<c>@join__field(type:)</c>), which may be narrower than the supergraph's.</summary>
    public IReadOnlyDictionary<string, string>? TypeByGraph { get; init; }

    public string NamedTypeIn(string graph) => TypeByGraph is not null && TypeByGraph.TryGetValue(graph, out var type) ? type.Trim('[', ']', '!') : NamedType;

    /// <summary>
    /// Per subgraph, the interface through which that subgraph resolves this field of an object type: it declares the
    /// interface as an object type (<c>@interfaceObject</c>) and knows no implementation, so it is asked with the
    /// interface's name and key. Null when every subgraph resolves the field on the type itself.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ViaInterface { get; init; }

    /// <summary>The field's arguments as the supergraph declares them (to read a field set's arguments against).</summary>
    public GraphQLArgumentsDefinition? Arguments { get; init; }

    /// <summary>Whether <paramref name="graph"/> resolves the field inside the fetch that reached its parent (not only from an entity representation carrying its requirements).</summary>
    public bool IsResolvableInline(string graph) => (Requires is null || !Requires.ContainsKey(graph)) && IsResolvableIn(graph);

    public bool IsResolvableIn(string graph)
    {
        foreach (var g in Graphs)
        {
            if (g == graph)
                return true;
        }
        return false;
    }

    public static string Unwrap(GraphQLType type) => type switch
    {
        GraphQLNamedType named => named.Name.StringValue,
        GraphQLNonNullType nonNull => Unwrap(nonNull.Type),
        GraphQLListType list => Unwrap(list.Type),
        _ => throw new InvalidOperationException($"Unknown type node {type.Kind}."),
    };
}

/// <summary>An object type of the supergraph: its fields and, per subgraph, the keys it can be fetched by.</summary>
public sealed class ObjectTypeModel(string name, IReadOnlyList<string> graphs, IReadOnlyList<EntityKey> keys, IReadOnlyDictionary<string, FieldModel> fields)
{
    public string Name { get; } = name;

    /// <summary>
    /// For an interface some subgraphs declare as an object type (<c>@interfaceObject</c>), which is modelled as an
    /// object type of its own name: those subgraphs. They return objects of it without knowing their type. Empty
    /// for an object type.
    /// </summary>
    public IReadOnlySet<string> InterfaceObjectGraphs { get; init; } = new HashSet<string>();

    /// <summary>Whether this is an interface seen as the object type its @interfaceObject subgraphs declare.</summary>
    public bool IsInterfaceObject => InterfaceObjectGraphs.Count > 0;

    /// <summary>Subgraphs that define the type.</summary>
    public IReadOnlyList<string> Graphs { get; } = graphs;

    public IReadOnlyList<EntityKey> Keys { get; } = keys;

    public IReadOnlyDictionary<string, FieldModel> Fields { get; } = fields;

    /// <summary>A key by which <paramref name="target"/> resolves this entity and that <paramref name="source"/> can select.</summary>
    public EntityKey? KeyFor(string source, string target)
    {
        foreach (var key in Keys)
        {
            if (key.Graph != target || !key.Resolvable)
                continue;
            if (key.Fields.All(f => Fields.TryGetValue(f, out var field) && field.IsResolvableIn(source)))
                return key;
        }
        return null;
    }
}

/// <summary>An interface or a union: the object types it can be, and which of them each subgraph can return as it.</summary>
public sealed class AbstractTypeModel(string name, IReadOnlyList<string> possibleTypes, HashSet<(string Graph, string Type)> members)
{
    public string Name { get; } = name;

    /// <summary>The object types it can be, in the supergraph's order.</summary>
    public IReadOnlyList<string> PossibleTypes { get; } = possibleTypes;

    /// <summary>Whether <paramref name="graph"/> knows <paramref name="type"/> as this type (so a fragment on it may be sent there).</summary>
    public bool IsPossibleIn(string graph, string type) => members.Contains((graph, type));
}

/// <summary>Kinds of named types a selection can end on.</summary>
public enum TypeKind
{
    Scalar,
    Enum,
    ObjectType,
    Input,

    /// <summary>An interface or a union: the object's own type is read from its <c>__typename</c>.</summary>
    Abstract,
}
