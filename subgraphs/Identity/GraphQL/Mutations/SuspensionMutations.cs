using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Types;
using GoShop.Identity.Suspensions;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

[Description("Whom to suspend and why.")]
public sealed record SuspendUserInput
{
    [Description("The user to suspend; not yourself.")]
    public required Guid UserId { get; init; }

    [Description("Why, in 1 to 500 characters (trimmed). The user and admins can read it on User.suspensionReason.")]
    public required string Reason { get; init; }
}

[Description("Whom to reinstate.")]
public sealed record ReinstateUserInput
{
    [Description("The suspended user to let back in.")]
    public required Guid UserId { get; init; }
}

public sealed class SuspendUserInputType : AutoRegisteringInputObjectGraphType<SuspendUserInput>;

public sealed class ReinstateUserInputType : AutoRegisteringInputObjectGraphType<ReinstateUserInput>;

/// <summary>suspendUser and reinstateUser, for admins.</summary>
public sealed class SuspensionMutations(SuspensionDesk suspensions, ICurrentUser currentUser)
{
    public const int MaxReasonLength = 500;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SuspendUserPayloadType>, UserPayload>("suspendUser")
            .Description("Suspends a user (admins only): every session of theirs is signed out at once (open apps hear SESSION_REVOKED on " +
                "myAccountEvents), they cannot sign in until reinstated, and their shops and shipper offers leave the marketplace. " +
                "userErrors: REQUIRED, TOO_LONG, CANNOT_SUSPEND_SELF, USER_NOT_FOUND, ALREADY_SUSPENDED, ACCOUNT_DELETED.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<SuspendUserInputType>>("input", "The user and the reason.")
            .ResolveAsync(async context => await context.Service<SuspensionMutations>()
                .SuspendAsync(context.GetArgument<SuspendUserInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ReinstateUserPayloadType>, UserPayload>("reinstateUser")
            .Description("Lifts a user's suspension (admins only): they can sign in again and what they offer comes back to the marketplace. " +
                "userErrors: USER_NOT_FOUND, NOT_SUSPENDED, ACCOUNT_DELETED.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<ReinstateUserInputType>>("input", "The user to reinstate.")
            .ResolveAsync(async context => await context.Service<SuspensionMutations>()
                .ReinstateAsync(context.GetArgument<ReinstateUserInput>("input"), context.CancellationToken));
    }

    public async Task<UserPayload> SuspendAsync(SuspendUserInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(input.Reason, "reason", MaxReasonLength);
        if (check.HasErrors)
            return Fail<UserPayload>(check);
        return Answer(await suspensions.SuspendAsync(currentUser.RequireId(), input.UserId, input.Reason.Trim(), cancellationToken));
    }

    public async Task<UserPayload> ReinstateAsync(ReinstateUserInput input, CancellationToken cancellationToken) =>
        Answer(await suspensions.ReinstateAsync(input.UserId, cancellationToken));

    private static UserPayload Answer(Result<User> result) =>
        result.Succeeded ? new UserPayload { User = result.Value } : Fail<UserPayload>(result.Error);
}
