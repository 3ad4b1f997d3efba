using System.Text.Json;
using System.Text.Json.Nodes;
using GoShop.Gateway.Planning;
using GraphQLParser.AST;

namespace GoShop.Gateway.Execution;

/// <summary>
/// Runs a plan: root fetches (in parallel for a query, in order for a mutation), then each fetch's entity fetches
/// once its answer is in. Answers are merged into one JSON tree keyed by the client's response names; the
/// <see cref="ResponseWriter"/> then writes the client's response from it.
/// </summary>
public sealed class PlanExecutor(SubgraphClient client)
{
    public async Task<(JsonObject Data, List<GatewayError> Errors)> ExecuteAsync(
        OperationPlan plan, IReadOnlyDictionary<string, object?>? variables, ForwardedHeaders headers, CancellationToken cancellationToken)
    {
        var run = new Run(client, variables, headers, cancellationToken);
        await run.ExecuteAsync(plan);
        return (run.Data, run.Errors);
    }

    /// <summary>Runs what follows a subscription event: the event's data is the root fetch's answer.</summary>
    public async Task<(JsonObject Data, List<GatewayError> Errors)> ContinueAsync(
        FetchNode root, JsonObject? data, JsonArray? errors, IReadOnlyDictionary<string, object?>? variables, ForwardedHeaders headers, CancellationToken cancellationToken)
    {
        var run = new Run(client, variables, headers, cancellationToken);
        run.Absorb(root, new SubgraphResponse(data, errors, null));
        await run.RunChildrenAsync(root);
        return (run.Data, run.Errors);
    }

    private sealed class Run(SubgraphClient client, IReadOnlyDictionary<string, object?>? variables, ForwardedHeaders headers, CancellationToken cancellationToken)
    {
        // Parallel fetches merge into one tree: a lock keeps its objects consistent (merging is short; waiting is for fetches).
        private readonly Lock _gate = new();

        public JsonObject Data { get; } = [];

        public List<GatewayError> Errors { get; } = [];

        public async Task ExecuteAsync(OperationPlan plan)
        {
            if (plan.Operation == OperationType.Mutation || plan.RootFetches.Count == 1)
            {
                foreach (var fetch in plan.RootFetches)
                    await RunRootAsync(fetch);
                return;
            }
            var running = new Task[plan.RootFetches.Count];
            for (var i = 0; i < running.Length; i++)
                running[i] = RunRootAsync(plan.RootFetches[i]);
            await Task.WhenAll(running);
        }

        private async Task RunRootAsync(FetchNode fetch)
        {
            var files = UploadedFiles.In(fetch.Variables, variables);
            var response = await client.PostAsync(fetch.Subgraph, writer => FetchRequest.Write(writer, fetch, variables), files, headers, cancellationToken);
            Absorb(fetch, response);
            if (response.Failure is null)
                await RunChildrenAsync(fetch);
        }

        public void Absorb(FetchNode fetch, SubgraphResponse response)
        {
            lock (_gate)
            {
                if (response.Failure is { } failure)
                {
                    foreach (var name in fetch.ResponseNames)
                        Errors.Add(new GatewayError(failure.Message, [name], fetch.Subgraph.Name, failure.Code));
                    return;
                }
                if (response.Data is { } data)
                    Merge(Data, data);
                foreach (var error in response.Errors ?? [])
                    AddSubgraphError(fetch, error as JsonObject, path => path);
            }
        }

        public Task RunChildrenAsync(FetchNode parent) => parent.LaterBatches.Count == 0 ? RunBatchesAsync(parent.ChildBatches) : RunInOrderAsync(parent);

        private Task RunBatchesAsync(List<EntityBatch> batches) => batches.Count switch
        {
            0 => Task.CompletedTask,
            1 => RunBatchAsync(batches[0]),
            _ => Task.WhenAll(batches.Select(RunBatchAsync)),
        };

        /// <summary>The children whose representations need the others' answers go once those (and theirs) are merged.</summary>
        private async Task RunInOrderAsync(FetchNode parent)
        {
            await RunBatchesAsync(parent.ChildBatches);
            await RunBatchesAsync(parent.LaterBatches);
        }

