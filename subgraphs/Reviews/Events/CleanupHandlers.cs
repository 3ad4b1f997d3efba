using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Media;
using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using GoShop.Reviews.Summaries;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Events;

/// <summary>A photo or video was deleted in media: it leaves every review showing it (a review left without media no longer counts "with media").</summary>
public sealed class MediaDeletedHandler(ReviewsDbContext db, RatingSummaries summaries, TimeProvider clock, ILogger<MediaDeletedHandler> logger)
    : IntegrationEventHandler<MediaDeleted, ReviewsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(MediaDeleted message, CancellationToken cancellationToken)
    {
        var showing = await Db.Reviews.Where(r => r.MediaIds.Contains(message.MediaId)).ToListAsync(cancellationToken);
        foreach (var review in showing)
        {
            var before = review.Contribution;
            if (review.LetGoOfMedia(message.MediaId, Clock.GetUtcNow()))
                await summaries.ApplyAsync(review, before, cancellationToken);
        }
    }
}

/// <summary>An account was deleted: its reviews stay (they still count), without their author.</summary>
public sealed class UserDeletedHandler(ReviewsDbContext db, TimeProvider clock, ILogger<UserDeletedHandler> logger)
    : IntegrationEventHandler<UserDeleted, ReviewsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserDeleted message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        foreach (var review in await Db.Reviews.Where(r => r.AuthorId == message.UserId).ToListAsync(cancellationToken))
            review.AnonymiseAuthor(now);
    }
}

/// <summary>A product was deleted: its reviews stay readable, but no new one may be written.</summary>
public sealed class ProductDeletedHandler(ReviewsDbContext db, TimeProvider clock, ILogger<ProductDeletedHandler> logger)
    : IntegrationEventHandler<ProductDeleted, ReviewsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ProductDeleted message, CancellationToken cancellationToken)
    {
        if (!await Db.DeletedProducts.AnyAsync(p => p.ProductId == message.ProductId, cancellationToken))
            Db.DeletedProducts.Add(new DeletedProduct(message.ProductId, message.OccurredAt));
    }
}
