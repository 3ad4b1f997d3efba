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
            // A root field several subgraphs resolve goes to the one that answers most of its selection itself
            // (its @provides included), sharing a fetch with other root fields when that costs nothing more.
            var best = graphs.Count == 1 ? graphs : LeastForeign(graphs, field);
            if (graphs.Count > 1)
            {
                if (SplitValueType(field, graphs, best[0]) is { } parts)
                {
                    // A value type (no key to come back by) that several subgraphs return: each answers the fields it
                    // has, and the answers merge into one object.
                    foreach (var (graph, part) in parts)
                    {
                        var at = groups.FindIndex(g => g.Graph == graph);
                        if (at >= 0)
                            groups[at].Fields.Add(part);
                        else
                            groups.Add((graph, [part]));
                    }
                    continue;
                }
            }
            var existing = groups.FindIndex(g => best.Contains(g.Graph));
            if (existing >= 0)
                groups[existing].Fields.Add(field);
            else
                groups.Add((best[0], [field]));
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

    /// <summary>
    /// For a root field of a value type that <paramref name="best"/> cannot answer whole: the field once per
    /// subgraph, each with the sub-fields that subgraph resolves (null when one subgraph answers it, or when the
    /// type has keys and entity fetches reach the rest).
    /// </summary>
    private List<(string Graph, SelectedField Part)>? SplitValueType(SelectedField field, IReadOnlyList<string> graphs, string best)
    {
        if (field.Selections is not { } selections || !supergraph.ObjectTypes.TryGetValue(field.NamedType, out var type) || type.Keys.Count > 0
            || Foreign(best, field, null) == 0)
            return null;
        var parts = new List<(string Graph, List<SelectedField> Fields)>();
        foreach (var sub in selections)
        {
            if (sub.IsTypeName)
                continue;
            var graph = sub.Model!.IsResolvableInline(best) ? best : graphs.Where(sub.Model.IsResolvableInline).OrderBy(g => Foreign(g, sub, null)).FirstOrDefault();
            if (graph is null)
                return null;
            var at = parts.FindIndex(p => p.Graph == graph);
            if (at >= 0)
                parts[at].Fields.Add(sub);
            else
                parts.Add((graph, [sub]));
        }
        return parts.Count < 2 ? null : parts.Select(p => (p.Graph, new SelectedField
        {
            ResponseName = field.ResponseName,
            FieldName = field.FieldName,
            Type = field.Type,
            NamedType = field.NamedType,
            Kind = field.Kind,
            Model = field.Model,
            Arguments = field.Arguments,
            Selections = p.Fields,
        })).ToList();
    }

    /// <summary>The graphs among <paramref name="graphs"/> that leave the fewest of <paramref name="field"/>'s fields to other subgraphs.</summary>
    private List<string> LeastForeign(IReadOnlyList<string> graphs, SelectedField field)
    {
        var costs = graphs.Select(g => (Graph: g, Cost: Foreign(g, field, null))).ToList();
        var least = costs.Min(c => c.Cost);
        return costs.Where(c => c.Cost == least).Select(c => c.Graph).ToList();
    }

    /// <summary>How many fields under <paramref name="field"/> <paramref name="graph"/> leaves to entity fetches.</summary>
    /// <param name="provided">What the parent's @provides gives under this field in <paramref name="graph"/>.</param>
    private int Foreign(string graph, SelectedField field, SelectedField? provided)
    {
        var under = provided ?? (field.Model?.Provides is { } provides && provides.TryGetValue(graph, out var fieldSet) ? ProvidedSelection(field, fieldSet) : null);
        var count = 0;
        if (field.Selections is { } selections)
            count += ForeignIn(graph, selections, under?.Selections);
        foreach (var (typeName, typeSelections) in field.PossibleSelections ?? new Dictionary<string, IReadOnlyList<SelectedField>>())
            count += ForeignIn(graph, typeSelections, under?.PossibleSelections?.GetValueOrDefault(typeName));
        return count;
    }

    private int ForeignIn(string graph, IReadOnlyList<SelectedField> fields, IReadOnlyList<SelectedField>? provided)
    {
        var count = 0;
        foreach (var field in fields)
        {
            if (field.IsTypeName)
                continue;
            var providedField = provided?.FirstOrDefault(p => p.FieldName == field.FieldName);
            if (!field.Model!.IsResolvableInline(graph) && providedField is null)
                count++;
            else
                count += Foreign(graph, field, providedField);
        }
        return count;
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

    /// <summary>
    /// What a subgraph has of an object beyond the fields it resolves: a key field @external there is in the
    /// representation that brought the object (<paramref name="Representation"/>), or given by the parent's
    /// <c>@provides</c>. An object it returned otherwise has no value of it to give.
    /// </summary>
    private readonly record struct Given(bool Representation, IReadOnlyList<SelectedField>? Provided)
    {
        public bool CanGive(FieldModel field, string graph)
        {
            if (field.IsResolvableInline(graph))
                return true;
            if (field.ExternalIn is null || !field.ExternalIn.Contains(graph))
                return false;
            return Representation || (Provided is not null && Provided.Any(p => p.FieldName == field.Name));
        }
    }

    /// <summary>A step of a fetch's path: the response name, and the object type required there (under an interface or union).</summary>
    private readonly record struct Step(string Name, string? Type);

    /// <summary>
    /// Fields of one object that one other subgraph must answer by <c>_entities</c>: the client's fields, the
    /// fields other groups need from it (selected under <c>__key_</c> aliases), the representation it sends, and
    /// the groups whose answers that representation needs first.
    /// </summary>
    private sealed class EntityGroup(string graph, string entityType)
    {
        public string Graph { get; } = graph;

        /// <summary>The type it is asked for: the object's, or an interface the subgraph declares as an object type (<c>@interfaceObject</c>).</summary>
        public string EntityType { get; } = entityType;

        /// <summary>
        /// For objects an @interfaceObject subgraph returned: the group also asks their <c>__typename</c>, and these
        /// fetches (of fields that depend on the type) go once its answer is in.
        /// </summary>
        public TypedFetches? ResolvesType { get; set; }

        public List<SelectedField> Fields { get; } = [];

        public List<RepresentationField> Representation { get; } = [];

        public HashSet<EntityGroup> DependsOn { get; } = [];

        /// <summary>Its representation carries an object this fetch selects, whose fields other children may bring: it goes after them.</summary>
        public bool WaitsForSiblings { get; set; }

        public bool Resolved { get; set; }
    }

    /// <summary>Fetches planned for objects whose type is not known yet: sent after the fetch that asks it.</summary>
    private sealed record TypedFetches(List<FetchNode> Children, List<FetchNode> Later);

    private sealed class FetchBuilder(
        OperationPlanner planner,
        SubgraphEndpoint subgraph,
        IReadOnlyList<Step> path,
        IReadOnlyDictionary<string, GraphQLVariableDefinition> definitions)
    {
        private readonly HashSet<string> _variables = new(StringComparer.Ordinal);
        private List<FetchNode> _children = [];
        private List<FetchNode> _later = [];

        public SubgraphEndpoint Subgraph { get; } = subgraph;

        /// <param name="provided">What the parent field's <c>@provides</c> lets this subgraph resolve here though it is external there.</param>
        /// <param name="underCondition">The object is under an interface or union: hidden aliases name the type, so fragments on different types never select one alias with different types.</param>
        /// <param name="fromRepresentation">The fields are those of an <c>_entities</c> fetch, whose representation carries what they @require.</param>
        /// <param name="resolveType">The objects are an @interfaceObject subgraph's: their type is asked too, and these fetches wait for it.</param>
        /// <param name="more">The selection goes on after what is written here (nothing stands in for an empty one).</param>
        public void Emit(
            string typeName,
            IReadOnlyList<SelectedField> fields,
            IReadOnlyList<Step> at,
            StringBuilder text,
            IReadOnlyList<SelectedField>? provided = null,
            bool underCondition = false,
            bool fromRepresentation = false,
            TypedFetches? resolveType = null,
            bool more = false)
        {
            var written = 0;
            List<EntityGroup>? groups = null;
            foreach (var field in fields)
            {
                if (field.IsTypeName)
                    continue; // The gateway knows every object's type: __typename is written, never fetched.
                var resolvable = fromRepresentation ? field.Model!.IsResolvableIn(Subgraph.Id) : field.Model!.IsResolvableInline(Subgraph.Id);
                if (resolvable || Provided(provided, field) is not null)
                {
                    var here = field;
                    if (Provided(provided, field) is null && planner.ThroughParent(typeName, field, Subgraph.Id, new Given(fromRepresentation, provided)) is { } split)
                    {
                        // Part of the object is only reachable through this one (a type without a key there): the
                        // subgraph that answers that part is asked for this field of this object.
                        groups ??= [];
                        Group(groups, split.Graph, split.EntityType, null).Fields.Add(split.There);
                        here = split.Here;
                    }
                    Separate(text);
                    WriteField(here, at, text, Provided(provided, field));
                    written++;
                    continue;
                }
                var type = planner.Type(typeName);
                groups ??= [];
                var (graph, entityType) = planner.TargetFor(type, field, Subgraph.Id, new Given(fromRepresentation, provided));
                GroupFor(groups, type, graph, entityType, field).Fields.Add(field);
            }
            if (resolveType is not null)
            {
                var iface = planner.Type(typeName);
                groups ??= [];
                Group(groups, planner.TypeResolver(iface, Subgraph.Id), iface.Name, null).ResolvesType = resolveType;
            }

            if (groups is not null)
                written += PlanEntityGroups(planner.Type(typeName), groups, at, text, underCondition, new Given(fromRepresentation, provided));

            if (written == 0 && !more)
                text.Append("__typename");
        }

        /// <summary>A space between selections (none after an opening brace).</summary>
        private static void Separate(StringBuilder text)
        {
            if (text.Length > 0 && text[^1] is not ('{' or ' '))
                text.Append(' ');
        }

        private static SelectedField? Provided(IReadOnlyList<SelectedField>? provided, SelectedField field)
        {
            if (provided is null)
                return null;
            foreach (var p in provided)
            {
                if (p.FieldName == field.FieldName)
                    return p;
            }
            return null;
        }

        /// <summary>A group for <paramref name="graph"/> and <paramref name="entityType"/> that does not (even indirectly) wait for <paramref name="dependent"/>.</summary>
        private static EntityGroup Group(List<EntityGroup> groups, string graph, string entityType, EntityGroup? dependent)
        {
            foreach (var group in groups)
            {
                if (group.Graph == graph && group.EntityType == entityType && group != dependent && (dependent is null || !Waits(group, dependent)))
                    return group;
            }
            var created = new EntityGroup(graph, entityType);
            groups.Add(created);
            return created;
        }

        /// <summary>
        /// A group for <paramref name="field"/>: one whose fields @require nothing that <paramref name="field"/>
        /// requires with other arguments (a representation has one value per field name), else a new one.
        /// </summary>
        private EntityGroup GroupFor(List<EntityGroup> groups, ObjectTypeModel type, string graph, string entityType, SelectedField field)
        {
            var required = field.Model?.Requires?.GetValueOrDefault(graph) is { } fieldSet ? planner.FieldSet(type.Name, fieldSet) : null;
            foreach (var group in groups)
            {
                if (group.Graph != graph || group.EntityType != entityType)
                    continue;
                if (required is null || group.Fields.All(other => !planner.RequiresConflict(type.Name, graph, other, required)))
                    return group;
            }
            var created = new EntityGroup(graph, entityType);
            groups.Add(created);
            return created;
        }

        /// <summary>For a field selected with arguments, a suffix of its hidden alias that tells the arguments apart ("" without).</summary>
        private static string ArgumentsSuffix(SelectedField field) =>
            field.Arguments is { Items.Count: > 0 } ? "_" + Fnv1a(ArgumentsText(field)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) : "";

        /// <summary>A stable hash (string.GetHashCode differs per process, and a plan's text should not).</summary>
        private static uint Fnv1a(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
                hash = (hash ^ c) * 16777619u;
            return hash;
        }

        private static bool Waits(EntityGroup group, EntityGroup on) =>
            group.DependsOn.Contains(on) || group.DependsOn.Any(d => Waits(d, on));

        /// <summary>
        /// Gives every group its representation (a key the target resolves, plus what its fields @require), selects
        /// those fields here when this subgraph resolves them or from another group first, and builds the fetches:
        /// a group that waits for others is sent after them.
        /// </summary>
        private int PlanEntityGroups(ObjectTypeModel type, List<EntityGroup> groups, IReadOnlyList<Step> at, StringBuilder text, bool underCondition, Given given)
        {
            var hiddenHere = new Dictionary<string, SelectedField>(StringComparer.Ordinal);
            var added = 0;
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                if (group.Resolved)
                    continue;
                group.Resolved = true;
                if (groups.Count > 32)
                    throw new PlanningException($"Fetching {type.Name} needs more steps than the gateway plans.");
                var owner = group.EntityType == type.Name ? type : planner.Type(group.EntityType);
                var key = planner.KeyFor(owner, type, Subgraph.Id, group.Graph, given);
                var needed = new List<(SelectedField Field, bool IsKey)>();
                foreach (var keyField in planner.FieldSet(type.Name, key.FieldSet))
                    needed.Add((keyField, true));
                foreach (var field in group.Fields)
                {
                    if (field.Model?.Requires is { } requires && requires.TryGetValue(group.Graph, out var required))
                    {
                        foreach (var requiredField in planner.FieldSet(type.Name, required))
                            needed.Add((requiredField, false));
                    }
                }
                foreach (var (field, isKey) in needed)
                {
                    var alias = KeyAliasPrefix + (underCondition ? type.Name + "_" : "") + field.FieldName + ArgumentsSuffix(field);
                    if (!group.Representation.Any(r => r.Alias == alias))
                        group.Representation.Add(new RepresentationField(alias, field.FieldName, isKey));
                    var hidden = Hidden(field, alias);
                    if (isKey ? given.CanGive(field.Model!, Subgraph.Id) : field.Model!.IsResolvableInline(Subgraph.Id))
                    {
                        if (field.Selections is not null || field.PossibleSelections is not null)
                            group.WaitsForSiblings = true;
                        if (!hiddenHere.TryGetValue(alias, out var existing))
                            hiddenHere[alias] = hidden;
                        else
                            MergeSelections(existing, hidden);
                        continue;
                    }
                    var (sourceGraph, sourceType) = planner.TargetFor(type, field, Subgraph.Id, given);
                    var source = Group(groups, sourceGraph, sourceType, group);
                    group.DependsOn.Add(source);
                    var already = source.Fields.FirstOrDefault(f => f.ResponseName == alias);
                    if (already is not null)
                    {
                        MergeSelections(already, hidden);
                        continue;
                    }
                    source.Fields.Add(hidden);
                    // The group gained a field (which may @require more): walk it again.
                    source.Resolved = false;
                    g = -1;
                }
            }

            foreach (var hidden in hiddenHere.Values)
            {
                Separate(text);
                WriteField(hidden, at, text, null);
                added++;
            }

            // Groups that wait for none and that none waits for go in parallel; the others one after another, in
            // an order where each comes after what it waits for (slower, but never before its representation).
            var independent = groups.Where(g => g.DependsOn.Count == 0 && !groups.Any(o => o.DependsOn.Contains(g))).ToList();
            foreach (var group in independent)
                (group.WaitsForSiblings ? _later : _children).Add(BuildGroup(type.Name, group, at, underCondition, []));
            var ordered = new List<EntityGroup>();
            foreach (var group in groups.Except(independent))
                Visit(group);
            FetchNode? next = null;
            for (var i = ordered.Count - 1; i >= 0; i--)
                next = BuildGroup(type.Name, ordered[i], at, underCondition, next is null ? [] : [next]);
            if (next is not null)
                (ordered[0].WaitsForSiblings ? _later : _children).Add(next);
            return added;

            void Visit(EntityGroup group)
            {
                if (ordered.Contains(group))
                    return;
                foreach (var dependency in group.DependsOn)
                    Visit(dependency);
                ordered.Add(group);
            }
        }

        private FetchNode BuildGroup(string typeName, EntityGroup group, IReadOnlyList<Step> at, bool underCondition, IReadOnlyList<FetchNode> then)
        {
            var child = new FetchBuilder(planner, planner.Subgraph(group.Graph), at, definitions);
            var childText = new StringBuilder();
            if (group.ResolvesType is { } typed)
            {
                // The one __typename the gateway fetches into an object: an @interfaceObject subgraph could not tell it.
                childText.Append("__typename");
                child._children.AddRange(typed.Children);
                child._later.AddRange(typed.Later);
            }
            child.Emit(typeName, group.Fields, at, childText, null, underCondition, fromRepresentation: true, more: group.ResolvesType is not null);
            child._later.AddRange(then);
            return child.Build(OperationType.Query, null, group.EntityType, group.Representation, group.Fields.Where(f => !f.ResponseName.StartsWith(KeyAliasPrefix, StringComparison.Ordinal)).ToList(), childText);
        }

        /// <summary>A field of a key or @requires field set, selected under the gateway's own alias.</summary>
        private static SelectedField Hidden(SelectedField field, string alias) => new()
        {
            ResponseName = alias,
            FieldName = field.FieldName,
            Type = field.Type,
            NamedType = field.NamedType,
            Kind = field.Kind,
            Model = field.Model,
            Arguments = field.Arguments,
            Selections = field.Selections,
            PossibleSelections = field.PossibleSelections,
        };

        private static void MergeSelections(SelectedField into, SelectedField from)
        {
            if (into.Selections is { } mine && from.Selections is { } theirs)
                into.Selections = [.. mine, .. theirs.Where(t => !mine.Any(m => m.ResponseName == t.ResponseName))];
        }

        private void WriteField(SelectedField field, IReadOnlyList<Step> at, StringBuilder text, SelectedField? provided)
        {
            if (field.DataName != field.FieldName)
                text.Append(field.DataName).Append(':');
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
            var providedHere = provided ?? (field.Model?.Provides is { } provides && provides.TryGetValue(Subgraph.Id, out var fieldSet)
                ? planner.ProvidedSelection(field, fieldSet)
                : null);
            if (field.Selections is { } selections)
            {
                text.Append('{');
                Emit(field.NamedType, selections, [.. at, new Step(field.DataName, null)], text, providedHere?.Selections);
                text.Append('}');
            }
            else if (field.PossibleSelections is { } possible)
            {
                // The field's type here may be narrower than in the supergraph (@join__field(type:)): an object type, or another abstract one.
                var typeHere = field.Model?.NamedTypeIn(Subgraph.Id) ?? field.NamedType;
                if (planner.Document.InterfaceObjects.GetValueOrDefault(typeHere) is { } iface)
                {
                    if (iface.InterfaceObjectGraphs.Contains(Subgraph.Id))
                    {
                        text.Append('{');
                        EmitInterfaceObject(iface, field, possible, [.. at, new Step(field.DataName, null)], text);
                        text.Append('}');
                        return;
                    }
                    if (planner.Document.AbstractTypes[typeHere].PossibleTypes.Count == 0)
                    {
                        // No object type implements it: what is selected on the interface must still be reachable from
                        // here (a field only a non-resolvable @interfaceObject has is not).
                        foreach (var selected in field.InterfaceSelections ?? [])
                        {
                            if (!selected.IsTypeName && !selected.Model!.IsResolvableInline(Subgraph.Id))
                                planner.TargetFor(iface, selected, Subgraph.Id, default);
                        }
                    }
                }
                // The object's type decides its selection: __typename is fetched, and a fragment is sent for each
                // type this subgraph can return here (a fragment on a type it does not know would not validate).
                text.Append("{__typename");
                var abstractHere = planner.AbstractType(typeHere);
                foreach (var (typeName, typeSelections) in possible)
                {
                    var returnable = abstractHere is null ? typeName == typeHere : abstractHere.IsPossibleIn(Subgraph.Id, typeName);
                    if (!returnable || !typeSelections.Any(f => !f.IsTypeName))
                        continue;
                    text.Append(" ...on ").Append(typeName).Append('{');
                    var providedForType = providedHere?.PossibleSelections is { } p && p.TryGetValue(typeName, out var ps) ? ps : null;
                    Emit(typeName, typeSelections, [.. at, new Step(field.DataName, typeName)], text, providedForType, underCondition: true);
                    text.Append('}');
                }
                text.Append('}');
            }
        }

        /// <summary>
        /// The selection of an interface this subgraph declares as an object type (<c>@interfaceObject</c>): it returns
        /// objects without knowing their type. What is selected on the interface is asked as the interface, here or
        /// from other subgraphs by the interface's key. When the selection depends on the type (a fragment on an object
        /// type, <c>__typename</c>), a subgraph with the real interface is asked the <c>__typename</c>, and the fields of
        /// each type's fragments that this subgraph does not answer through the interface are fetched by that type's
        /// key once it is known.
        /// </summary>
        private void EmitInterfaceObject(ObjectTypeModel iface, SelectedField field, IReadOnlyDictionary<string, IReadOnlyList<SelectedField>> possible, IReadOnlyList<Step> at, StringBuilder text)
        {
            var onInterface = field.InterfaceSelections ?? [];
            var typeMatters = onInterface.Any(f => f.IsTypeName);
            TypedFetches? typed = null;
            foreach (var (typeName, selections) in possible)
            {
                List<SelectedField>? rest = null;
                foreach (var selected in selections)
                {
                    var same = onInterface.FirstOrDefault(f => f.ResponseName == selected.ResponseName);
                    if (same is not null && SameSelection(same, selected))
                        continue;
                    typeMatters = true;
                    if (!selected.IsTypeName)
                        (rest ??= []).Add(selected);
                }
                if (rest is null)
                    continue;
                // Planned from here (this subgraph gives the keys, through the interface), sent after the type is known.
                typed ??= new TypedFetches([], []);
                (var children, var later) = (_children, _later);
                (_children, _later) = (typed.Children, typed.Later);
                Emit(typeName, rest, [.. at.Take(at.Count - 1), at[^1] with { Type = typeName }], text, underCondition: true, more: true);
                (_children, _later) = (children, later);
            }
            Emit(iface.Name, onInterface, at, text, resolveType: typeMatters ? typed ?? new TypedFetches([], []) : null, more: true);
            // An empty selection is invalid; this subgraph's __typename (the interface's name, not the object's type)
            // must not land where the response writer reads the type.
            if (text[^1] == '{')
                text.Append(KeyAliasPrefix).Append("typename:__typename");
        }

        /// <summary>Whether two selections of one response name ask the same (so one fetch answers both).</summary>
        private static bool SameSelection(SelectedField a, SelectedField b)
        {
            if (a.FieldName != b.FieldName || a.IsTypeName != b.IsTypeName)
                return false;
            if (a.Selections is not null || b.Selections is not null)
                return a.Selections is not null && b.Selections is not null && a.Selections.Count == b.Selections.Count
                    && a.Selections.Zip(b.Selections).All(p => p.First.ResponseName == p.Second.ResponseName && SameSelection(p.First, p.Second));
            // Abstract sub-selections are compared no further: a type's own fragment asks it again.
            return a.PossibleSelections is null && b.PossibleSelections is null;
        }

        public FetchNode Build(
            OperationType operation,
            string? operationName,
            string? entityType,
            IReadOnlyList<RepresentationField> keyFields,
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
                Path = path.Select(s => s.Name).ToList(),
                PathTypes = path.Any(s => s.Type is not null) ? path.Select(s => s.Type).ToList() : null,
                EntityType = entityType,
                KeyFields = keyFields,
                ResponseNames = fields.Select(f => f.ResponseName).ToList(),
                Selection = entityType is null ? "" : selection.ToString(),
            };
            node.Children.AddRange(_children);
            node.Children.AddRange(_later);
            foreach (var parts in _children.GroupBy(c => c.Subgraph.Id))
                node.ChildBatches.Add(Batch(parts.ToList()));
            foreach (var parts in _later.GroupBy(c => c.Subgraph.Id))
                node.LaterBatches.Add(Batch(parts.ToList()));
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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Type, string FieldSet), IReadOnlyList<SelectedField>> _fieldSets = new();

    /// <summary>
    /// For a field of an object type that <paramref name="source"/> resolves, when some of its sub-fields are out of
    /// reach from there (another subgraph has them on a type without a key it takes, "parent entity calls"): the
    /// subgraph to ask for the field with those sub-fields through the parent's key, and the field split in two. Null
    /// when every sub-field is reachable (the planner's usual case, decided without exceptions).
    /// </summary>
    /// <param name="given">What <paramref name="source"/> has of the parent beyond what it resolves.</param>
    private (string Graph, string EntityType, SelectedField Here, SelectedField There)? ThroughParent(string typeName, SelectedField field, string source, Given given)
    {
        if (field.Selections is not { } selections || !supergraph.ObjectTypes.TryGetValue(field.NamedType, out var child))
            return null;
        // What the field's @provides gives under it in the source is within reach there.
        var provided = field.Model?.Provides?.GetValueOrDefault(source) is { } fieldSet ? ProvidedSelection(field, fieldSet).Selections : null;
        List<SelectedField>? unreachable = null;
        foreach (var sub in selections)
        {
            if (!sub.IsTypeName && !sub.Model!.IsResolvableInline(source) && provided?.Any(p => p.FieldName == sub.FieldName) != true
                && TryTargetFor(child, sub, source, new Given(false, provided)) is null)
                (unreachable ??= []).Add(sub);
        }
        if (unreachable is null)
            return null;
        var type = Type(typeName);
        foreach (var graph in field.Model!.Graphs)
        {
            if (graph == source || !unreachable.All(u => u.Model!.IsResolvableInline(graph) || TryTargetFor(child, u, graph, default) is not null))
                continue;
            var owner = KeyOwner(type, field.Model, graph);
            if (DirectKey(owner, type, source, graph, given) is null && IndirectKey(owner, type, source, graph, given) is null)
                continue;
            return (graph, owner.Name, field.WithSelections([.. selections.Except(unreachable)]), field.WithSelections(unreachable));
        }
        return null;
    }

    /// <summary>
    /// The subgraph that answers <paramref name="field"/> of <paramref name="type"/> for objects <paramref name="source"/>
    /// returned (one it can give a key to directly if any, else one whose key another subgraph can give), and the
    /// type to ask it for: <paramref name="type"/>, or the interface through which that subgraph resolves the field.
    /// </summary>
    /// <param name="given">What <paramref name="source"/> has of the objects beyond what it resolves (their keys, when a representation brought them).</param>
    private (string Graph, string EntityType) TargetFor(ObjectTypeModel type, SelectedField field, string source, Given given) =>
        TryTargetFor(type, field, source, given) ?? throw new PlanningException(
            $"{type.Name}.{field.FieldName} is resolved by {string.Join(", ", field.Model!.Graphs.Select(Name))}, " +
            $"and {Name(source)} gives no key of {type.Name} that one of them takes.");

    private (string Graph, string EntityType)? TryTargetFor(ObjectTypeModel type, SelectedField field, string source, Given given)
    {
        var graphs = field.Model!.Graphs;
        foreach (var graph in graphs)
        {
            var owner = KeyOwner(type, field.Model, graph);
            if (DirectKey(owner, type, source, graph, given) is not null)
                return (graph, owner.Name);
        }
        foreach (var graph in graphs)
        {
            var owner = KeyOwner(type, field.Model, graph);
            if (IndirectKey(owner, type, source, graph, given) is not null)
                return (graph, owner.Name);
        }
        return null;
    }

    /// <summary>Whose keys reach <paramref name="field"/> in <paramref name="graph"/>: the type's, or those of the interface through which <paramref name="graph"/> resolves it.</summary>
    private ObjectTypeModel KeyOwner(ObjectTypeModel type, FieldModel field, string graph) =>
        field.ViaInterface?.GetValueOrDefault(graph) is { } iface ? supergraph.InterfaceObjects[iface] : type;

    /// <param name="owner">The type whose keys <paramref name="target"/> takes: <paramref name="type"/>, or an interface of it.</param>
    private EntityKey KeyFor(ObjectTypeModel owner, ObjectTypeModel type, string source, string target, Given given) =>
        DirectKey(owner, type, source, target, given) ?? IndirectKey(owner, type, source, target, given)
        ?? throw new PlanningException($"{Name(source)} gives no key of {owner.Name} that {Name(target)} takes.");

    /// <summary>
    /// The subgraph that tells the type of an object <paramref name="source"/> returned as the interface it declares
    /// as an object type: one that has the real interface and takes a key of it <paramref name="source"/> gives.
    /// </summary>
    private string TypeResolver(ObjectTypeModel iface, string source)
    {
        foreach (var key in iface.Keys)
        {
            if (!iface.InterfaceObjectGraphs.Contains(key.Graph) && DirectKey(iface, iface, source, key.Graph, default) is not null)
                return key.Graph;
        }
        throw new PlanningException($"No subgraph tells the type of a {iface.Name} that {Name(source)} returns: none has the interface with a key {Name(source)} gives.");
    }

    /// <summary>A key of <paramref name="target"/> whose fields <paramref name="source"/> resolves itself.</summary>
    /// <param name="owner">Whose keys: <paramref name="type"/>, or an interface of it the target declares as an object type.</param>
    private static EntityKey? DirectKey(ObjectTypeModel owner, ObjectTypeModel type, string source, string target, Given given)
    {
        foreach (var key in owner.Keys)
        {
            if (key.Graph == target && key.Resolvable && key.Fields.All(f => type.Fields.TryGetValue(f, out var field) && given.CanGive(field, source)))
                return key;
        }
        return null;
    }

    /// <summary>A key of <paramref name="target"/> whose fields <paramref name="source"/> resolves or a third subgraph gives by a key <paramref name="source"/> has.</summary>
    private static EntityKey? IndirectKey(ObjectTypeModel owner, ObjectTypeModel type, string source, string target, Given given)
    {
        foreach (var key in owner.Keys)
        {
            if (key.Graph != target || !key.Resolvable)
                continue;
            var reachable = key.Fields.All(f => type.Fields.TryGetValue(f, out var field)
                && (given.CanGive(field, source) || field.Graphs.Any(g => g != target && field.IsResolvableInline(g) && DirectKey(type, type, source, g, given) is not null)));
            if (reachable)
                return key;
        }
        return null;
    }

    /// <summary>Whether <paramref name="other"/> @requires in <paramref name="graph"/> a field of <paramref name="required"/> with other arguments.</summary>
    private bool RequiresConflict(string typeName, string graph, SelectedField other, IReadOnlyList<SelectedField> required)
    {
        if (other.Model?.Requires?.GetValueOrDefault(graph) is not { } fieldSet)
            return false;
        foreach (var mine in FieldSet(typeName, fieldSet))
        {
            foreach (var theirs in required)
            {
                if (mine.FieldName == theirs.FieldName && ArgumentsText(mine) != ArgumentsText(theirs))
                    return true;
            }
        }
        return false;
    }

    /// <summary>A field's arguments as written (empty without).</summary>
    private static string ArgumentsText(SelectedField field)
    {
        if (field.Arguments is not { Items.Count: > 0 } arguments)
            return "";
        var text = new StringBuilder();
        foreach (var argument in arguments.Items)
        {
            text.Append(argument.Name.StringValue).Append(':');
            GraphQLText.WriteValue(argument.Value, text, null);
            text.Append(',');
        }
        return text.ToString();
    }

    /// <summary>A key or @requires field set of <paramref name="typeName"/> as selected fields (parsed once per supergraph).</summary>
    private IReadOnlyList<SelectedField> FieldSet(string typeName, string fieldSet) =>
        _fieldSets.GetOrAdd((typeName, fieldSet), key =>
        {
            var document = GraphQLParser.Parser.Parse("{" + key.FieldSet + "}");
            var set = ((GraphQLOperationDefinition)document.Definitions[0]).SelectionSet;
            return new Normalizer(supergraph, new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal), _ => null, fieldSet: true).Normalize([set], key.Type);
        });

    /// <summary>What a field's @provides gives under it: the fields for an object type, or per type for an interface or union.</summary>
    private SelectedField ProvidedSelection(SelectedField field, string fieldSet)
    {
        if (field.PossibleSelections is null)
            return new SelectedField { ResponseName = field.ResponseName, FieldName = field.FieldName, NamedType = field.NamedType, Selections = FieldSet(field.NamedType, fieldSet) };
        var byType = new Dictionary<string, IReadOnlyList<SelectedField>>(StringComparer.Ordinal);
        foreach (var typeName in field.PossibleSelections.Keys)
            byType[typeName] = FieldSet(typeName, fieldSet);
        return new SelectedField { ResponseName = field.ResponseName, FieldName = field.FieldName, NamedType = field.NamedType, PossibleSelections = byType };
    }

    private SupergraphDocument Document => supergraph;

    private AbstractTypeModel? AbstractType(string name) => supergraph.AbstractTypes.GetValueOrDefault(name);

    private ObjectTypeModel Type(string name) =>
        supergraph.ObjectTypes.GetValueOrDefault(name) ?? supergraph.InterfaceObjects.GetValueOrDefault(name)
        ?? throw new PlanningException($"Type {name} is not an object type of the supergraph.");

    private SubgraphEndpoint Subgraph(string id) => supergraph.Subgraphs[id];

    private string Name(string id) => supergraph.Subgraphs.TryGetValue(id, out var s) ? s.Name : id;

    /// <summary>Inlines fragments, applies @skip/@include and merges fields by response name, keeping the client's order.</summary>
    /// <param name="fieldSet">Normalizing a key or @requires field set of the supergraph rather than a client's operation.</param>
    private sealed class Normalizer(SupergraphDocument supergraph, Dictionary<string, GraphQLFragmentDefinition> fragments, Func<string, object?> variable, bool fieldSet = false)
    {
        public bool SawIntrospection { get; private set; }

        public List<SelectedField> Normalize(IEnumerable<GraphQLSelectionSet> sets, string typeName)
        {
            var order = new List<string>();
            var byName = new Dictionary<string, (GraphQLField First, List<GraphQLSelectionSet> Sets)>(StringComparer.Ordinal);
            foreach (var set in sets)
                Collect(set, typeName, order, byName);

            var type = supergraph.ObjectTypes.GetValueOrDefault(typeName) ?? supergraph.InterfaceObjects[typeName];
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
                    EnumValues = kind == TypeKind.Enum ? supergraph.AccessibleEnumValues.GetValueOrDefault(model.NamedType) : null,
                };
                if (kind == TypeKind.ObjectType)
                {
                    selected.Selections = Normalize(subSets, model.NamedType);
                }
                else if (kind == TypeKind.Abstract)
                {
                    var possible = new Dictionary<string, IReadOnlyList<SelectedField>>(StringComparer.Ordinal);
                    foreach (var possibleType in supergraph.AbstractTypes[model.NamedType].PossibleTypes)
                    {
                        // A client's selection has nothing for a hidden type (its object is null to the client); a
                        // field set of the supergraph (@requires) may select it.
                        if (fieldSet || !supergraph.InaccessibleObjectTypes.Contains(possibleType))
                            possible[possibleType] = Normalize(subSets, possibleType);
                    }
                    SeparateConflicts(possible);
                    selected.PossibleSelections = possible;
                    if (supergraph.InterfaceObjects.ContainsKey(model.NamedType))
                        selected.InterfaceSelections = Normalize(subSets, model.NamedType);
                }
                result.Add(selected);
            }
            return result;
        }

        /// <summary>
        /// Fragments on two object types may select one response name with different types (<c>id: ID!</c> on one,
        /// <c>id: ID</c> on the other): valid for the client, refused by a subgraph in one selection. Each such field
        /// is fetched under an alias naming its type.
        /// </summary>
        private static void SeparateConflicts(Dictionary<string, IReadOnlyList<SelectedField>> possible)
        {
            var typesByName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var selections in possible.Values)
            {
                foreach (var field in selections)
                {
                    if (field.Type is null)
                        continue;
                    // The types in each subgraph count too: a field may be ID everywhere but ID! in one subgraph.
                    var text = new StringBuilder();
                    GraphQLText.WriteType(field.Type, text);
                    foreach (var (graph, typeThere) in (field.Model?.TypeByGraph ?? new Dictionary<string, string>()).OrderBy(t => t.Key, StringComparer.Ordinal))
                        text.Append('|').Append(graph).Append(':').Append(typeThere);
                    if (!typesByName.TryGetValue(field.ResponseName, out var types))
                        typesByName[field.ResponseName] = types = new HashSet<string>(StringComparer.Ordinal);
                    types.Add(text.ToString());
                }
            }
            foreach (var (typeName, selections) in possible)
            {
                foreach (var field in selections)
                {
                    if (field.Type is not null && typesByName[field.ResponseName].Count > 1)
                        field.DataName = "__" + typeName + "_" + field.ResponseName;
                }
            }
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

        /// <summary>Whether a fragment applies to an object of <paramref name="typeName"/>: on that type, or on an interface or union it belongs to.</summary>
        private bool Applies(GraphQLTypeCondition? condition, string typeName)
        {
            if (condition is null)
                return true;
            var name = condition.Type.Name.StringValue;
            return name == typeName
                || (supergraph.AbstractTypes.TryGetValue(name, out var abstractType) && abstractType.PossibleTypes.Contains(typeName));
        }

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