        /// <summary>One request for the batch's parts, each with the representations of the objects it extends.</summary>
        private async Task RunBatchAsync(EntityBatch batch)
        {
            var calls = new EntityCall[batch.Parts.Count];
            lock (_gate)
            {
                for (var i = 0; i < calls.Length; i++)
                    calls[i] = Prepare(batch.Parts[i]);
            }
            if (calls.All(c => c.Representations.Count == 0))
                return;

            var response = batch.Parts.Count == 1
                ? await client.PostAsync(batch.Subgraph, writer => FetchRequest.Write(writer, batch.Parts[0], variables, calls[0].Representations), headers, cancellationToken)
                : await client.PostAsync(batch.Subgraph, writer => FetchRequest.Write(writer, batch, variables, calls.Select(c => c.Representations).ToList()), headers, cancellationToken);
            lock (_gate)
            {
                for (var i = 0; i < calls.Length; i++)
                    Absorb(calls[i], response, batch, i);
            }
            if (response.Data is null)
                return;
            var next = calls.Where(c => c.Representations.Count > 0 && (c.Fetch.ChildBatches.Count > 0 || c.Fetch.LaterBatches.Count > 0)).Select(c => RunChildrenAsync(c.Fetch)).ToList();
            if (next.Count > 0)
                await Task.WhenAll(next);
        }

        /// <summary>The objects an entity fetch extends, and one representation per distinct key among them.</summary>
        private EntityCall Prepare(FetchNode fetch)
        {
            var call = new EntityCall(fetch);
            Collect(Data, fetch.Path, fetch.PathTypes, 0, [], call.Targets);
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var t = 0; t < call.Targets.Count; t++)
            {
                var representation = new JsonObject { ["__typename"] = fetch.EntityType };
                var complete = true;
                foreach (var (alias, field, isKey) in fetch.KeyFields)
                {
                    // A required field may be null; a key may not, and one that never came (its fetch failed) stops both.
                    if (!call.Targets[t].Target.TryGetPropertyValue(alias, out var value) || (value is null && isKey))
                    {
                        complete = false;
                        break;
                    }
                    representation[field] = value?.DeepClone();
                }
                if (!complete)
                    continue; // An object without its key or requirements cannot be extended.
                var text = representation.ToJsonString();
                if (!byKey.TryGetValue(text, out var index))
                {
                    index = call.Representations.Count;
                    byKey[text] = index;
                    call.Representations.Add(representation);
                    call.TargetsOf.Add([]);
                }
                call.TargetsOf[index].Add(t);
            }
            return call;
        }

        /// <summary>Merges part <paramref name="part"/>'s answer into its objects, and its errors at their client paths.</summary>
        private void Absorb(EntityCall call, SubgraphResponse response, EntityBatch batch, int part)
        {
            var fetch = call.Fetch;
            var targets = call.Targets;
            if (response.Failure is { } failure)
            {
                foreach (var list in call.TargetsOf)
                {
                    foreach (var t in list)
                    {
                        foreach (var name in fetch.ResponseNames)
                            Errors.Add(new GatewayError(failure.Message, [.. targets[t].Path, name], fetch.Subgraph.Name, failure.Code));
                    }
                }
                return;
            }
            var key = batch.ResponseKey(part);
            if (response.Data?[key] is JsonArray entities)
            {
                for (var i = 0; i < entities.Count && i < call.TargetsOf.Count; i++)
                {
                    if (entities[i] is not JsonObject entity)
                        continue;
                    var list = call.TargetsOf[i];
                    // Merge moves the answer's fields out of it: every object but the last gets a copy.
                    for (var n = 0; n < list.Count; n++)
                        Merge(targets[list[n]].Target, n == list.Count - 1 ? entity : (JsonObject)entity.DeepClone());
                }
            }
            foreach (var item in response.Errors ?? [])
            {
                if (item is not JsonObject error)
                    continue;
                var head = error["path"] is JsonArray { Count: > 0 } p && p[0] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
                // [key, i, ...rest] is the client's path of each object behind representation i, then rest.
                if (head == key && error["path"] is JsonArray { Count: >= 2 } path
                    && path[1] is JsonValue indexValue && indexValue.TryGetValue<int>(out var index) && index >= 0 && index < call.TargetsOf.Count)
                {
                    foreach (var t in call.TargetsOf[index])
                        AddSubgraphError(fetch, error, rest => [.. targets[t].Path, .. rest.Skip(2)]);
                }
                else if (part == 0 && !Enumerable.Range(0, batch.Parts.Count).Any(other => batch.ResponseKey(other) == head))
                {
                    // An error of the whole request (no path, or one outside every part) goes with the first part.
                    var first = targets.Count > 0 ? targets[0].Path : [];
                    AddSubgraphError(fetch, error, _ => [.. first, .. fetch.ResponseNames.Take(1)]);
                }
            }
        }

