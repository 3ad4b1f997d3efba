using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Carts;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Cart.GraphQL.Mutations;

[Description("The coupon applyCoupon applies, and to which shop's lines.")]
public sealed record ApplyCouponInput
{
    [Description("The shop whose lines the coupon is for; the cart must hold some.")]
    public required Guid ShopId { get; init; }

    [Description("The coupon code, 1 to 50 characters (trimmed).")]
    public required string Code { get; init; }
}

[Description("The shop whose coupon removeCoupon takes off.")]
public sealed record RemoveCouponInput
{
    [Description("The shop whose coupon to take off.")]
    public required Guid ShopId { get; init; }
}

public sealed class ApplyCouponInputType : AutoRegisteringInputObjectGraphType<ApplyCouponInput>;

public sealed class RemoveCouponInputType : AutoRegisteringInputObjectGraphType<RemoveCouponInput>;

/// <summary>applyCoupon and removeCoupon: one coupon per shop of the cart.</summary>
public sealed class CouponMutations(CartChanges changes, CartPayloads payloads, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApplyCouponPayloadType>, CartPayload>("applyCoupon")
            .Description("Applies a shop's coupon code to the cart's lines from that shop, replacing the code applied there before. " +
                "The shop prices it now against those lines' AVAILABLE subtotal; a code that does not apply is refused with the shop's reason. " +
                "userErrors: REQUIRED, TOO_LONG, SHOP_NOT_IN_CART, COUPON_NOT_FOUND, COUPON_NOT_ACTIVE, COUPON_EXPIRED, MIN_ORDER_NOT_MET, " +
                "USAGE_LIMIT_REACHED, PER_USER_LIMIT_REACHED, NOT_APPLICABLE, SHOPS_UNAVAILABLE.")
            .Authorize()
            .Argument<NonNullGraphType<ApplyCouponInputType>>("input", "The shop and the code.")
            .ResolveAsync(async context => await context.Service<CouponMutations>().ApplyAsync(context.GetArgument<ApplyCouponInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RemoveCouponPayloadType>, CartPayload>("removeCoupon")
            .Description("Takes the coupon off a shop's lines. userErrors: COUPON_NOT_APPLIED.")
            .Authorize()
            .Argument<NonNullGraphType<RemoveCouponInputType>>("input", "The shop whose coupon to take off.")
            .ResolveAsync(async context => await context.Service<CouponMutations>().RemoveAsync(context.GetArgument<RemoveCouponInput>("input"), context.CancellationToken));
    }

    public async Task<CartPayload> ApplyAsync(ApplyCouponInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Code, "code", CartCoupon.MaxCode);
        if (check.HasErrors)
            return Fail<CartPayload>(check);
        return await payloads.AnswerAsync(await changes.ApplyCouponAsync(userId, input.ShopId, input.Code.Trim(), cancellationToken), itemId: null,
            cancellationToken);
    }

    public async Task<CartPayload> RemoveAsync(RemoveCouponInput input, CancellationToken cancellationToken) =>
        await payloads.AnswerAsync(await changes.RemoveCouponAsync(currentUser.RequireId(), input.ShopId, cancellationToken), itemId: null,
            cancellationToken);
}
