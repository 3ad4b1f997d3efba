using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Reviews;
using GoShop.Contracts.Search;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using Microsoft.Extensions.Logging;

namespace GoShop.Notifications.Events;

/// <summary>Search's price alerts: the buyer who set the alert hears that the price was reached or the product is back.</summary>
public sealed class NotifyPriceAlert(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyPriceAlert> logger)
    : IntegrationEventHandler<PriceAlertTriggered, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PriceAlertTriggered message, CancellationToken cancellationToken) =>
        inbox.NotifyAsync(new NotificationRequest(message.UserId, NotificationKinds.PriceAlert, new Dictionary<string, object?>
        {
            ["product_title"] = message.ProductTitle,
            ["price"] = NotificationInbox.Amount(message.EffectivePrice),
            ["target_price"] = NotificationInbox.Amount(message.TargetPrice),
            ["currency"] = message.Currency,
            ["back_in_stock"] = message.Reason == PriceAlertReasons.BackInStock,
        }, Links.Product(message.ProductId), $"price-alert:{message.AlertId}"), cancellationToken);
}

/// <summary>Reviews: the shop's owner hears of a new review of the shop, its products or its deliveries.</summary>
public sealed class NotifyReviewPosted(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyReviewPosted> logger)
    : IntegrationEventHandler<ReviewPosted, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ReviewPosted message, CancellationToken cancellationToken)
    {
        if (await ShopOwners.OwnerOfAsync(Db, message.ShopId, cancellationToken) is not { } ownerId)
        {
            logger.LogWarning("The owner of shop {ShopId} is not known to notifications; review {ReviewId} is not announced", message.ShopId, message.ReviewId);
            return;
        }
        await inbox.NotifyAsync(new NotificationRequest(ownerId, NotificationKinds.ReviewPosted, new Dictionary<string, object?>
        {
            ["rating"] = message.Rating,
            ["title"] = message.Title,
            ["subject"] = message.SubjectKind switch
            {
                ReviewSubjects.Product => "PRODUCT",
                ReviewSubjects.Shipper => "DELIVERY",
                _ => "SHOP",
            },
        }, Links.Review(message.ReviewId), $"review-posted:{message.ReviewId}"), cancellationToken);
    }
}

/// <summary>Reviews: the author of a review hears that the shop answered it (or changed its answer).</summary>
public sealed class NotifyReviewReplied(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyReviewReplied> logger)
    : IntegrationEventHandler<ReviewReplied, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ReviewReplied message, CancellationToken cancellationToken) =>
        inbox.NotifyAsync(new NotificationRequest(message.ReviewAuthorId, NotificationKinds.ReviewReplied, new Dictionary<string, object?>
        {
            ["reply"] = message.ReplyBody,
            ["edited"] = message.Edited,
        }, Links.Review(message.ReviewId), $"review-replied:{message.ReviewId}:{message.OccurredAt.UtcTicks}"), cancellationToken);
}

/// <summary>Catalog: the shop's owner hears that a product's stock fell to its low-stock level.</summary>
public sealed class NotifyLowStock(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyLowStock> logger)
    : IntegrationEventHandler<LowStockReached, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(LowStockReached message, CancellationToken cancellationToken)
    {
        if (await ShopOwners.OwnerOfAsync(Db, message.ShopId, cancellationToken) is not { } ownerId)
        {
            logger.LogWarning("The owner of shop {ShopId} is not known to notifications; low stock of {ProductId} is not announced", message.ShopId, message.ProductId);
            return;
        }
        await inbox.NotifyAsync(new NotificationRequest(ownerId, NotificationKinds.LowStock, new Dictionary<string, object?>
        {
            ["product_title"] = message.Title,
            ["available"] = message.Available,
            ["threshold"] = message.Threshold,
        }, Links.SellerProduct(message.ProductId), $"low-stock:{message.ProductId}:{message.VariantId}:{message.OccurredAt.UtcTicks}"), cancellationToken);
    }
}
