using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Connections;

/// <summary>
/// The Relay connection type of a node graph type: <c>{edges {cursor node} pageInfo totalCount}</c>, named after
/// the node (<c>UserType</c> gives <c>UserConnection</c> and <c>UserEdge</c>).
/// </summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = NodeName();
        Name = node + "Connection";
        Description = $"A page of {node} items.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>, IReadOnlyList<Edge<TNode>>>("edges")
            .Description($"This page's {node} items, in the list's order, each with its cursor.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoType>, PageInfo>("pageInfo")
            .Description("Whether there are more pages, and the cursors to ask for the next one with.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>, int>("totalCount")
            .Description("How many items match, across all pages.")
            .ResolveAsync(async context => await context.Source.CountTotal(context.CancellationToken));
    }

    internal static string NodeName()
    {
        var name = typeof(TNodeType).Name;
        foreach (var suffix in new[] { "GraphType", "Type" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                return name[..^suffix.Length];
        }
        return name;
    }
}

public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        var node = ConnectionType<TNodeType, TNode>.NodeName();
        Name = node + "Edge";
        Description = $"One {node} in a page, with its cursor.";
        Field(x => x.Cursor).Description($"Opaque; pass it as `after` to get the items after this {node}.");
        Field<NonNullGraphType<TNodeType>, TNode>("node").Description($"The {node}.").Resolve(context => context.Source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in a Relay connection: ask for the next page with `first` and `after: endCursor`.";
        this.Shareable();
        Field(x => x.HasNextPage).Description("True when more items follow this page.");
        Field(x => x.HasPreviousPage).Description("True when this page was asked for with `after`, so items precede it.");
        Field(x => x.StartCursor, nullable: true).Description("The cursor of this page's first item; null when the page is empty.");
        Field(x => x.EndCursor, nullable: true).Description("The cursor of this page's last item, the `after` of the next page; null when the page is empty.");
    }
}
