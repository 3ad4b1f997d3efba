using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Media.Domain;
using GoShop.Media.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace GoShop.Media.Tests;

/// <summary>The demo pictures: rendered once at their fixed ids, through the same pipeline as uploads.</summary>
public sealed class DemoDataTests(MediaApp app) : IClassFixture<MediaApp>
{
    [Fact]
    public async Task Seeding_renders_every_demo_image_once_owned_by_the_demo_seller_with_its_variants()
    {
        await SeedAsync();
        var filesAfterFirstRun = app.StoredFiles();
        await SeedAsync();

        var ids = DemoMedia.Images.Select(i => i.Id).ToList();
        var seeded = await app.InDatabaseAsync(db => db.MediaFiles.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.Equal(ids.Order(), seeded.Select(m => m.Id).Order());
        Assert.All(seeded, media =>
        {
            Assert.Equal(DemoAccounts.SellerId, media.OwnerId);
            Assert.Equal(MediaKind.Image, media.Kind);
            Assert.Equal((1200, 1200), (media.Original.Width, media.Original.Height));
            Assert.Equal([(800, 800), (200, 200)], media.Variants.Select(v => (v.Width, v.Height)));
        });
        Assert.Equal(filesAfterFirstRun, app.StoredFiles());
        Assert.Equal(ids.Count * 3, filesAfterFirstRun.Count);

        var electronics = await app.Http().GetByteArrayAsync($"/media/{DemoMedia.ForCategory("electronics")}/thumbnail");
        using var thumbnail = SKBitmap.Decode(electronics);
        var corner = thumbnail.GetPixel(199, 199);
        Assert.True(corner.Blue > corner.Red && corner.Blue > corner.Green, $"The electronics picture is blue, not {corner}.");
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }
}
