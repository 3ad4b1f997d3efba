using GoShop.Media.Domain;
using GoShop.Media.Processing;
using GoShop.Media.Tests.Hosting;

namespace GoShop.Media.Tests.Processing;

/// <summary>Format recognition from the first bytes, and the variant size arithmetic.</summary>
public sealed class MediaSnifferTests
{
    [Fact]
    public void Real_images_are_recognised_by_their_signature()
    {
        Assert.Equal(MediaFormat.Jpeg, MediaSniffer.Detect(TestFiles.Jpeg(8, 8)));
        Assert.Equal(MediaFormat.Png, MediaSniffer.Detect(TestFiles.Png(8, 8)));
        Assert.Equal(MediaFormat.WebP, MediaSniffer.Detect(TestFiles.WebP(8, 8)));
    }

    [Theory]
    [InlineData("isom")]
    [InlineData("mp42")]
    [InlineData("avc1")]
    [InlineData("M4V ")]
    public void Mp4_brands_are_video(string brand)
    {
        Assert.Equal(MediaFormat.Mp4, MediaSniffer.Detect(TestFiles.Mp4(64, brand)));
    }

    [Theory]
    [InlineData("heic")]
    [InlineData("avif")]
    [InlineData("qt  ")]
    [InlineData("M4A ")]
    public void Other_iso_media_brands_are_not_accepted(string brand)
    {
        Assert.Null(MediaSniffer.Detect(TestFiles.Mp4(64, brand)));
    }

    [Fact]
    public void Too_few_bytes_text_and_riff_audio_are_not_recognised()
    {
        Assert.Null(MediaSniffer.Detect([0xFF, 0xD8]));
        Assert.Null(MediaSniffer.Detect("<svg xmlns='http://www.w3.org/2000/svg'/>"u8));
        Assert.Null(MediaSniffer.Detect("RIFF\0\0\0\0WAVEfmt "u8));
    }

    [Theory]
    [InlineData(1600, 1200, 800, 800, 600)]
    [InlineData(1200, 1600, 200, 150, 200)]
    [InlineData(300, 100, 800, 300, 100)]
    [InlineData(5000, 10, 200, 200, 1)]
    public void Variants_fit_their_box_keeping_the_aspect_ratio_and_never_grow(int width, int height, int box, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), ImageProcessor.Fit(width, height, box));
    }
}
