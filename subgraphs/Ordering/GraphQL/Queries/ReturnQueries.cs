using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Queries;

/// <summary>myReturns.</summary>
public static class ReturnQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<ReturnType, Return>>, Connection<Return>>("myReturns")
            .Description("The returns the signed-in user asked for, newest first. Signed-in users only.")
            .Authorize()
            .Argument<ReturnStatusType>("status", "Only returns with this status.")
            .PageArguments()
            .ResolveAsync(async context => await ReturnLists.OfViewerAsync(context));
}
