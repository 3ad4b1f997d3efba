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
        var locked = await Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM reviews WHERE id = {reviewId} FOR NO KEY UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0)
            return null;
        var review = await Reviews.SingleAsync(r => r.Id == reviewId, cancellationToken);
        await Entry(review).ReloadAsync(cancellationToken);
        return review;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReviewsDbContext).Assembly);
    }
}
