using GoShop.BuildingBlocks.Auth;
using GoShop.Identity.Account;

namespace GoShop.Identity.GraphQL.Mutations;

/// <summary>The signed-in user as the account use cases take them.</summary>
internal static class SignedInAccount
{
    /// <summary>The signed-in user; an UNAUTHENTICATED error when nobody is.</summary>
    public static AccountHolder Holder(this ICurrentUser user) => new(user.RequireId(), user.SessionId, user.TokenId, user.TokenExpiresAt);
}
