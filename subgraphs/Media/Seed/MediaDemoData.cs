using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Media.Data;
using GoShop.Media.Uploads;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Media.Seed;

/// <summary>
/// The demo product pictures (one per top-level category, at the fixed ids of <see cref="DemoMedia"/>), owned by the demo
/// seller and stored through the same checks, cleaning and variants as any upload. Pictures already there are skipped.
/// </summary>
public sealed class MediaDemoData(MediaDbContext db, MediaIntake intake, DemoImageRenderer renderer) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var ids = DemoMedia.Images.Select(i => i.Id).ToList();
        var present = await db.MediaFiles.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var demo in DemoMedia.Images.Where(i => !present.Contains(i.Id)))
        {
            var jpeg = renderer.RenderJpeg(demo);
            var content = new UploadedContent(jpeg.Length, $"{demo.CategorySlug}.jpg", () => new MemoryStream(jpeg, writable: false));
            var accepted = await intake.AcceptAsync(DemoAccounts.SellerId, content, cancellationToken, id: demo.Id);
            if (!accepted.Succeeded)
                throw new InvalidOperationException($"The demo image {demo.CategorySlug} was refused: {accepted.Error.Message}");
        }
    }
}
