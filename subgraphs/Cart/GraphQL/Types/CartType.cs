using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Cart.GraphQL.Loaders;
using GoShop.Cart.Pricing;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Cart.GraphQL.Types;

public sealed class CartType : ObjectGraphType<CartView>
{
    public CartType()
    {
        Name = "Cart";
        Description = "A buyer's active cart. Only its owner can read it (through _entities too). Totals count AVAILABLE lines only.";
        this.Key("id");
        this.ResolveReference<EntityKey, CartView>((context, reference) => context.Loader<CartByIdLoader>().Load(reference.Id));

        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Cart"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartItemType>>>, IReadOnlyList<CartLineView>>("items")
            .Description("Every line, flagged ones too, in the order they were first added.")
            .Resolve(context => context.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartShopGroupType>>>, IReadOnlyList<CartShopGroup>>("shops")
            .Description("The same lines grouped by shop (one order per shop is placed from them), with each shop's coupon.")
            .Resolve(context => context.Source.Shops);
        Field<NonNullGraphType<MoneyType>, Money>("subtotal")
            .Description("The sum of the AVAILABLE lines' totals; flagged lines do not count.")
            .Resolve(context => context.Source.Subtotal);
        Field<NonNullGraphType<MoneyType>, Money>("discount")
            .Description("What the shops' coupons take off, as quoted now.")
            .ResolveAsync(async context => await context.Source.DiscountAsync());
        Field<NonNullGraphType<MoneyType>, Money>("total")
            .Description("subtotal minus discount, before shipping (placing the order adds it).")
            .ResolveAsync(async context => await context.Source.TotalAsync());
        Field(c => c.ItemCount).Description("How many units the cart holds, flagged lines included.");
        Field(c => c.UpdatedAt).Description("When the cart last changed: by the buyer, or by an order taking out what it bought.");
    }
}

public sealed class CartShopGroupType : ObjectGraphType<CartShopGroup>
{
    public CartShopGroupType()
    {
        Name = "CartShopGroup";
        Description = "The lines of a cart from one shop.";
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartItemType>>>, IReadOnlyList<CartLineView>>("items")
            .Description("This shop's lines, flagged ones too, in the order they were first added.")
            .Resolve(context => context.Source.Items);
        Field<NonNullGraphType<MoneyType>, Money>("subtotal")
            .Description("The sum of this shop's AVAILABLE lines.")
            .Resolve(context => context.Source.Subtotal);
        Field<NonNullGraphType<MoneyType>, Money>("discount")
            .Description("What the shop's coupon takes off now; 0 when there is none or it no longer applies.")
            .ResolveAsync(async context => await context.Source.DiscountAsync());
        Field<NonNullGraphType<MoneyType>, Money>("total")
            .Description("subtotal minus discount, before shipping.")
            .ResolveAsync(async context => await context.Source.TotalAsync());
        Field<CartCouponType, CouponStanding>("coupon")
            .Description("The coupon applied to this shop's lines, checked again now; null when none is applied.")
            .ResolveAsync(async context => await context.Source.CouponAsync());
    }
}

public sealed class CartCouponType : ObjectGraphType<CouponStanding>
{
    public CartCouponType()
    {
        Name = "CartCoupon";
        Description = "A coupon code applied to a shop's lines and whether it still applies to them as they are now.";
        Field(c => c.Code).Description("The code as the buyer entered it (trimmed).");
        Field(c => c.Applicable).Description("False when it stopped applying (expired, used up, the minimum order not met any more...): it then takes nothing off.");
        Field(c => c.Reason, nullable: true)
            .Description("Why it does not apply: COUPON_NOT_FOUND, COUPON_NOT_ACTIVE, COUPON_EXPIRED, MIN_ORDER_NOT_MET, USAGE_LIMIT_REACHED, " +
                "PER_USER_LIMIT_REACHED, NOT_APPLICABLE, or SHOPS_UNAVAILABLE when it could not be checked just now; null when it applies.");
        Field(c => c.Message, nullable: true).Description("Why it does not apply, for the buyer; null when it applies.");
        Field(c => c.PromotionName, nullable: true)
            .Description("The name of the shop's promotion behind the code; null when no promotion has this code or it could not be checked.");
        Field<NonNullGraphType<MoneyType>, Money>("discount")
            .Description("What it takes off this shop's subtotal now, never more than the subtotal; 0 when it does not apply.")
            .Resolve(context => context.Source.Discount);
    }
}
