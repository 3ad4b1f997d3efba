using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Loaders;
using GoShop.Catalog.Shops;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.GraphQL.Types;

/// <summary>The stock of a product (all its rows) or of one variant (its row), as read now.</summary>
public sealed record InventoryView(Product Product, Guid? VariantId, int OnHand, int Reserved, int Available)
{
    public bool IsLow => Available <= Product.LowStockThreshold;

    public static InventoryView Of(Product product, Guid? variantId, IEnumerable<StockView> rows)
    {
        var counted = rows.Where(r => variantId is null || r.Row.VariantId == variantId).ToList();
        return new InventoryView(product, variantId, counted.Sum(r => r.Row.OnHand), counted.Sum(r => r.Reserved), counted.Sum(r => r.Available));
    }
}

public sealed class InventoryType : ObjectGraphType<InventoryView>
{
    public InventoryType()
    {
        Name = "Inventory";
        Description = "Stock of a product or variant, derived from the inventory ledger. Anyone may read the numbers; the ledger itself "
            + "(movements) only the shop's owner and admins. Holds past their expiry no longer count.";
        Field(i => i.OnHand).Description("Units in the shop's hands.");
        Field(i => i.Reserved).Description("Units held for orders not yet delivered or cancelled (and orders being placed).");
        Field(i => i.Available).Description("Units that can be bought now: on hand minus reserved, never below 0.");
        Field<NonNullGraphType<IntGraphType>, int>("lowStockThreshold")
            .Description("At or below this many available units the product counts as low on stock (0 to 1,000,000, default 5). "
                + "The product's own, also for its variants.")
            .Resolve(context => context.Source.Product.LowStockThreshold);
        Field<NonNullGraphType<BooleanGraphType>, bool>("isLowStock")
            .Description("Whether availability is at or below the low-stock threshold.")
            .Resolve(context => context.Source.IsLow);
        Field<NonNullGraphType<ConnectionType<InventoryMovementType, InventoryMovement>>, Connection<InventoryMovement>>("movements")
            .Description("The ledger entries of this stock, newest first. Only the shop's owner and admins: anyone else gets a FORBIDDEN error.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var view = context.Source;
                var shop = await context.Loader<ShopCopyByIdLoader>().Load(view.Product.ShopId).GetResultAsync(context.CancellationToken);
                if (!context.Service<ShopAccess>().CanSee(shop))
                    throw GraphQLErrors.Forbidden("Only the shop's owner and admins can read its inventory ledger.");
                var page = context.Page();
                var movements = context.Service<CatalogDbContext>().InventoryMovements.AsNoTracking().Where(m => m.ProductId == view.Product.Id);
                if (view.VariantId is { } variantId)
                    movements = movements.Where(m => m.VariantId == variantId);
                return await movements.ToConnectionByIdAsync(m => m.Id, page, newestFirst: true, context.CancellationToken);
            });
    }
}

public sealed class MovementKindType : EnumerationGraphType<MovementKind>
{
    public MovementKindType()
    {
        Name = "InventoryMovementKind";
        Description = "What moved stock, and how each kind changes it.";
    }
}

public sealed class InventoryMovementType : ObjectGraphType<InventoryMovement>
{
    public InventoryMovementType()
    {
        Name = "InventoryMovement";
        Description = "One entry of the inventory ledger.";
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry's id.");
        Field<NonNullGraphType<MovementKindType>, MovementKind>("kind").Description("What moved the stock.").Resolve(context => context.Source.Kind);
        Field(m => m.VariantId, type: typeof(IdGraphType)).Description("The variant whose stock moved; null for the product's own stock.");
        Field(m => m.Quantity).Description("Units moved (always positive).");
        Field(m => m.OnHandDelta).Description("How on hand changed (negative when it fell).");
        Field(m => m.ReservedDelta).Description("How reserved changed (negative when it fell).");
        Field(m => m.OnHandAfter).Description("Units on hand right after this movement.");
        Field(m => m.ReservedAfter).Description("Units reserved right after this movement, counting holds that had expired but were not yet released.");
        Field(m => m.Reason).Description("Why: the seller's reason for an ADJUSTMENT (\"Opening stock\" for the first one); \"Reserved for checkout\", "
            + "\"Reservation released\", \"Reservation expired\" or \"Sold\" for an order's movements; for a RETURN, \"Returned with order …\" " +
            "naming the order's number.");
        Field(m => m.ActorId, type: typeof(IdGraphType)).Description("Who adjusted the stock; null for the movements of orders.");
        Field("orderId", m => m.OrderId, type: typeof(IdGraphType)).Description("The order a reservation, release, sale or return belongs to; null for adjustments.");
        Field(m => m.ReturnId, type: typeof(IdGraphType)).Description("The order's return (as ordering names it) that brought the units back; " +
            "null for every kind but RETURN.");
        Field("checkoutId", m => m.OrderId, type: typeof(IdGraphType))
            .Description("The order a reservation, release, sale or return belongs to (it always held the order's id, never a checkout's).")
            .DeprecationReason("Use orderId: the stock of each order is held under the order's id.");
        Field(m => m.OccurredAt).Description("When the stock moved.");
    }
}
