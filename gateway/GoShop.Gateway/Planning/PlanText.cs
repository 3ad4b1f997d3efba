namespace GoShop.Gateway.Planning;

/// <summary>
/// A plan as text, one fetch a line, children indented under the fetch whose answer they need: what the plan snapshots
/// (tests/Gateway.Tests/Planning) check in, so a change of how GoShop's operations are planned shows in review.
/// </summary>
public static class PlanText
{
    public static string Of(OperationPlan plan)
    {
        if (plan.IsIntrospection)
            return "(answered by the gateway: introspection)";
        var lines = new List<string>();
        var order = plan.Operation == GraphQLParser.AST.OperationType.Mutation || plan.RootFetches.Count == 1 ? "in order" : "in parallel";
        if (plan.RootFetches.Count > 1)
            lines.Add($"{plan.RootFetches.Count} root fetches, {order}:");
        foreach (var fetch in plan.RootFetches)
            Write(fetch, 0, lines);
        return string.Join('\n', lines);
    }

    private static void Write(FetchNode fetch, int depth, List<string> lines)
    {
        var indent = new string(' ', depth * 2);
        var where = fetch.IsEntityFetch ? $" {fetch.EntityType} at {string.Join('.', fetch.Path)}" : "";
        var variables = fetch.Variables.Count == 0 ? "" : $" (variables: {string.Join(", ", fetch.Variables)})";
        lines.Add($"{indent}{fetch.Subgraph.Name}{where}{variables}: {fetch.Document}");
        foreach (var batch in fetch.ChildBatches.Where(b => b.Parts.Count > 1))
            lines.Add($"{indent}  one request to {batch.Subgraph.Name} for {batch.Parts.Count} parts: {batch.Document}");
        foreach (var child in fetch.Children)
            Write(child, depth + 1, lines);
    }
}
