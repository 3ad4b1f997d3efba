using GoShop.Media.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Media.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("media_files");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.ContentType).HasMaxLength(50);
        builder.Property(m => m.OriginalFileName).HasMaxLength(MediaFile.MaxFileNameLength);
        // A user's library, newest first (ids are time-ordered).
        builder.HasIndex(m => new { m.OwnerId, m.Id });
        builder.Ignore(m => m.Original);
        builder.Ignore(m => m.Variants);

        // The renditions are read and written with their media, never on their own: one jsonb column.
        builder.OwnsMany(m => m.Renditions, renditions =>
        {
            renditions.ToJson("renditions");
            renditions.Property(r => r.Variant).HasJsonPropertyName("variant");
            renditions.Property(r => r.ContentType).HasJsonPropertyName("contentType");
            renditions.Property(r => r.StorageKey).HasJsonPropertyName("storageKey");
            renditions.Property(r => r.SizeBytes).HasJsonPropertyName("sizeBytes");
            renditions.Property(r => r.Width).HasJsonPropertyName("width");
            renditions.Property(r => r.Height).HasJsonPropertyName("height");
            renditions.Property(r => r.Sha256).HasJsonPropertyName("sha256");
            renditions.Ignore(r => r.ETag);
        });
        builder.Navigation(m => m.Renditions).HasField("_renditions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
