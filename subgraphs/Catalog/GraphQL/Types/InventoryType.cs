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
        Description = "Stock derived from the inventory ledger. Reservations past their expiry no longer count.";
        Field(i => i.OnHand).Description("Units in the shop's hands.");
        Field(i => i.Reserved).Description("Units held for orders not yet delivered or cancelled (and orders being placed).");
        Field(i => i.Available).Description("Units that can be bought now: on hand minus reserved.");
        Field<NonNullGraphType<IntGraphType>, int>("lowStockThreshold").Resolve(context => context.Source.Product.LowStockThreshold);
        Field<NonNullGraphType<BooleanGraphType>, bool>("isLowStock")
            .Description("Whether availability is at or below the low-stock threshold.")
            .Resolve(context => context.Source.IsLow);
        Field<NonNullGraphType<ConnectionType<InventoryMovementType, InventoryMovement>>, Connection<InventoryMovement>>("movements")
            .Description("The ledger, newest first. The shop's owner and admins only.")
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
    public MovementKindType() => Name = "InventoryMovementKind";
}

public sealed class InventoryMovementType : ObjectGraphType<InventoryMovement>
{
    public InventoryMovementType()
    {
        Name = "InventoryMovement";
        Description = "One entry of the inventory ledger.";
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<MovementKindType>, MovementKind>("kind").Resolve(context => context.Source.Kind);
        Field(m => m.VariantId, type: typeof(IdGraphType));
        Field(m => m.Quantity).Description("Units moved (always positive).");
        Field(m => m.OnHandDelta).Description("How on hand changed.");
        Field(m => m.ReservedDelta).Description("How reserved changed.");
        Field(m => m.OnHandAfter);
        Field(m => m.ReservedAfter);
        Field(m => m.Reason);
        Field(m => m.ActorId, type: typeof(IdGraphType)).Description("Who adjusted the stock; null for the movements of orders.");
        Field("orderId", m => m.OrderId, type: typeof(IdGraphType)).Description("The order a reservation, release, sale or return belongs to; null for adjustments.");
        Field("checkoutId", m => m.OrderId, type: typeof(IdGraphType))
            .Description("The order a reservation, release, sale or return belongs to (it always held the order's id, never a checkout's).")
            .DeprecationReason("Use orderId: the stock of each order is held under the order's id.");
        Field(m => m.OccurredAt);
    }
}
