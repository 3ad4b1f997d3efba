using System.Text;
using GoShop.Gateway.Supergraph;
using GraphQLParser.AST;

namespace GoShop.Gateway.Planning;

/// <summary>
/// Plans a validated operation into subgraph fetches.
/// <list type="number">
/// <item>The selection is normalized: fragments inlined, <c>@skip</c>/<c>@include</c> decided (their variables are
/// part of the plan's cache key), fields of one response name merged.</item>
/// <item>Root fields are grouped by the subgraph that resolves them: one fetch per subgraph for a query (run in
/// parallel), one per run of consecutive fields of one subgraph for a mutation (run in order).</item>
/// <item>Walking a fetch's selection, a field its subgraph cannot resolve goes to an <c>_entities</c> fetch of a
/// subgraph that can, keyed by an entity key the first subgraph selects (under a <c>__key_</c> alias, so it never
/// meets a client's alias). Fields for the same subgraph at the same place share one fetch; that fetch's own
/// foreign fields become its children, and so on.</item>
/// </list>
/// A fetch carries only the client variables its document uses.
/// </summary>
public sealed class OperationPlanner(SupergraphDocument supergraph)
{
    private const string KeyAliasPrefix = "__key_";
    /// <summary>The variable an entity fetch carries its representations in ("__" names are reserved by the spec, so no client operation should use it).</summary>
    internal const string RepresentationsVariable = "__representations";

    public OperationPlan Plan(GraphQLDocument document, GraphQLOperationDefinition operation, Func<string, object?> variable)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var rootType = operation.Operation switch
        {
            OperationType.Query => supergraph.QueryType,
            OperationType.Mutation => supergraph.MutationType,
            _ => supergraph.SubscriptionType,
        } ?? throw new PlanningException($"The schema has no {operation.Operation.ToString().ToLowerInvariant()} type.");

        var normalizer = new Normalizer(supergraph, fragments, variable);
        var selections = normalizer.Normalize([operation.SelectionSet], rootType);
        if (normalizer.SawIntrospection)
        {
            return new OperationPlan
            {
                Operation = operation.Operation,
                RootType = rootType,
                Selections = selections,
                RootFetches = [],
                IsIntrospection = true,
            };
        }

        var groups = new List<(string Graph, List<SelectedField> Fields)>();
        foreach (var field in selections)
        {
            if (field.IsTypeName)
                continue;
            var graphs = field.Model!.Graphs;
            if (operation.Operation == OperationType.Mutation)
            {
                // Mutation fields run in the order written: only neighbours of one subgraph share a fetch.
                if (groups.Count > 0 && graphs.Contains(groups[^1].Graph))
                    groups[^1].Fields.Add(field);
                else
                    groups.Add((graphs[0], [field]));
                continue;
            }
            var existing = groups.FindIndex(g => graphs.Contains(g.Graph));
            if (existing >= 0)
                groups[existing].Fields.Add(field);
            else
                groups.Add((graphs[0], [field]));
        }

        var variableDefinitions = operation.Variables?.Items.ToDictionary(v => v.Variable.Name.StringValue, StringComparer.Ordinal)
            ?? new Dictionary<string, GraphQLVariableDefinition>(StringComparer.Ordinal);
        var operationName = operation.Name?.StringValue;
        var rootFetches = new List<FetchNode>();
        foreach (var (graph, fields) in groups)
        {
            var builder = new FetchBuilder(this, supergraph.Subgraphs[graph], [], variableDefinitions);
            var selection = new StringBuilder();
            builder.Emit(rootType, fields, [], selection);
            rootFetches.Add(builder.Build(operation.Operation, operationName, null, [], fields, selection));
        }

