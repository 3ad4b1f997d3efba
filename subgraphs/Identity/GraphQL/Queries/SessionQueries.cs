using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.GraphQL.Types;
using GoShop.Identity.Sessions;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Queries;

/// <summary>mySessions.</summary>
public static class SessionQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>, IReadOnlyList<SignedInSession>>("mySessions")
            .Description("The devices and apps you are signed in on, the most recent sign-in first; closed and expired sessions are left out. " +
                "Signed-in users only.")
            .Authorize()
            .ResolveAsync(async context =>
            {
                var caller = context.Service<ICurrentUser>();
                return await context.Service<SessionService>().SignedInAsync(caller.RequireId(), caller.SessionId, context.CancellationToken);
            });
    }
}
