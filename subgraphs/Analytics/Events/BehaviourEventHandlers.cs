using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Search;

namespace GoShop.Analytics.Events;

/// <summary>Search's batches of product views: each view counts once by its id, whatever batch or redelivery brings it.</summary>
public sealed class ProductViewsRecordedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ProductViewsRecordedHandler> logger)
    : AnalyticsEventHandler<ProductViewsRecorded>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ProductViewsRecorded message, CancellationToken cancellationToken) =>
        Facts.ViewsAsync(message.Views.Select(v => new ProductViewFact(v.ViewId, v.ProductId, v.ShopId, v.UserId, v.VisitorId, v.ViewedAt)).ToList(),
            cancellationToken);
}

public sealed class CartItemAddedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<CartItemAddedHandler> logger)
    : AnalyticsEventHandler<CartItemAdded>(db, facts, clock, logger)
{
    protected override Task RecordAsync(CartItemAdded message, CancellationToken cancellationToken)
    {
        Facts.CartAdd(new CartAddFact(Guid.CreateVersion7(), message.UserId, message.ProductId, message.ShopId, message.Quantity, message.OccurredAt));
        return Task.CompletedTask;
    }
}
