using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.Account;
using GoShop.Identity.GraphQL.Mutations;
using GoShop.Identity.GraphQL.Queries;
using GoShop.Identity.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL;

public sealed class IdentitySchema : Schema
{
    public IdentitySchema(IServiceProvider services, IdentityQuery query, IdentityMutation mutation, IdentitySubscription subscription)
        : base(services)
    {
        Description = "GoShop identity: accounts, sessions and addresses.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}

public sealed class IdentityQuery : ObjectGraphType
{
    public IdentityQuery()
    {
        Name = "Query";
        UserQueries.AddTo(this);
        SessionQueries.AddTo(this);
    }
}

public sealed class IdentityMutation : ObjectGraphType
{
    public IdentityMutation()
    {
        Name = "Mutation";
        SessionMutations.AddTo(this);
        PasswordMutations.AddTo(this);
        ProfileMutations.AddTo(this);
        SuspensionMutations.AddTo(this);
        AddressMutations.AddTo(this);
    }
}

public sealed class IdentitySubscription : ObjectGraphType
{
    public IdentitySubscription()
    {
        Name = "Subscription";
        Field<NonNullGraphType<AccountEventType>, AccountEvent>("myAccountEvents")
            .Description("Pushes what happens to the signed-in user's account the moment it happens: sign-ins, sign-outs, revoked sessions, " +
                "password, profile and address changes, becoming a shipper. Best effort: an event that could not be sent is not sent again. " +
                "Signed-in users only.")
            .Authorize()
            .ResolveStreamAsync(async context => await context.Service<AccountEvents>().OfAsync(context.Service<ICurrentUser>().RequireId(), context.CancellationToken));
    }
}
