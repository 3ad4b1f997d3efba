using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Prices;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

/// <summary>setProductPrice, setProductDiscount and removeProductDiscount. Every list price lands in the price history.</summary>
public sealed class PriceMutations(PriceBook prices, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SetProductPricePayloadType>, ProductPayload>("setProductPrice")
            .Description("Sets the list price of a product or one of its variants, and records it in the price history. A product's new "
                + $"price must stay above the sale price of its discount, scheduled or running. {ProductMutations.ShopManagersOnly} "
                + "userErrors: INVALID_PRICE, PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, VARIANT_NOT_FOUND, PRICE_NOT_ABOVE_SALE_PRICE.")
            .Authorize()
            .Argument<NonNullGraphType<SetProductPriceInputType>>("input", "The product or variant and its new price.")
            .ResolveAsync(async context => await context.Service<PriceMutations>().SetPriceAsync(context.GetArgument<SetProductPriceInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetProductDiscountPayloadType>, ProductPayload>("setProductDiscount")
            .Description("Puts a product on sale below its list price from startsAt until endsAt, replacing any discount it had; its variants "
                + $"get the same share off. {ProductMutations.ShopManagersOnly} userErrors: PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, INVALID_PRICE, "
                + "DISCOUNT_NOT_BELOW_PRICE, INVALID_DISCOUNT_WINDOW.")
            .Authorize()
            .Argument<NonNullGraphType<SetProductDiscountInputType>>("input", "The product and its discount.")
            .ResolveAsync(async context => await context.Service<PriceMutations>().SetDiscountAsync(context.GetArgument<SetProductDiscountInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RemoveProductDiscountPayloadType>, ProductPayload>("removeProductDiscount")
            .Description("Takes a product's discount off now, whether it is scheduled, running or already ended. "
                + $"{ProductMutations.ShopManagersOnly} userErrors: PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, NO_DISCOUNT.")
            .Authorize()
            .Argument<NonNullGraphType<RemoveProductDiscountInputType>>("input", "The product whose discount to remove.")
            .ResolveAsync(async context => await context.Service<PriceMutations>().RemoveDiscountAsync(context.GetArgument<RemoveProductDiscountInput>("input"), context.CancellationToken));
    }

    public async Task<ProductPayload> SetPriceAsync(SetProductPriceInput input, CancellationToken cancellationToken)
    {
        if (Product.CheckPrice(input.Price) is { } invalid)
            return Fail<ProductPayload>(invalid);
        return Answer(await prices.ChangePriceAsync(input.ProductId, input.VariantId, input.Price, currentUser.RequireId(), cancellationToken));
    }

    public async Task<ProductPayload> SetDiscountAsync(SetProductDiscountInput input, CancellationToken cancellationToken) =>
        Answer(await prices.SetDiscountAsync(input.ProductId, input.SalePrice, input.StartsAt, input.EndsAt, cancellationToken));

    public async Task<ProductPayload> RemoveDiscountAsync(RemoveProductDiscountInput input, CancellationToken cancellationToken) =>
        Answer(await prices.RemoveDiscountAsync(input.ProductId, cancellationToken));

    private static ProductPayload Answer(Result<Product> result) =>
        result.Succeeded ? new ProductPayload { Product = result.Value } : Fail<ProductPayload>(result.Error);
}