        return new OperationPlan
        {
            Operation = operation.Operation,
            RootType = rootType,
            Selections = selections,
            RootFetches = rootFetches,
        };
    }

    /// <summary>The variables that <c>@skip</c>/<c>@include</c> read in an operation: they decide its plan.</summary>
    public static IReadOnlyList<string> ConditionVariables(GraphQLDocument document)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
            Collect(definition);
        return names.ToList();

        void Collect(ASTNode node)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    Collect(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    Collect(fragment.SelectionSet);
                    break;
                case GraphQLSelectionSet set:
                    foreach (var selection in set.Selections)
                        Collect(selection);
                    break;
                case GraphQLField field:
                    Conditions(field.Directives);
                    if (field.SelectionSet is { } fieldSet)
                        Collect(fieldSet);
                    break;
                case GraphQLInlineFragment inline:
                    Conditions(inline.Directives);
                    Collect(inline.SelectionSet);
                    break;
                case GraphQLFragmentSpread spread:
                    Conditions(spread.Directives);
                    break;
            }
        }

        void Conditions(GraphQLDirectives? directives)
        {
            foreach (var directive in directives?.Items ?? [])
            {
                if (directive.Name.StringValue is "skip" or "include" && directive.Arguments?.Items.FirstOrDefault()?.Value is GraphQLVariable v)
                    names.Add(v.Name.StringValue);
            }
        }
    }

    private sealed class FetchBuilder(
        OperationPlanner planner,
        SubgraphEndpoint subgraph,
        IReadOnlyList<string> path,
        IReadOnlyDictionary<string, GraphQLVariableDefinition> definitions)
    {
        private readonly HashSet<string> _variables = new(StringComparer.Ordinal);
        private readonly List<FetchNode> _children = [];

        public SubgraphEndpoint Subgraph { get; } = subgraph;

        public void Emit(string typeName, IReadOnlyList<SelectedField> fields, IReadOnlyList<string> fieldPath, StringBuilder text)
        {
            var type = planner.Type(typeName);
            var written = 0;
            List<(string Graph, List<SelectedField> Fields)>? foreign = null;
            foreach (var field in fields)
            {
                if (field.IsTypeName)
                    continue; // The gateway knows every object's type: __typename is written, never fetched.
                if (field.Model!.IsResolvableIn(Subgraph.Id))
                {
                    if (written > 0)
                        text.Append(' ');
                    WriteField(field, fieldPath, text);
                    written++;
                    continue;
                }
                var target = field.Model.Graphs.FirstOrDefault(g => type.KeyFor(Subgraph.Id, g) is not null)
                    ?? throw new PlanningException(
                        $"{typeName}.{field.FieldName} is resolved by {string.Join(", ", field.Model.Graphs.Select(g => planner.Name(g)))}, " +
                        $"and {Subgraph.Name} gives no key of {typeName} that one of them takes.");
                foreign ??= [];
                var group = foreign.FindIndex(g => g.Graph == target);
                if (group >= 0)
                    foreign[group].Fields.Add(field);
                else
                    foreign.Add((target, [field]));
            }

            if (foreign is not null)
            {
                var keyAliases = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (graph, foreignFields) in foreign)
                {
                    var key = type.KeyFor(Subgraph.Id, graph)!;
                    var keyFields = new List<(string Alias, string Field)>();
                    foreach (var (keyField, keySelection) in key.FieldSelections)
                    {
                        var alias = KeyAliasPrefix + keyField;
                        keyFields.Add((alias, keyField));
                        if (keyAliases.Add(alias))
                        {
                            if (written > 0)
                                text.Append(' ');
                            text.Append(alias).Append(':').Append(keyField).Append(keySelection);
                            written++;
                        }
                    }
                    var child = new FetchBuilder(planner, planner.Subgraph(graph), fieldPath, definitions);
                    var childText = new StringBuilder();
                    child.Emit(typeName, foreignFields, fieldPath, childText);
                    _children.Add(child.Build(OperationType.Query, null, typeName, keyFields, foreignFields, childText));
                }
            }

            if (written == 0)
                text.Append("__typename");
        }

        private void WriteField(SelectedField field, IReadOnlyList<string> fieldPath, StringBuilder text)
        {
            if (field.ResponseName != field.FieldName)
                text.Append(field.ResponseName).Append(':');
            text.Append(field.FieldName);
            if (field.Arguments is { Items.Count: > 0 } arguments)
            {
                text.Append('(');
                var first = true;
                foreach (var argument in arguments.Items)
                {
                    if (!first)
                        text.Append(',');
                    first = false;
                    text.Append(argument.Name.StringValue).Append(':');
                    GraphQLText.WriteValue(argument.Value, text, _variables);
                }
                text.Append(')');
            }
            if (field.Selections is { } selections)
            {
                text.Append('{');
                Emit(field.NamedType, selections, [.. fieldPath, field.ResponseName], text);
                text.Append('}');
            }
        }

        public FetchNode Build(
            OperationType operation,
            string? operationName,
            string? entityType,
            IReadOnlyList<(string Alias, string Field)> keyFields,
            IReadOnlyList<SelectedField> fields,
            StringBuilder selection)
        {
            var document = new StringBuilder(selection.Length + 128);
            document.Append(operation switch
            {
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                _ => "query",
            });
            if (operationName is not null)
                document.Append(' ').Append(operationName);
            var variables = _variables.Where(definitions.ContainsKey).OrderBy(v => v, StringComparer.Ordinal).ToList();
            if (entityType is not null || variables.Count > 0)
            {
                document.Append('(');
                var first = true;
                if (entityType is not null)
                {
                    document.Append('$').Append(RepresentationsVariable).Append(":[_Any!]!");
                    first = false;
                }
                foreach (var name in variables)
                {
                    if (!first)
                        document.Append(',');
                    first = false;
                    WriteVariableDefinition(name, document);
                }
                document.Append(')');
            }
            if (entityType is null)
            {
                document.Append('{').Append(selection).Append('}');
            }
            else
            {
                document.Append("{_entities(representations:$").Append(RepresentationsVariable).Append("){...on ").Append(entityType)
                    .Append('{').Append(selection).Append("}}}");
            }

            var node = new FetchNode
            {
                Subgraph = Subgraph,
                Document = document.ToString(),
                Variables = variables,
                Path = path,
                EntityType = entityType,
                KeyFields = keyFields,
                ResponseNames = fields.Select(f => f.ResponseName).ToList(),
                Selection = entityType is null ? "" : selection.ToString(),
            };
            node.Children.AddRange(_children);
            foreach (var parts in _children.GroupBy(c => c.Subgraph.Id))
                node.ChildBatches.Add(Batch(parts.ToList()));
            return node;
        }

        /// <summary>"$name:Type=default", as the client's operation defines the variable.</summary>
        private void WriteVariableDefinition(string name, StringBuilder document)
        {
            var definition = definitions[name];
            document.Append('$').Append(name).Append(':');
            GraphQLText.WriteType(definition.Type, document);
            if (definition.DefaultValue is { } defaultValue)
            {
                document.Append('=');
                GraphQLText.WriteValue(defaultValue, document, null);
            }
        }

        private EntityBatch Batch(List<FetchNode> parts)
        {
            if (parts.Count == 1)
                return new EntityBatch { Parts = parts, Document = parts[0].Document, Variables = parts[0].Variables };
            var variables = parts.SelectMany(p => p.Variables).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var document = new StringBuilder("query(");
            for (var i = 0; i < parts.Count; i++)
            {
                if (i > 0)
                    document.Append(',');
                document.Append('$').Append(EntityBatch.RepresentationsVariable(parts.Count, i)).Append(":[_Any!]!");
            }
            foreach (var name in variables)
                WriteVariableDefinition(name, document.Append(','));
            document.Append("){");
            for (var i = 0; i < parts.Count; i++)
            {
                if (i > 0)
                    document.Append(' ');
                document.Append(EntityBatch.ResponseKey(parts.Count, i)).Append(":_entities(representations:$").Append(EntityBatch.RepresentationsVariable(parts.Count, i))
                    .Append("){...on ").Append(parts[i].EntityType).Append('{').Append(parts[i].Selection).Append("}}");
            }
            document.Append('}');
            return new EntityBatch { Parts = parts, Document = document.ToString(), Variables = variables };
        }
    }

    private ObjectTypeModel Type(string name) =>
        supergraph.ObjectTypes.TryGetValue(name, out var type) ? type : throw new PlanningException($"Type {name} is not an object type of the supergraph.");

    private SubgraphEndpoint Subgraph(string id) => supergraph.Subgraphs[id];

    private string Name(string id) => supergraph.Subgraphs.TryGetValue(id, out var s) ? s.Name : id;

    /// <summary>Inlines fragments, applies @skip/@include and merges fields by response name, keeping the client's order.</summary>
    private sealed class Normalizer(SupergraphDocument supergraph, Dictionary<string, GraphQLFragmentDefinition> fragments, Func<string, object?> variable)
    {
        public bool SawIntrospection { get; private set; }

        public List<SelectedField> Normalize(IEnumerable<GraphQLSelectionSet> sets, string typeName)
        {
            var order = new List<string>();
            var byName = new Dictionary<string, (GraphQLField First, List<GraphQLSelectionSet> Sets)>(StringComparer.Ordinal);
            foreach (var set in sets)
                Collect(set, typeName, order, byName);

            var type = supergraph.ObjectTypes[typeName];
            var result = new List<SelectedField>(order.Count);
            foreach (var responseName in order)
            {
                var (field, subSets) = byName[responseName];
                var fieldName = field.Name.StringValue;
                if (fieldName == "__typename")
                {
                    result.Add(new SelectedField { ResponseName = responseName, FieldName = fieldName, NamedType = "String", Kind = TypeKind.Scalar });
                    continue;
                }
                if (fieldName is "__schema" or "__type")
                {
                    SawIntrospection = true;
                    continue;
                }
                if (!type.Fields.TryGetValue(fieldName, out var model))
                    throw new PlanningException($"{typeName}.{fieldName} is not in the supergraph.");
                var kind = supergraph.Kinds.TryGetValue(model.NamedType, out var k) ? k : TypeKind.Scalar;
                var selected = new SelectedField
                {
                    ResponseName = responseName,
                    FieldName = fieldName,
                    Type = model.Type,
                    NamedType = model.NamedType,
                    Kind = kind,
                    Model = model,
                    Arguments = field.Arguments,
                };
                if (kind == TypeKind.ObjectType)
                    selected.Selections = Normalize(subSets, model.NamedType);
                result.Add(selected);
            }
            return result;
        }

        private void Collect(GraphQLSelectionSet set, string typeName, List<string> order, Dictionary<string, (GraphQLField First, List<GraphQLSelectionSet> Sets)> byName)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field when Included(field.Directives):
                        var responseName = (field.Alias?.Name ?? field.Name).StringValue;
                        if (!byName.TryGetValue(responseName, out var entry))
                        {
                            entry = (field, []);
                            byName[responseName] = entry;
                            order.Add(responseName);
                        }
                        if (field.SelectionSet is { } subSet)
                            entry.Sets.Add(subSet);
                        break;
                    case GraphQLInlineFragment inline when Included(inline.Directives) && Applies(inline.TypeCondition, typeName):
                        Collect(inline.SelectionSet, typeName, order, byName);
                        break;
                    case GraphQLFragmentSpread spread when Included(spread.Directives)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && Applies(fragment.TypeCondition, typeName):
                        Collect(fragment.SelectionSet, typeName, order, byName);
                        break;
                }
            }
        }

        private static bool Applies(GraphQLTypeCondition? condition, string typeName) =>
            condition is null || condition.Type.Name.StringValue == typeName;

        private bool Included(GraphQLDirectives? directives)
        {
            if (directives is null)
                return true;
            foreach (var directive in directives.Items)
            {
                var name = directive.Name.StringValue;
                if (name is not ("skip" or "include"))
                    continue;
                var value = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value;
                var condition = value switch
                {
                    GraphQLBooleanValue b => b.BoolValue,
                    GraphQLVariable v => variable(v.Name.StringValue) is true,
                    _ => false,
                };
                if (name == "skip" && condition)
                    return false;
                if (name == "include" && !condition)
                    return false;
            }
            return true;
        }
    }
}