        private sealed class EntityCall(FetchNode fetch)
        {
            public FetchNode Fetch { get; } = fetch;

            public List<(JsonObject Target, object[] Path)> Targets { get; } = [];

            public JsonArray Representations { get; } = [];

            /// <summary>For each representation, the targets it stands for.</summary>
            public List<List<int>> TargetsOf { get; } = [];
        }

        private void AddSubgraphError(FetchNode fetch, JsonObject? error, Func<List<object>, List<object>> repath)
        {
            if (error is null)
                return;
            var message = error["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : "The " + fetch.Subgraph.Name + " service reported an error.";
            var path = new List<object>();
            if (error["path"] is JsonArray segments)
            {
                foreach (var segment in segments)
                {
                    if (segment is JsonValue value && value.TryGetValue<int>(out var index))
                        path.Add(index);
                    else if (segment is JsonValue name && name.TryGetValue<string>(out var field))
                        path.Add(field);
                }
            }
            var extensions = error["extensions"] as JsonObject;
            extensions = extensions is null ? [] : (JsonObject)extensions.DeepClone();
            extensions["serviceName"] = fetch.Subgraph.Name;
            Errors.Add(new GatewayError(message, repath(path), fetch.Subgraph.Name, null, extensions));
        }

        /// <param name="types">Per step, the type an object reached there must have (under an interface or union); null when none has one.</param>
        private static void Collect(JsonNode? node, IReadOnlyList<string> path, IReadOnlyList<string?>? types, int depth, List<object> at, List<(JsonObject Target, object[] Path)> targets)
        {
            switch (node)
            {
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        at.Add(i);
                        Collect(array[i], path, types, depth, at, targets);
                        at.RemoveAt(at.Count - 1);
                    }
                    break;
                case JsonObject obj when depth > 0 && types is not null && types[depth - 1] is { } type && ResponseWriter.TypeOf(obj) != type:
                    break;
                case JsonObject obj when depth == path.Count:
                    targets.Add((obj, at.ToArray()));
                    break;
                case JsonObject obj:
                    at.Add(path[depth]);
                    Collect(obj[path[depth]], path, types, depth + 1, at, targets);
                    at.RemoveAt(at.Count - 1);
                    break;
            }
        }

        /// <summary>Moves <paramref name="source"/>'s fields into <paramref name="target"/>, merging objects both have.</summary>
        private static void Merge(JsonObject target, JsonObject source)
        {
            var fields = source.ToList();
            source.Clear();
            foreach (var (name, value) in fields)
            {
                if (target[name] is JsonObject existing && value is JsonObject incoming)
                    Merge(existing, incoming);
                else if (target[name] is JsonArray existingList && value is JsonArray incomingList && existingList.Count == incomingList.Count)
                    MergeLists(existingList, incomingList);
                else
                    target[name] = value;
            }
        }

        private static void MergeLists(JsonArray target, JsonArray source)
        {
            for (var i = 0; i < target.Count; i++)
            {
                if (target[i] is JsonObject t && source[i] is JsonObject s)
                    Merge(t, s);
                else if (target[i] is JsonArray tl && source[i] is JsonArray sl && tl.Count == sl.Count)
                    MergeLists(tl, sl);
            }
        }
    }
}
