using System.Globalization;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace GoShop.Gateway.Supergraph;

/// <summary>
/// A Federation v2 supergraph (join spec v0.3+, as @theguild/federation-composition writes it) read into what the
/// planner needs: the subgraphs and their URLs, every object type with its keys per subgraph, every field with
/// the subgraphs that resolve it, and the client-facing SDL (no join directives, no <c>@inaccessible</c> parts).
/// A construct the planner cannot plan yet is refused here, naming it and where it is, instead of failing on the
/// first operation that touches it.
/// </summary>
public sealed class SupergraphDocument
{
    private static readonly HashSet<string> FederationDirectives = ["link", "inaccessible", "tag", "authenticated", "requiresScopes", "policy", "cost", "listSize"];

    private SupergraphDocument(
        IReadOnlyDictionary<string, SubgraphEndpoint> subgraphs,
        IReadOnlyDictionary<string, ObjectTypeModel> objectTypes,
        IReadOnlyDictionary<string, AbstractTypeModel> abstractTypes,
        IReadOnlyDictionary<string, TypeKind> kinds,
        string queryType,
        string? mutationType,
        string? subscriptionType,
        string clientSdl,
        IReadOnlyDictionary<string, string?> scalars)
    {
        Scalars = scalars;
        Subgraphs = subgraphs;
        ObjectTypes = objectTypes;
        AbstractTypes = abstractTypes;
        Kinds = kinds;
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        ClientSdl = clientSdl;
    }

    /// <summary>For an enum with @inaccessible values, the values a client may see (a subgraph may still answer a hidden one).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> AccessibleEnumValues { get; private init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>Custom scalars (not the five built in) and their descriptions.</summary>
    public IReadOnlyDictionary<string, string?> Scalars { get; }

    /// <summary>Subgraphs by their <c>join__Graph</c> value (e.g. CATALOG).</summary>
    public IReadOnlyDictionary<string, SubgraphEndpoint> Subgraphs { get; }

    public IReadOnlyDictionary<string, ObjectTypeModel> ObjectTypes { get; }

    /// <summary>
    /// Interfaces some subgraph declares as an object type (<c>@interfaceObject</c>), each as an object type of the
    /// interface's name: its keys and fields per subgraph, whether the subgraph has the real interface or the object.
    /// </summary>
    public IReadOnlyDictionary<string, ObjectTypeModel> InterfaceObjects { get; private init; } = new Dictionary<string, ObjectTypeModel>();

    /// <summary>Object types hidden from clients (<c>@inaccessible</c>): planned like the others, never shown.</summary>
    public IReadOnlySet<string> InaccessibleObjectTypes { get; private init; } = new HashSet<string>();

    /// <summary>Interfaces and unions, with the object types each can be, in the supergraph and per subgraph.</summary>
    public IReadOnlyDictionary<string, AbstractTypeModel> AbstractTypes { get; }

    public IReadOnlyDictionary<string, TypeKind> Kinds { get; }

    public string QueryType { get; }

    public string? MutationType { get; }

    public string? SubscriptionType { get; }

    /// <summary>The schema clients see: the supergraph without federation's directives, types and hidden parts.</summary>
    public string ClientSdl { get; }

