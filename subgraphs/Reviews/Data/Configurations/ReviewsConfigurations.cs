using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Reviews.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public const string UniqueKeyIndex = "ux_reviews_unique_key";

    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Subject).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Sentiment).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.UniqueKey).HasMaxLength(120);
        builder.Property(r => r.Title).HasMaxLength(ReviewRules.MaxTitleLength);
        builder.Property(r => r.Body).HasMaxLength(ReviewRules.MaxBodyLength);
        builder.Property(r => r.ReplyBody).HasMaxLength(ReviewRules.MaxReplyLength);
        builder.Property(r => r.VariantTitle).HasMaxLength(200);
        builder.Property(r => r.ModerationNote).HasMaxLength(500);
        builder.Property(r => r.BodyFingerprint).HasMaxLength(32);
        builder.Ignore(r => r.Contribution);
        builder.Ignore(r => r.VerifiedPurchase);

        // What may be reviewed once is reviewed once, whatever the race (10 identical requests make one review).
        builder.HasIndex(r => r.UniqueKey).IsUnique().HasDatabaseName(UniqueKeyIndex);
        // The lists: a subject's reviews by each sort, the author's own, the moderation queue.
        builder.HasIndex(r => new { r.Subject, r.SubjectId, r.Status, r.Id });
        builder.HasIndex(r => new { r.Subject, r.SubjectId, r.Status, r.HelpfulCount, r.Id });
        builder.HasIndex(r => new { r.Subject, r.SubjectId, r.Status, r.Rating, r.Id });
        builder.HasIndex(r => new { r.AuthorId, r.Id });
        builder.HasIndex(r => new { r.Status, r.Id });
        builder.HasIndex(r => r.BodyFingerprint).HasFilter("body_fingerprint IS NOT NULL");
        builder.HasIndex(r => r.OrderId);
        // A file deleted in media is looked up in every review's media (MediaDeleted): an array index, not a scan.
        builder.HasIndex(r => r.MediaIds).HasMethod("gin");
    }
}

internal sealed class ReviewRevisionConfiguration : IEntityTypeConfiguration<ReviewRevision>
{
    public void Configure(EntityTypeBuilder<ReviewRevision> builder)
    {
        builder.ToTable("review_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(ReviewRules.MaxTitleLength);
        builder.Property(r => r.Body).HasMaxLength(ReviewRules.MaxBodyLength);
        builder.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ReviewId, r.Id });
    }
}

internal sealed class HelpfulVoteConfiguration : IEntityTypeConfiguration<HelpfulVote>
{
    public void Configure(EntityTypeBuilder<HelpfulVote> builder)
    {
        builder.ToTable("helpful_votes");
        // One vote per user per review: the key refuses the second.
        builder.HasKey(v => new { v.ReviewId, v.VoterId }).HasName("pk_helpful_votes");
        builder.HasOne<Review>().WithMany().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewReportConfiguration : IEntityTypeConfiguration<ReviewReport>
{
    public const string OnePerReporterIndex = "ux_review_reports_review_id_reporter_id";

    public void Configure(EntityTypeBuilder<ReviewReport> builder)
    {
        builder.ToTable("review_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(ReviewRules.MaxReportReasonLength);
        builder.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ReviewId, r.ReporterId }).IsUnique().HasDatabaseName(OnePerReporterIndex);
    }
}

internal sealed class RatingSummaryConfiguration : IEntityTypeConfiguration<RatingSummary>
{
    public void Configure(EntityTypeBuilder<RatingSummary> builder)
    {
        builder.ToTable("rating_summaries");
        builder.HasKey(s => new { s.Subject, s.SubjectId });
        builder.Property(s => s.Subject).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(s => s.Average);
        builder.Ignore(s => s.Distribution);
    }
}

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable("purchases");
        builder.HasKey(p => p.OrderId);
        builder.Property(p => p.OrderId).ValueGeneratedNever();
        builder.Property(p => p.OrderNumber).HasMaxLength(40);
        builder.Ignore(p => p.ReviewableUntil);
        // reviewsToWrite: a buyer's recent deliveries.
        builder.HasIndex(p => new { p.BuyerId, p.DeliveredAt });
        // The lines are read and written with their order, never alone: one jsonb column.
        builder.OwnsMany(p => p.Lines, lines =>
        {
            lines.ToJson("lines");
            lines.Property(l => l.ProductId).HasJsonPropertyName("productId");
            lines.Property(l => l.VariantId).HasJsonPropertyName("variantId");
            lines.Property(l => l.Title).HasJsonPropertyName("title");
            lines.Property(l => l.VariantTitle).HasJsonPropertyName("variantTitle");
            lines.Property(l => l.Returned).HasJsonPropertyName("returned");
        });
        builder.Navigation(p => p.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.ShipmentId);
        builder.Property(d => d.ShipmentId).ValueGeneratedNever();
        builder.HasIndex(d => d.OrderId);
        builder.HasIndex(d => new { d.BuyerId, d.DeliveredAt });
    }
}

internal sealed class DeletedProductConfiguration : IEntityTypeConfiguration<DeletedProduct>
{
    public void Configure(EntityTypeBuilder<DeletedProduct> builder)
    {
        builder.ToTable("deleted_products");
        builder.HasKey(p => p.ProductId);
        builder.Property(p => p.ProductId).ValueGeneratedNever();
    }
}
