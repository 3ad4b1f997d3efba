using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Shops;
using GoShop.Ordering.Data;
using GoShop.Ordering.Data.Configurations;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Live;
using GoShop.Ordering.Pricing;
using GoShop.Ordering.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace GoShop.Ordering.Placement;

/// <summary>What the buyer asks placeOrder for (already checked for shape).</summary>
public sealed record PlaceOrderRequest(
    Guid AddressId,
    PaymentMethod PaymentMethod,
    IReadOnlyList<string>? CouponCodes,
    string? IdempotencyKey,
    IReadOnlyList<Guid>? CartItemIds,
    string? Note);

/// <summary>The checkout placed (or placed before under the same idempotency key), or why nothing was placed.</summary>
public sealed record PlacementResult(Checkout? Checkout, IReadOnlyList<DomainError> Errors)
{
    public static PlacementResult Placed(Checkout checkout) => new(checkout, []);

    public static PlacementResult Refused(IReadOnlyList<DomainError> errors) => new(null, errors);
}

/// <summary>
/// placeOrder as a saga over catalog, shops, identity and cart; every step is undone when a later one fails, so a
/// refused placement leaves nothing held anywhere and nothing written here:
/// <list type="number">
/// <item>the same buyer and idempotency key again answers the first checkout, unchanged (placements with one key run one
/// after another under an advisory lock, so a twin waits for the first instead of holding stock of its own);</item>
/// <item>price and check everything (<see cref="CheckoutPricing"/>, the same code orderPreview runs);</item>
/// <item>reserve each order's stock in catalog under the order's id, all orders or none;</item>
/// <item>redeem each order's coupons in shops under the order's id;</item>
/// <item>write the checkout, its orders and an OrderPlaced per order in one transaction;</item>
/// <item>after the commit, the live updates go out (GoShopDbContext.AnnounceLive).</item>
/// </list>
/// From then on the events do the rest: catalog keeps the stock until the order is cancelled or delivered, cart drops
/// what was ordered, shops gives coupon uses back when an order is cancelled.
/// </summary>
public sealed class OrderPlacement(
    OrderingDbContext db,
    CheckoutPricing pricing,
    StockReservations reservations,
    CouponClient coupons,
    IOptions<OrderingOptions> options,
    TimeProvider clock,
    ILogger<OrderPlacement> logger)
{
    private const int NumberAttempts = 3;

    private sealed record PlannedOrder(Guid OrderId, ShopPrice Price);

    public async Task<PlacementResult> PlaceAsync(Guid buyerId, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var key = request.IdempotencyKey;
        var holds = new PlacementHolds(reservations, coupons, logger);
        IDbContextTransaction? transaction = null;
        try
        {
            if (key is not null)
            {
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.LockAsync("checkout-idempotency-key", $"{buyerId:N}/{key}", cancellationToken);
                if (await FindCheckoutAsync(buyerId, key, cancellationToken) is { } earlier)
                    return PlacementResult.Placed(earlier);
            }

            var price = await pricing.PriceAsync(
                new CheckoutRequest(buyerId, request.AddressId, request.CartItemIds, request.CouponCodes) { CashOnDelivery = request.PaymentMethod == PaymentMethod.Cod },
                cancellationToken);
            if (price.Problems.Count > 0)
                return PlacementResult.Refused(price.Problems);
            var plans = price.Shops.Select(shop => new PlannedOrder(Guid.CreateVersion7(), shop)).ToList();

            if (await ReserveStockAsync(plans, holds, cancellationToken) is { Count: > 0 } shortages)
            {
                await holds.ReleaseAsync();
                return PlacementResult.Refused(shortages);
            }
            var redeemed = await RedeemCouponsAsync(buyerId, plans, holds, cancellationToken);
            if (!redeemed.Succeeded)
            {
                await holds.ReleaseAsync();
                return PlacementResult.Refused([redeemed.Error]);
            }

            transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
            var checkout = Write(buyerId, request, price.Address!, redeemed.Value);
            await SaveAsync(checkout, cancellationToken);
            await CommitAsync(transaction, checkout.Id);
            return PlacementResult.Placed(checkout);
        }
        catch (SubgraphUnavailableException unavailable)
        {
            await holds.ReleaseAsync();
            return PlacementResult.Refused([unavailable.Error]);
        }
        catch (DbUpdateException ex) when (key is not null && ex.IsUniqueViolation(CheckoutConfiguration.IdempotencyIndex))
        {
            // A twin with the same key committed first (it got past the advisory lock some other way): ours goes, theirs is the answer.
            await transaction!.RollbackAsync(CancellationToken.None);
            await holds.ReleaseAsync();
            db.ChangeTracker.Clear();
            return PlacementResult.Placed(await FindCheckoutAsync(buyerId, key, cancellationToken)
                ?? throw new InvalidOperationException("The checkout that won the idempotency key is gone."));
        }
        catch
        {
            await holds.ReleaseAsync();
            throw;
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
        }
    }

    /// <summary>Holds every order's stock, or none: the first refusal releases what the others hold and says what is short.</summary>
    private async Task<List<DomainError>> ReserveStockAsync(List<PlannedOrder> plans, PlacementHolds holds, CancellationToken cancellationToken)
    {
        foreach (var plan in plans)
        {
            var lines = plan.Price.Lines.Select(l => new StockLine(l.Product.ProductId, l.Product.VariantId, l.Quantity)).ToList();
            holds.Reserving(plan.OrderId);
            var outcome = await InternalCalls.RunAsync(
                () => reservations.ReserveAsync(new ReserveStockRequest(plan.OrderId, lines, options.Value.ReservationHoldSeconds), cancellationToken),
                OrderErrors.CatalogUnavailable, logger, cancellationToken);
            if (outcome.Status == ReservationStatuses.Held)
                continue;
            var shortages = outcome.Shortages.Select(s => Shortage(plan, s)).ToList();
            return shortages.Count > 0 ? shortages : [OrderErrors.CatalogUnavailable];
        }
        return [];
    }

    private static DomainError Shortage(PlannedOrder plan, StockShortage shortage)
    {
        var line = plan.Price.Lines.First(l => l.Product.ProductId == shortage.ProductId && l.Product.VariantId == shortage.VariantId);
        var title = line.Product.VariantTitle is { Length: > 0 } variant ? $"{line.Product.Title} ({variant})" : line.Product.Title;
        return shortage.Reason == "OUT_OF_STOCK"
            ? OrderErrors.OutOfStock(title, shortage.Requested, shortage.Available)
            : OrderErrors.ProductUnavailable(title);
    }

    /// <summary>
    /// Uses each order's coupons in shops under the order's id. The discount a redemption grants is the one charged (it
    /// equals the quote unless the promotion changed in between), so the order's fees are recomputed from it.
    /// </summary>
    private async Task<Result<List<PlannedOrder>>> RedeemCouponsAsync(Guid buyerId, List<PlannedOrder> plans, PlacementHolds holds,
        CancellationToken cancellationToken)
    {
        var redeemed = new List<PlannedOrder>();
        foreach (var plan in plans)
        {
            var granted = new List<PricedCoupon>();
            foreach (var coupon in plan.Price.Coupons)
            {
                holds.Redeeming(plan.OrderId);
                var request = new CouponRedemptionRequest(plan.Price.Shop.ShopId, coupon.Code, buyerId, plan.OrderId,
                    new CouponMoney(plan.Price.Subtotal, Money.DefaultCurrency), CheckoutPricing.CouponLines(plan.Price.Lines));
                var redemption = await InternalCalls.RunAsync(() => coupons.RedeemAsync(request, cancellationToken),
                    OrderErrors.ShopsUnavailable, logger, cancellationToken);
                if (!redemption.Redeemed)
                    return OrderErrors.CouponRefused(coupon.Code, redemption.Quote.Reason, redemption.Quote.Message);
                granted.Add(coupon with { Discount = redemption.Quote.Discount?.Amount ?? coupon.Discount });
            }
            redeemed.Add(plan with { Price = pricing.Reprice(plan.Price, granted) });
        }
        return redeemed;
    }

    private Checkout Write(Guid buyerId, PlaceOrderRequest request, OrderAddress address, List<PlannedOrder> plans)
    {
        var now = clock.GetUtcNow();
        var policy = new OrderPolicy(options.Value.PaymentTimeout, options.Value.ConfirmationTimeout, options.Value.ReturnWindow);
        var checkout = Checkout.Start(buyerId, request.IdempotencyKey, request.PaymentMethod, now);
        foreach (var plan in plans)
        {
            var price = plan.Price;
            var draft = new OrderDraft(price.Shop.ShopId, price.Shop.OwnerId, price.Location, price.Lines.Select(l => l.ToDraft()).ToList(),
                price.Fees, price.Coupons.Select(c => c.Code).ToList(), address, request.Note);
            var order = checkout.AddOrder(plan.OrderId, OrderNumber.New(now), draft, policy, now);
            db.Publish(OrderIntegrationEvents.Placed(order));
            db.Announce(OrderStatusUpdateMessage.Placed(order));
        }
        db.Checkouts.Add(checkout);
        return checkout;
    }

    /// <summary>Saves the checkout; an order number someone already has is drawn again (EF rolls back to its savepoint).</summary>
    private async Task SaveAsync(Checkout checkout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt < NumberAttempts && ex.IsUniqueViolation(OrderConfiguration.NumberIndex))
            {
                foreach (var order in checkout.Orders)
                    order.Renumber(OrderNumber.New(order.PlacedAt));
            }
        }
    }

    /// <summary>
    /// Commits, even when the caller went away meanwhile (everything is held already). A commit whose answer was lost
    /// counts when the checkout is there; otherwise the failure stands and the holds are released.
    /// </summary>
    private async Task CommitAsync(IDbContextTransaction transaction, Guid checkoutId)
    {
        try
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Checkouts.AsNoTracking().AnyAsync(c => c.Id == checkoutId, CancellationToken.None))
                throw;
            logger.LogWarning(ex, "The commit of checkout {CheckoutId} failed to answer but it is written", checkoutId);
        }
    }

    private Task<Checkout?> FindCheckoutAsync(Guid buyerId, string key, CancellationToken cancellationToken) =>
        db.Checkouts.AsNoTracking().SingleOrDefaultAsync(c => c.BuyerId == buyerId && c.IdempotencyKey == key, cancellationToken);
}
