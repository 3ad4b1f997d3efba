using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Inventory;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Catalog.GraphQL.Mutations.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

/// <summary>adjustInventory and setLowStockThreshold.</summary>
public sealed class InventoryMutations(StockKeeping stockKeeping, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AdjustInventoryPayloadType>, AdjustInventoryPayload>("adjustInventory")
            .Description("Adds stock to a product or one of its variants, or takes it away (an ADJUSTMENT in the ledger, with its reason). "
                + $"On hand can drop neither below 0 nor below what orders hold. {ProductMutations.ShopManagersOnly} userErrors: REQUIRED, "
                + "TOO_LONG, OUT_OF_RANGE, PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, VARIANT_NOT_FOUND, STOCK_BELOW_ZERO, STOCK_BELOW_RESERVED.")
            .Authorize()
            .Argument<NonNullGraphType<AdjustInventoryInputType>>("input", "The stock to adjust, by how much and why.")
            .ResolveAsync(async context => await context.Service<InventoryMutations>().AdjustAsync(context.GetArgument<AdjustInventoryInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetLowStockThresholdPayloadType>, ProductPayload>("setLowStockThreshold")
            .Description("Sets the availability at or below which a product counts as low on stock (Inventory.isLowStock, lowStockProducts). "
                + $"{ProductMutations.ShopManagersOnly} userErrors: OUT_OF_RANGE, PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE.")
            .Authorize()
            .Argument<NonNullGraphType<SetLowStockThresholdInputType>>("input", "The product and its new threshold.")
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

        var adjusted = await stockKeeping.AdjustStockAsync(input.ProductId, input.VariantId, input.Delta, input.Reason.Trim(), currentUser.RequireId(),
            cancellationToken);
        return adjusted.Succeeded
            ? new AdjustInventoryPayload { Product = adjusted.Value.Product, Variant = adjusted.Value.Variant, Movement = adjusted.Value.Movement }
            : Fail<AdjustInventoryPayload>(adjusted.Error);
    }

    public async Task<ProductPayload> SetLowStockThresholdAsync(SetLowStockThresholdInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Count(input.Threshold, "threshold", 0, ProductMutations.MaxStock);
        if (check.HasErrors)
            return Fail<ProductPayload>(check);
        var changed = await stockKeeping.SetLowStockThresholdAsync(input.ProductId, input.Threshold, cancellationToken);
        return changed.Succeeded ? new ProductPayload { Product = changed.Value } : Fail<ProductPayload>(changed.Error);
    }
}
