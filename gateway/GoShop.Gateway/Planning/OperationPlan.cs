using GoShop.Gateway.Supergraph;
using GraphQLParser.AST;

namespace GoShop.Gateway.Planning;

/// <summary>
/// One field of the client's operation after fragments are inlined, <c>@skip</c>/<c>@include</c> applied and fields of
/// one response name merged: what the response writer walks, in the client's order.
/// </summary>
public sealed class SelectedField
{
    public required string ResponseName { get; init; }

    public required string FieldName { get; init; }

    private string? _dataName;

    /// <summary>
    /// Where the field's value is in the merged answers: the response name, unless fragments on two object types
    /// select one response name with different types (a subgraph refuses that), when each gets an alias of its own.
    /// </summary>
    public string DataName
    {
        get => _dataName ?? ResponseName;
        internal set => _dataName = value;
    }

    /// <summary>The field's type (with wrappers); null for <c>__typename</c>.</summary>
    public GraphQLType? Type { get; init; }

    public required string NamedType { get; init; }

    public TypeKind Kind { get; init; }

    /// <summary>The sub-selection of an object-typed field, merged across fragments; null for a leaf or an abstract type.</summary>
    public IReadOnlyList<SelectedField>? Selections { get; set; }

    /// <summary>
    /// For a field of an interface or union type: the sub-selection for each object type it can be, normalized at
    /// planning (so the response writer only looks up the object's <c>__typename</c>); null for any other field.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SelectedField>>? PossibleSelections { get; set; }

    /// <summary>
    /// For a field of an interface some subgraph declares as an object type (<c>@interfaceObject</c>): the selection
    /// made on the interface itself. Such a subgraph returns objects whose type it does not know: when the selection
    /// is the same for every type, the answer is written with this one and the type is never looked up.
    /// </summary>
    public IReadOnlyList<SelectedField>? InterfaceSelections { get; set; }

    /// <summary>For a field of an enum with @inaccessible values, the values a client may see; null otherwise (no check).</summary>
    public IReadOnlySet<string>? EnumValues { get; init; }

    internal FieldModel? Model { get; init; }

    internal GraphQLArguments? Arguments { get; init; }

    public bool IsTypeName => Type is null;

    /// <summary>The same field with part of its sub-selection (a fetch answers that part of it).</summary>
    internal SelectedField WithSelections(IReadOnlyList<SelectedField> selections) => new()
    {
        ResponseName = ResponseName,
        FieldName = FieldName,
        _dataName = _dataName,
        Type = Type,
        NamedType = NamedType,
        Kind = Kind,
        Model = Model,
        Arguments = Arguments,
        EnumValues = EnumValues,
        Selections = selections,
    };
}

/// <summary>One request to one subgraph: the root fields it owns, or an <c>_entities</c> call for fields of objects another fetch returned.</summary>
public sealed class FetchNode
{
    public required SubgraphEndpoint Subgraph { get; init; }

    public required string Document { get; init; }

    /// <summary>The client's variables the document uses, sent with it (and nothing else).</summary>
    public required IReadOnlyList<string> Variables { get; init; }

    /// <summary>Where in the response the entities are (response names from the root; lists are walked); empty for a root fetch.</summary>
    public required IReadOnlyList<string> Path { get; init; }

    /// <summary>
    /// For each step of <see cref="Path"/>, the object type the object reached there must have (it is under an
    /// interface or union and the fetch is for one of its types); null when no step has a condition.
    /// </summary>
    public IReadOnlyList<string?>? PathTypes { get; init; }

    /// <summary>The entity type of an <c>_entities</c> fetch; null for a root fetch.</summary>
    public string? EntityType { get; init; }

    /// <summary>
    /// Fields of the representations: the alias they were selected under, the field's name, and whether it is part
    /// of the key (an object whose key is null is not fetched; a required field may be null).
    /// </summary>
    public IReadOnlyList<RepresentationField> KeyFields { get; init; } = [];

    /// <summary>The client's fields this fetch answers at its path: where its errors go when it fails as a whole.</summary>
    public required IReadOnlyList<string> ResponseNames { get; init; }

    /// <summary>Fetches that need this one's answer (entity fetches for objects it returned).</summary>
    public List<FetchNode> Children { get; } = [];

    /// <summary>
    /// The children as they are sent: one request per subgraph, however many places its entities are needed
    /// (the nested product page asks shops for the shop at three depths in one request).
    /// </summary>
    public List<EntityBatch> ChildBatches { get; } = [];

    /// <summary>
    /// Entity fetches that need what this fetch's other children bring first (a @requires or key field another
    /// subgraph resolves inside the objects this one returned): sent once those children and theirs are done.
    /// </summary>
    public List<EntityBatch> LaterBatches { get; } = [];

    /// <summary>An entity fetch's selection inside <c>... on Type { }</c> (what a batch puts under its own alias).</summary>
    public string Selection { get; init; } = "";

    public bool IsEntityFetch => EntityType is not null;
}

/// <summary>A field an entity fetch puts in its representations, read from the object under the alias the gateway selected it by.</summary>
public readonly record struct RepresentationField(string Alias, string Field, bool IsKey);

/// <summary>
/// Entity fetches of one parent to one subgraph, sent as one request: each part under an alias of its own
/// (<c>r0: _entities(representations: $__representations0) { ... }</c>), with its own representations, so parts
/// never conflict; the subgraph's batching loaders then load their keys together.
/// </summary>
public sealed class EntityBatch
{
    public required IReadOnlyList<FetchNode> Parts { get; init; }

    /// <summary>The combined document; for a single part, the part's own.</summary>
    public required string Document { get; init; }

    /// <summary>Client variables any part uses.</summary>
    public required IReadOnlyList<string> Variables { get; init; }

    public SubgraphEndpoint Subgraph => Parts[0].Subgraph;

    /// <summary>Where part <paramref name="index"/>'s answer is in the response's data.</summary>
    public string ResponseKey(int index) => ResponseKey(Parts.Count, index);

    /// <summary>The variable carrying part <paramref name="index"/>'s representations.</summary>
    public string RepresentationsVariable(int index) => RepresentationsVariable(Parts.Count, index);

    internal static string ResponseKey(int parts, int index) =>
        parts == 1 ? "_entities" : "r" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string RepresentationsVariable(int parts, int index) =>
        parts == 1 ? OperationPlanner.RepresentationsVariable : OperationPlanner.RepresentationsVariable + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An operation planned: what the client asked (for writing the answer) and the fetches that answer it.</summary>
public sealed class OperationPlan
{
    public required OperationType Operation { get; init; }

    public required string RootType { get; init; }

    public required IReadOnlyList<SelectedField> Selections { get; init; }

    /// <summary>Root fetches: run in parallel for a query, one after another for a mutation.</summary>
    public required IReadOnlyList<FetchNode> RootFetches { get; init; }

    /// <summary>The operation asks only for <c>__schema</c>, <c>__type</c> or <c>__typename</c>: the gateway answers it alone.</summary>
    public bool IsIntrospection { get; init; }
}

/// <summary>An operation the gateway cannot plan against its supergraph (a composition gap, not a client error).</summary>
public sealed class PlanningException(string message) : Exception(message);
