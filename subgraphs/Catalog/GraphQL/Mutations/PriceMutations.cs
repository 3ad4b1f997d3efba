using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Products;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Catalog.GraphQL.Mutations.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

/// <summary>setProductPrice, setProductDiscount and removeProductDiscount. Every list price lands in the price history.</summary>
public sealed class PriceMutations(
    CatalogDbContext db,
    ShopAccess access,
    StockLedger ledger,
    ProductEvents events,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SetProductPricePayloadType>, ProductPayload>("setProductPrice")
            .Description("Sets the list price of a product or one of its variants, and records it in the price history.")
            .Authorize()
            .Argument<NonNullGraphType<SetProductPriceInputType>>("input")
            .ResolveAsync(async context => await context.Service<PriceMutations>().SetPriceAsync(context.GetArgument<SetProductPriceInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetProductDiscountPayloadType>, ProductPayload>("setProductDiscount")
            .Description("Puts a product on sale below its list price for a while (replacing any discount it had).")
            .Authorize()
            .Argument<NonNullGraphType<SetProductDiscountInputType>>("input")
            .ResolveAsync(async context => await context.Service<PriceMutations>().SetDiscountAsync(context.GetArgument<SetProductDiscountInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RemoveProductDiscountPayloadType>, ProductPayload>("removeProductDiscount")
            .Description("Ends a product's discount now.")
            .Authorize()
            .Argument<NonNullGraphType<RemoveProductDiscountInputType>>("input")
            .ResolveAsync(async context => await context.Service<PriceMutations>().RemoveDiscountAsync(context.GetArgument<RemoveProductDiscountInput>("input"), context.CancellationToken));
    }

    public async Task<ProductPayload> SetPriceAsync(SetProductPriceInput input, CancellationToken cancellationToken)
    {
        if (Product.CheckPrice(input.Price) is { } invalid)
            return Fail<ProductPayload>(invalid);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await ledger.LockAsync([input.ProductId], cancellationToken);
        if (stock.Product(input.ProductId) is not { } product)
            return Fail<ProductPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<ProductPayload>(denied);

        var now = clock.GetUtcNow();
        var actorId = currentUser.RequireId();
        if (input.VariantId is { } variantId)
        {
            var variant = await db.Variants.SingleOrDefaultAsync(v => v.Id == variantId && v.ProductId == product.Id, cancellationToken);
            if (variant is null)
                return Fail<ProductPayload>(CatalogErrors.VariantNotFound);
            var previous = variant.Price;
            var variantChange = variant.SetPrice(input.Price, product.Currency, actorId, now);
            db.PriceChanges.Add(variantChange.Value!);
            events.PriceChanged(product, variant.Id, "LIST_PRICE", previous, variant.Price, product.EffectivePriceOf(variant.Price, now), now);
        }
        else
        {
            var previous = product.Price;
            var change = product.SetPrice(input.Price, actorId, now);
            if (!change.Succeeded)
                return Fail<ProductPayload>(change.Error);
            db.PriceChanges.Add(change.Value);
            events.PriceChanged(product, null, "LIST_PRICE", previous, product.Price, product.EffectivePriceAt(now), now);
            await events.UpdatedAsync(product, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProductPayload { Product = product };
    }

    public Task<ProductPayload> SetDiscountAsync(SetProductDiscountInput input, CancellationToken cancellationToken) =>
        ChangeDiscountAsync(input.ProductId, "DISCOUNT_SET",
            (product, now) => product.SetDiscount(input.SalePrice, input.StartsAt ?? now, input.EndsAt, now), cancellationToken);

    public Task<ProductPayload> RemoveDiscountAsync(RemoveProductDiscountInput input, CancellationToken cancellationToken) =>
        ChangeDiscountAsync(input.ProductId, "DISCOUNT_REMOVED", (product, now) => product.RemoveDiscount(now), cancellationToken);

    /// <summary>Sets or removes a product's sale price under its lock, and announces the new effective price.</summary>
    private async Task<ProductPayload> ChangeDiscountAsync(Guid productId, string kind, Func<Product, DateTimeOffset, Result> change,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await ledger.LockAsync([productId], cancellationToken);
        if (stock.Product(productId) is not { } product)
            return Fail<ProductPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<ProductPayload>(denied);
        var now = clock.GetUtcNow();
        var changed = change(product, now);
        if (!changed.Succeeded)
            return Fail<ProductPayload>(changed.Error);
        events.PriceChanged(product, null, kind, null, product.Price, product.EffectivePriceAt(now), now);
        await events.UpdatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProductPayload { Product = product };
    }
}