    public static SupergraphDocument Parse(string sdl)
    {
        var document = Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.Comments });
        var subgraphs = ReadSubgraphs(document);
        var kinds = new Dictionary<string, TypeKind>(StringComparer.Ordinal)
        {
            ["String"] = TypeKind.Scalar,
            ["Int"] = TypeKind.Scalar,
            ["Float"] = TypeKind.Scalar,
            ["Boolean"] = TypeKind.Scalar,
            ["ID"] = TypeKind.Scalar,
        };
        var objectTypes = new Dictionary<string, ObjectTypeModel>(StringComparer.Ordinal);
        var interfaces = new List<GraphQLInterfaceTypeDefinition>();
        var unions = new List<GraphQLUnionTypeDefinition>();
        // (interface, graph, object type) for every @join__implements: which subgraph can return which implementation.
        var implementations = new List<(string Interface, string Graph, string Type)>();
        var scalars = new Dictionary<string, string?>(StringComparer.Ordinal);
        var hiddenEnums = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        string queryType = "Query", mutationType = "Mutation", subscriptionType = "Subscription";
        // Interfaces declared as object types somewhere come first: their fields are fields of every implementation.
        var interfaceObjects = new Dictionary<string, ObjectTypeModel>(StringComparer.Ordinal);
        var inaccessibleTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var iface in document.Definitions.OfType<GraphQLInterfaceTypeDefinition>())
        {
            if (IsInaccessible(iface.Directives))
                continue;
            var objectGraphs = Directives(iface.Directives, "join__type")
                .Where(join => BooleanArgument(join, "isInterfaceObject") == true)
                .Select(join => EnumArgument(join, "graph")!)
                .ToHashSet(StringComparer.Ordinal);
            if (objectGraphs.Count > 0)
                interfaceObjects[iface.Name.StringValue] = ReadType(iface.Name.StringValue, iface.Directives, iface.Fields, [], objectGraphs);
        }

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    foreach (var root in schema.OperationTypes)
                    {
                        var name = root.Type!.Name.StringValue;
                        _ = root.Operation switch
                        {
                            OperationType.Query => queryType = name,
                            OperationType.Mutation => mutationType = name,
                            _ => subscriptionType = name,
                        };
                    }
                    break;
                case GraphQLObjectTypeDefinition type:
                    // A hidden object type stays in the model: a subgraph may still return it (a client then sees
                    // null), and a @requires field set may select it.
                    if (IsInaccessible(type.Directives))
                        inaccessibleTypes.Add(type.Name.StringValue);
                    foreach (var join in Directives(type.Directives, "join__implements"))
                        implementations.Add((StringArgument(join, "interface")!, EnumArgument(join, "graph")!, type.Name.StringValue));
                    objectTypes[type.Name.StringValue] = ReadType(
                        type.Name.StringValue,
                        type.Directives,
                        type.Fields,
                        type.Interfaces?.Items.Select(i => interfaceObjects.GetValueOrDefault(i.Name.StringValue)).OfType<ObjectTypeModel>().ToList() ?? [],
                        null);
                    kinds[type.Name.StringValue] = TypeKind.ObjectType;
                    break;
                case GraphQLScalarTypeDefinition scalar:
                    kinds[scalar.Name.StringValue] = TypeKind.Scalar;
                    if (!IsFederationName(scalar.Name.StringValue))
                        scalars[scalar.Name.StringValue] = scalar.Description?.Value.ToString();
                    break;
                case GraphQLEnumTypeDefinition enumType:
                    kinds[enumType.Name.StringValue] = TypeKind.Enum;
                    if (enumType.Values?.Items.Any(v => IsInaccessible(v.Directives)) == true)
                    {
                        hiddenEnums[enumType.Name.StringValue] = enumType.Values.Items
                            .Where(v => !IsInaccessible(v.Directives)).Select(v => v.Name.StringValue).ToHashSet(StringComparer.Ordinal);
                    }
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    kinds[input.Name.StringValue] = TypeKind.Input;
                    break;
                case GraphQLInterfaceTypeDefinition iface when !IsInaccessible(iface.Directives):
                    interfaces.Add(iface);
                    kinds[iface.Name.StringValue] = TypeKind.Abstract;
                    break;
                case GraphQLUnionTypeDefinition union when !IsInaccessible(union.Directives):
                    unions.Add(union);
                    kinds[union.Name.StringValue] = TypeKind.Abstract;
                    break;
                case GraphQLObjectTypeExtension or GraphQLInterfaceTypeExtension or GraphQLUnionTypeExtension or GraphQLInputObjectTypeExtension or GraphQLEnumTypeExtension or GraphQLScalarTypeExtension:
                    throw Unsupported($"a type extension (offset {definition.Location.Start})", "type extensions in a supergraph");
            }
        }

        if (!objectTypes.ContainsKey(queryType))
            throw new SupergraphException($"The supergraph has no query type '{queryType}'.");
        var abstractTypes = ReadAbstractTypes(document, interfaces, unions, implementations, objectTypes);
        return new SupergraphDocument(
            subgraphs,
            objectTypes,
            abstractTypes,
            kinds,
            queryType,
            objectTypes.ContainsKey(mutationType) ? mutationType : null,
            objectTypes.ContainsKey(subscriptionType) ? subscriptionType : null,
            PrintClientSchema(document),
            scalars)
        {
            AccessibleEnumValues = hiddenEnums,
            InterfaceObjects = interfaceObjects,
            InaccessibleObjectTypes = inaccessibleTypes,
        };
    }

    private static Dictionary<string, SubgraphEndpoint> ReadSubgraphs(GraphQLDocument document)
    {
        var graphEnum = document.Definitions.OfType<GraphQLEnumTypeDefinition>().FirstOrDefault(e => e.Name.StringValue == "join__Graph")
            ?? throw new SupergraphException("The document is not a supergraph: it has no join__Graph enum (compose it with `make schema`).");
        var subgraphs = new Dictionary<string, SubgraphEndpoint>(StringComparer.Ordinal);
        foreach (var value in graphEnum.Values?.Items ?? [])
        {
            var id = value.Name.StringValue;
            var graph = Directive(value.Directives, "join__graph")
                ?? throw new SupergraphException($"join__Graph.{id} has no @join__graph(name:, url:).");
            var name = StringArgument(graph, "name") ?? id.ToLowerInvariant();
            var url = StringArgument(graph, "url");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                throw new SupergraphException($"Subgraph '{name}' has no usable url ('{url}') in @join__graph.");
            subgraphs[id] = new SubgraphEndpoint(id, name, uri);
        }
        return subgraphs;
    }

    private static Dictionary<string, AbstractTypeModel> ReadAbstractTypes(
        GraphQLDocument document,
        List<GraphQLInterfaceTypeDefinition> interfaces,
        List<GraphQLUnionTypeDefinition> unions,
        List<(string Interface, string Graph, string Type)> implementations,
        Dictionary<string, ObjectTypeModel> objectTypes)
    {
        var result = new Dictionary<string, AbstractTypeModel>(StringComparer.Ordinal);
        foreach (var iface in interfaces)
        {
            var name = iface.Name.StringValue;
            // An object type lists every interface it implements, those of its interfaces included.
            var possible = document.Definitions.OfType<GraphQLObjectTypeDefinition>()
                .Where(o => objectTypes.ContainsKey(o.Name.StringValue) && (o.Interfaces?.Items.Any(i => i.Name.StringValue == name) ?? false))
                .Select(o => o.Name.StringValue)
                .ToList();
            var members = implementations.Where(i => i.Interface == name).Select(i => (i.Graph, i.Type)).ToHashSet();
            result[name] = new AbstractTypeModel(name, possible, members);
        }
        foreach (var union in unions)
        {
            var name = union.Name.StringValue;
            var possible = union.Types?.Items.Select(t => t.Name.StringValue).Where(objectTypes.ContainsKey).ToList() ?? [];
            var members = Directives(union.Directives, "join__unionMember")
                .Select(d => (EnumArgument(d, "graph")!, StringArgument(d, "member")!))
                .ToHashSet();
            result[name] = new AbstractTypeModel(name, possible, members);
        }
        return result;
    }

    /// <param name="interfaceObjects">Interfaces the object type implements that some subgraph declares as an object type: they resolve its fields too.</param>
    /// <param name="interfaceObjectGraphs">For an interface read as an object type: the subgraphs that declare it so; null for an object type.</param>
    private static ObjectTypeModel ReadType(
        string typeName,
        GraphQLDirectives? directives,
        GraphQLFieldsDefinition? typeFields,
        IReadOnlyList<ObjectTypeModel> interfaceObjects,
        IReadOnlySet<string>? interfaceObjectGraphs)
    {
        var graphs = new List<string>();
        var keys = new List<EntityKey>();
        foreach (var join in Directives(directives, "join__type"))
        {
            var graph = EnumArgument(join, "graph")!;
            if (!graphs.Contains(graph))
                graphs.Add(graph);
            if (interfaceObjectGraphs is null && BooleanArgument(join, "isInterfaceObject") == true)
                throw Unsupported($"type {typeName} (@interfaceObject in {graph})", "@interfaceObject on an object type");
            if (StringArgument(join, "key") is { } key)
                keys.Add(new EntityKey(graph, key, BooleanArgument(join, "resolvable") ?? true));
        }

        var fields = new Dictionary<string, FieldModel>(StringComparer.Ordinal);
        foreach (var field in typeFields?.Items ?? [])
        {
            var where = $"{typeName}.{field.Name.StringValue}";
            var joins = Directives(field.Directives, "join__field").ToList();
            List<string> fieldGraphs;
            Dictionary<string, string>? requires = null, provides = null, typeByGraph = null;
            List<string>? externalIn = null;
            if (joins.Count == 0)
            {
                fieldGraphs = graphs;
            }
            else
            {
                fieldGraphs = [];
                foreach (var join in joins)
                {
                    if (EnumArgument(join, "graph") is not { } graph)
                        continue;
                    if (StringArgument(join, "requires") is { } required)
                        (requires ??= new(StringComparer.Ordinal))[graph] = required;
                    if (StringArgument(join, "provides") is { } provided)
                        (provides ??= new(StringComparer.Ordinal))[graph] = provided;
                    if (StringArgument(join, "type") is { } typeThere)
                        (typeByGraph ??= new(StringComparer.Ordinal))[graph] = typeThere;
                    // An @external field is only a key or a requirement there, not something that subgraph resolves.
                    if (BooleanArgument(join, "external") == true)
                    {
                        (externalIn ??= []).Add(graph);
                        continue;
                    }
                    if (BooleanArgument(join, "usedOverridden") == true)
                        continue;
                    if (!fieldGraphs.Contains(graph))
                        fieldGraphs.Add(graph);
                }
            }
            // A subgraph that declares an interface of this type as an object type resolves the interface's fields for
            // every implementation (asked as the interface); composition writes a bare @join__field on a field only
            // such subgraphs resolve.
            Dictionary<string, string>? viaInterface = null;
            foreach (var iface in interfaceObjects)
            {
                if (!iface.Fields.TryGetValue(field.Name.StringValue, out var interfaceField))
                    continue;
                foreach (var graph in interfaceField.Graphs)
                {
                    if (!iface.InterfaceObjectGraphs.Contains(graph) || fieldGraphs.Contains(graph))
                        continue;
                    if (ReferenceEquals(fieldGraphs, graphs))
                        fieldGraphs = [.. graphs];
                    fieldGraphs.Add(graph);
                    (viaInterface ??= new(StringComparer.Ordinal))[graph] = iface.Name;
                    if (interfaceField.Requires?.GetValueOrDefault(graph) is { } required)
                        (requires ??= new(StringComparer.Ordinal))[graph] = required;
                }
            }
            if (fieldGraphs.Count == 0)
                throw new SupergraphException($"No subgraph resolves {where}.");
            fields[field.Name.StringValue] = new FieldModel(field.Name.StringValue, field.Type, fieldGraphs)
            {
                Requires = requires,
                Provides = provides,
                TypeByGraph = typeByGraph,
                ExternalIn = externalIn,
                ViaInterface = viaInterface,
                Arguments = field.Arguments,
            };
        }
        return new ObjectTypeModel(typeName, graphs, keys, fields) { InterfaceObjectGraphs = interfaceObjectGraphs ?? new HashSet<string>() };
    }

    private static string PrintClientSchema(GraphQLDocument document)
    {
        // The parsed document is ours alone: strip it in place.
        document.Definitions.RemoveAll(definition => definition switch
        {
            GraphQLDirectiveDefinition directive => IsFederationName(directive.Name.StringValue),
            GraphQLTypeDefinition type => IsFederationName(type.Name.StringValue) || IsInaccessible((type as IHasDirectivesNode)?.Directives),
            _ => false,
        });
        var kept = document.Definitions.OfType<GraphQLTypeDefinition>().Select(t => t.Name.StringValue).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    schema.Directives = null;
                    break;
                case GraphQLObjectTypeDefinition type:
                    type.Directives = null;
                    StripFields(type.Fields);
                    type.Interfaces?.Items.RemoveAll(i => !kept.Contains(i.Name.StringValue));
                    if (type.Interfaces is { Items.Count: 0 })
                        type.Interfaces = null;
                    break;
                case GraphQLInterfaceTypeDefinition iface:
                    iface.Directives = null;
                    StripFields(iface.Fields);
                    iface.Interfaces?.Items.RemoveAll(i => !kept.Contains(i.Name.StringValue));
                    if (iface.Interfaces is { Items.Count: 0 })
                        iface.Interfaces = null;
                    break;
                case GraphQLUnionTypeDefinition union:
                    union.Directives = null;
                    union.Types?.Items.RemoveAll(t => !kept.Contains(t.Name.StringValue));
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    input.Directives = null;
                    input.Fields?.Items.RemoveAll(f => IsInaccessible(f.Directives));
                    foreach (var field in input.Fields?.Items ?? [])
                        field.Directives = Strip(field.Directives);
                    break;
                case GraphQLEnumTypeDefinition enumType:
                    enumType.Directives = null;
                    enumType.Values?.Items.RemoveAll(v => IsInaccessible(v.Directives));
                    foreach (var value in enumType.Values?.Items ?? [])
                        value.Directives = Strip(value.Directives);
                    break;
                case GraphQLScalarTypeDefinition scalar:
                    scalar.Directives = Strip(scalar.Directives);
                    break;
            }
        }
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new SDLPrinter(new SDLPrinterOptions { PrintComments = false }).PrintAsync(document, writer).AsTask().GetAwaiter().GetResult();
        return writer.ToString();
    }

    private static void StripFields(GraphQLFieldsDefinition? fields)
    {
        fields?.Items.RemoveAll(f => IsInaccessible(f.Directives));
        foreach (var field in fields?.Items ?? [])
        {
            field.Directives = Strip(field.Directives);
            field.Arguments?.Items.RemoveAll(a => IsInaccessible(a.Directives));
            if (field.Arguments is { Items.Count: 0 })
                field.Arguments = null; // "()" would not parse
            foreach (var argument in field.Arguments?.Items ?? [])
                argument.Directives = Strip(argument.Directives);
        }
    }

    private static GraphQLDirectives? Strip(GraphQLDirectives? directives)
    {
        if (directives is null)
            return null;
        directives.Items.RemoveAll(d => IsFederationName(d.Name.StringValue));
        return directives.Items.Count == 0 ? null : directives;
    }

    private static bool IsFederationName(string name) =>
        name.StartsWith("join__", StringComparison.Ordinal) || name.StartsWith("link__", StringComparison.Ordinal) || FederationDirectives.Contains(name);

    private static bool IsInaccessible(GraphQLDirectives? directives) => Directive(directives, "inaccessible") is not null;

    private static SupergraphException Unsupported(string where, string construct) =>
        new($"The gateway cannot plan {construct} yet, and the supergraph uses it at {where}. Serve this supergraph with Hive Gateway (GOSHOP_GATEWAY=hive).");

    private static GraphQLDirective? Directive(GraphQLDirectives? directives, string name) =>
        directives?.Items.FirstOrDefault(d => d.Name.StringValue == name);

    private static IEnumerable<GraphQLDirective> Directives(GraphQLDirectives? directives, string name) =>
        directives?.Items.Where(d => d.Name.StringValue == name) ?? [];

    private static GraphQLValue? Argument(GraphQLDirective directive, string name) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;

    private static string? StringArgument(GraphQLDirective directive, string name) =>
        Argument(directive, name) is GraphQLStringValue value ? value.Value.ToString() : null;

    private static string? EnumArgument(GraphQLDirective directive, string name) =>
        Argument(directive, name) is GraphQLEnumValue value ? value.Name.StringValue : null;

    private static bool? BooleanArgument(GraphQLDirective directive, string name) =>
        Argument(directive, name) is GraphQLBooleanValue value ? value.BoolValue : null;
}

/// <summary>A supergraph the gateway cannot serve: the message says what and where.</summary>
public sealed class SupergraphException(string message) : Exception(message);
