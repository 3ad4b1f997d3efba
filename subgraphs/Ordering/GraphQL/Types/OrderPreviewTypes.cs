using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Pricing;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

/// <summary>A checkout priced before it is placed, shop by shop, with what stands in the way of placing it.</summary>
public sealed record OrderPreview(IReadOnlyList<ShopPrice> Shops, OrderFees Fees, IReadOnlyList<UserError> UserErrors);

public sealed class OrderPreviewType : ObjectGraphType<OrderPreview>
{
    public OrderPreviewType()
    {
        Name = "OrderPreview";
        Description = "What placeOrder with the same input would charge now, one entry per shop (one order each). " +
            "userErrors lists what placeOrder would refuse; items with a problem are flagged (OrderPreviewLine.issue) rather than left out, " +
            "except products catalog no longer has.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderPreviewShopType>>>, IReadOnlyList<ShopPrice>>("shops")
            .Description("One entry per shop of the chosen items: what would become one order each. Empty when a problem blocks the whole " +
                "checkout (a bad input, an unknown address, an empty cart, a subgraph that could not answer).")
            .Resolve(context => context.Source.Shops);
        Field<NonNullGraphType<OrderFeesType>, OrderFees>("fees").Description("All shops added up.").Resolve(context => context.Source.Fees);
        Field<NonNullGraphType<BooleanGraphType>, bool>("canPlace")
            .Description("Whether placeOrder would go through as things are now.")
            .Resolve(context => context.Source.UserErrors.Count == 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>, IReadOnlyList<UserError>>("userErrors")
            .Description("What placeOrder would refuse now, with placeOrder's codes; empty when it would go through. Placing can still fail on " +
                "what only placing does: holding the stock and using the coupons.")
            .Resolve(context => context.Source.UserErrors);
    }
}

public sealed class OrderPreviewShopType : ObjectGraphType<ShopPrice>
{
    public OrderPreviewShopType()
    {
        Name = "OrderPreviewShop";
        Description = "The part of the checkout from one shop: what becomes one order.";
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.Shop.ShopId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderPreviewLineType>>>, IReadOnlyList<PricedLine>>("lines")
            .Description("The shop's products among the chosen items, priced now.")
            .Resolve(context => context.Source.Lines);
        Field<NonNullGraphType<OrderFeesType>, OrderFees>("fees")
            .Description("What this shop's order would cost.")
            .Resolve(context => context.Source.Fees);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IEnumerable<string>>("couponCodes")
            .Description("The coupons that apply to this shop's part, as the shop spells their codes; more than one is ONE_COUPON_PER_SHOP.")
            .Resolve(context => context.Source.Coupons.Select(c => c.Code));
        Field<NonNullGraphType<OrderShippingEstimateType>, ShippingFeeQuote>("shipping")
            .Description("The shipping fee of the shop's parcel and how it adds up.")
            .Resolve(context => context.Source.Shipping);
        Field<NonNullGraphType<IntGraphType>, int>("weightGrams")
            .Description("The parcel's weight in grams: every line's unit weight times its quantity.")
            .Resolve(context => context.Source.WeightGrams);
    }
}

public sealed class OrderPreviewLineType : ObjectGraphType<PricedLine>
{
    public OrderPreviewLineType()
    {
        Name = "OrderPreviewLine";
        Description = "A product of the cart priced now (cart items of the same product and variant together).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IEnumerable<Guid>>("cartItemIds")
            .Description("The cart items this line stands for.")
            .Resolve(context => context.Source.CartItemIds);
        Field<ProductType, EntityReference<ProductType>>("product")
            .Description("The product. Null when catalog cannot be reached.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.Product.ProductId));
        Field<ProductVariantType, EntityReference<ProductVariantType>>("variant")
            .Description("The variant; null when the product is bought without one.")
            .Resolve(context => EntityReference.To<ProductVariantType>(context.Source.Product.VariantId));
        Field<NonNullGraphType<StringGraphType>, string>("title")
            .Description("The product's title now.")
            .Resolve(context => context.Source.Product.Title);
        Field<StringGraphType, string>("variantTitle")
            .Description("The variant's title now; null without a variant or title.")
            .Resolve(context => context.Source.Product.VariantTitle);
        Field<StringGraphType, string>("sku")
            .Description("The SKU; null when there is none.")
            .Resolve(context => context.Source.Product.Sku);
        Field(l => l.Quantity).Description("How many: the quantities of its cart items added up.");
        Field<NonNullGraphType<MoneyType>, Money>("unitPrice")
            .Description("The effective price of one unit now (a sale price when there is one), in whole đồng.")
            .Resolve(context => Money.Vnd(context.Source.UnitPrice));
        Field<NonNullGraphType<MoneyType>, Money>("lineTotal")
            .Description("unitPrice times quantity.")
            .Resolve(context => Money.Vnd(context.Source.LineTotal));
        Field<NonNullGraphType<IntGraphType>, int>("weightGrams").Description("The weight of one unit, in grams.").Resolve(context => context.Source.Product.WeightGrams);
        Field<NonNullGraphType<IntGraphType>, int>("available").Description("How many catalog can sell now.").Resolve(context => context.Source.Product.Available);
        Field<StringGraphType, string>("issue")
            .Description("Why the line cannot be bought as it is: OUT_OF_STOCK, PRODUCT_UNAVAILABLE, QUANTITY_OUT_OF_RANGE or CURRENCY_NOT_SUPPORTED; null when it can.")
            .Resolve(context => context.Source.Issue?.Code);
    }
}

public sealed class OrderShippingEstimateType : ObjectGraphType<ShippingFeeQuote>
{
    public OrderShippingEstimateType()
    {
        Name = "OrderShippingEstimate";
        Description = "The shipping fee of one shop's parcel and how it adds up.";
        Field<NonNullGraphType<MoneyType>, Money>("fee")
            .Description("What shipping the parcel costs: breakdown's amounts added up.")
            .Resolve(context => Money.Vnd(context.Source.Fee));
        Field(q => q.DistanceKm)
            .Description("The distance charged, in km by road: from the shop to the address as the crow flies times a road factor, or the " +
                "assumed distance when distanceAssumed.");
        Field(q => q.DistanceAssumed)
            .Description("True when the address could not be located (it has no point on the map and its ward, district and city were not " +
                "found), so a default distance was charged.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderFeeLineType>>>, IReadOnlyList<ShippingFeeLine>>("breakdown")
            .Description("The parts the fee adds up to, to show the buyer: the base fee, the distance, the weight and any surcharge, such as " +
                "cash on delivery's.")
            .Resolve(context => context.Source.Breakdown);
    }
}

public sealed class OrderFeeLineType : ObjectGraphType<ShippingFeeLine>
{
    public OrderFeeLineType()
    {
        Name = "OrderFeeLine";
        Description = "One part of a shipping fee.";
        Field(l => l.Label).Description("What it is for, in English, e.g. \"Base fee\".");
        Field<NonNullGraphType<MoneyType>, Money>("amount")
            .Description("What it adds; negative for a ceiling that takes some off.")
            .Resolve(context => Money.Vnd(context.Source.Amount));
    }
}
