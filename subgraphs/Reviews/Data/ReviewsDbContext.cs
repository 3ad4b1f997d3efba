using GoShop.BuildingBlocks.Data;
using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Data;

public sealed class ReviewsDbContext(DbContextOptions<ReviewsDbContext> options) : GoShopDbContext(options)
{
    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewRevision> ReviewRevisions => Set<ReviewRevision>();

    public DbSet<HelpfulVote> HelpfulVotes => Set<HelpfulVote>();

    public DbSet<ReviewReport> ReviewReports => Set<ReviewReport>();

    public DbSet<RatingSummary> RatingSummaries => Set<RatingSummary>();

    public DbSet<Purchase> Purchases => Set<Purchase>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeletedProduct> DeletedProducts => Set<DeletedProduct>();

    /// <summary>Locks a review's row until the current transaction ends and reads it fresh.</summary>
    public async Task<Review?> LockReviewAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        // Read as it is locked, in one round trip. A review this unit of work already tracked comes back as it was
        // tracked, not as read: that one is read again.
        var wasTracked = Reviews.Local.Any(r => r.Id == reviewId);
        var locked = (await Reviews.FromSql($"SELECT * FROM reviews WHERE id = {reviewId} FOR NO KEY UPDATE").ToListAsync(cancellationToken))
            .SingleOrDefault();
        if (locked is not null && wasTracked)
            await Entry(locked).ReloadAsync(cancellationToken);
        return locked;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReviewsDbContext).Assembly);
    }
}
