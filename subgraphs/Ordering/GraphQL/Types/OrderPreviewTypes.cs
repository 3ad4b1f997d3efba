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
            "userErrors lists what placeOrder would refuse; items with a problem are flagged rather than left out.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderPreviewShopType>>>, IReadOnlyList<ShopPrice>>("shops")
            .Resolve(context => context.Source.Shops);
        Field<NonNullGraphType<OrderFeesType>, OrderFees>("fees").Description("All shops added up.").Resolve(context => context.Source.Fees);
        Field<NonNullGraphType<BooleanGraphType>, bool>("canPlace")
            .Description("Whether placeOrder would go through as things are now.")
            .Resolve(context => context.Source.UserErrors.Count == 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>, IReadOnlyList<UserError>>("userErrors")
            .Resolve(context => context.Source.UserErrors);
    }
}

public sealed class OrderPreviewShopType : ObjectGraphType<ShopPrice>
{
    public OrderPreviewShopType()
    {
        Name = "OrderPreviewShop";
        Description = "The part of the checkout from one shop: what becomes one order.";
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop").Resolve(context => EntityReference.To<ShopType>(context.Source.Shop.ShopId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderPreviewLineType>>>, IReadOnlyList<PricedLine>>("lines")
            .Resolve(context => context.Source.Lines);
        Field<NonNullGraphType<OrderFeesType>, OrderFees>("fees").Resolve(context => context.Source.Fees);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IEnumerable<string>>("couponCodes")
            .Description("The coupons that apply to this shop's part.")
            .Resolve(context => context.Source.Coupons.Select(c => c.Code));
        Field<NonNullGraphType<OrderShippingEstimateType>, ShippingFeeQuote>("shipping").Resolve(context => context.Source.Shipping);
        Field<NonNullGraphType<IntGraphType>, int>("weightGrams").Resolve(context => context.Source.WeightGrams);
    }
}

public sealed class OrderPreviewLineType : ObjectGraphType<PricedLine>
{
    public OrderPreviewLineType()
    {
        Name = "OrderPreviewLine";
        Description = "A product of the cart priced now (cart items of the same product and variant together).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IEnumerable<Guid>>("cartItemIds").Resolve(context => context.Source.CartItemIds);
        Field<NonNullGraphType<ProductType>, EntityReference<ProductType>>("product").Resolve(context => EntityReference.To<ProductType>(context.Source.Product.ProductId));
        Field<ProductVariantType, EntityReference<ProductVariantType>>("variant")
            .Resolve(context => EntityReference.To<ProductVariantType>(context.Source.Product.VariantId));
        Field<NonNullGraphType<StringGraphType>, string>("title").Resolve(context => context.Source.Product.Title);
        Field<StringGraphType, string>("variantTitle").Resolve(context => context.Source.Product.VariantTitle);
        Field<StringGraphType, string>("sku").Resolve(context => context.Source.Product.Sku);
        Field(l => l.Quantity);
        Field<NonNullGraphType<MoneyType>, Money>("unitPrice").Description("The effective price now.").Resolve(context => Money.Vnd(context.Source.UnitPrice));
        Field<NonNullGraphType<MoneyType>, Money>("lineTotal").Resolve(context => Money.Vnd(context.Source.LineTotal));
        Field<NonNullGraphType<IntGraphType>, int>("weightGrams").Description("The weight of one unit.").Resolve(context => context.Source.Product.WeightGrams);
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
        Field<NonNullGraphType<MoneyType>, Money>("fee").Resolve(context => Money.Vnd(context.Source.Fee));
        Field(q => q.DistanceKm).Description("From the shop to the address as the crow flies.");
        Field(q => q.DistanceAssumed).Description("The address has no point on the map, so a default distance was charged.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderFeeLineType>>>, IReadOnlyList<ShippingFeeLine>>("breakdown")
            .Resolve(context => context.Source.Breakdown);
    }
}

public sealed class OrderFeeLineType : ObjectGraphType<ShippingFeeLine>
{
    public OrderFeeLineType()
    {
        Name = "OrderFeeLine";
        Field(l => l.Label);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Resolve(context => Money.Vnd(context.Source.Amount));
    }
}
