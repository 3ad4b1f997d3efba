using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Inventory;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Catalog.GraphQL.Mutations.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

/// <summary>adjustInventory and setLowStockThreshold.</summary>
public sealed class InventoryMutations(
    CatalogDbContext db,
    ShopAccess access,
    StockLedger ledger,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AdjustInventoryPayloadType>, AdjustInventoryPayload>("adjustInventory")
            .Description("Adds stock or takes it away (an ADJUSTMENT in the ledger, with its reason).")
            .Authorize()
            .Argument<NonNullGraphType<AdjustInventoryInputType>>("input")
            .ResolveAsync(async context => await context.Service<InventoryMutations>().AdjustAsync(context.GetArgument<AdjustInventoryInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetLowStockThresholdPayloadType>, ProductPayload>("setLowStockThreshold")
            .Description("Sets the availability at or below which a product counts as low on stock.")
            .Authorize()
            .Argument<NonNullGraphType<SetLowStockThresholdInputType>>("input")
            .ResolveAsync(async context => await context.Service<InventoryMutations>().SetLowStockThresholdAsync(context.GetArgument<SetLowStockThresholdInput>("input"), context.CancellationToken));
    }

    public async Task<AdjustInventoryPayload> AdjustAsync(AdjustInventoryInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Reason, "reason", InventoryMovement.MaxReason)
            .Count(input.Delta, "delta", -ProductMutations.MaxStock, ProductMutations.MaxStock);
        if (input.Delta == 0)
            check.Add("OUT_OF_RANGE", "The delta cannot be 0.", "delta");
        if (check.HasErrors)
            return Fail<AdjustInventoryPayload>(check);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await ledger.LockAsync([input.ProductId], cancellationToken);
        if (stock.Product(input.ProductId) is not { } product)
            return Fail<AdjustInventoryPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<AdjustInventoryPayload>(denied);
        if (stock.Row(product.Id, input.VariantId) is not { } row)
            return Fail<AdjustInventoryPayload>(CatalogErrors.VariantNotFound);

        var now = clock.GetUtcNow();
        var adjusted = row.Adjust(input.Delta, stock.ExpiredHeld(row), input.Reason.Trim(), currentUser.RequireId(), now);
        if (!adjusted.Succeeded)
            return Fail<AdjustInventoryPayload>(adjusted.Error);
        ledger.Record(stock, adjusted.Value);
        ledger.Settle(stock, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var variant = input.VariantId is { } variantId ? await db.Variants.AsNoTracking().SingleAsync(v => v.Id == variantId, cancellationToken) : null;
        return new AdjustInventoryPayload { Product = product, Variant = variant, Movement = adjusted.Value };
    }

    public async Task<ProductPayload> SetLowStockThresholdAsync(SetLowStockThresholdInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Count(input.Threshold, "threshold", 0, ProductMutations.MaxStock);
        if (check.HasErrors)
            return Fail<ProductPayload>(check);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await ledger.LockAsync([input.ProductId], cancellationToken);
        if (stock.Product(input.ProductId) is not { } product)
            return Fail<ProductPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<ProductPayload>(denied);
        product.SetLowStockThreshold(input.Threshold, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProductPayload { Product = product };
    }
}
