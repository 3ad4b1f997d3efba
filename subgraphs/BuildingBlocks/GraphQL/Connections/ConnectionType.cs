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
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoType>, PageInfo>("pageInfo").Resolve(context => context.Source.PageInfo);
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
        Name = ConnectionType<TNodeType, TNode>.NodeName() + "Edge";
        Field(x => x.Cursor);
        Field<NonNullGraphType<TNodeType>, TNode>("node").Resolve(context => context.Source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        this.Shareable();
        Field(x => x.HasNextPage);
        Field(x => x.HasPreviousPage);
        Field(x => x.StartCursor, nullable: true);
        Field(x => x.EndCursor, nullable: true);
    }
}
