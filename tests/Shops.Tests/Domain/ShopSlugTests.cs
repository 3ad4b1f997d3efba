using GoShop.Shops.Domain;

namespace GoShop.Shops.Tests.Domain;

public sealed class ShopSlugTests
{
    [Theory]
    [InlineData("Điện Máy Xanh", "dien-may-xanh")]
    [InlineData("  Thời Trang Phố Cổ  ", "thoi-trang-pho-co")]
    [InlineData("Cà Phê & Trà — Tây Hồ!", "ca-phe-tra-tay-ho")]
    [InlineData("Bếp Nhà Ngoại 24/7", "bep-nha-ngoai-24-7")]
    [InlineData("Crème Brûlée Café", "creme-brulee-cafe")]
    [InlineData("🛒🛒", ShopSlug.Fallback)]
    public void A_name_folds_to_lower_case_ascii_words_joined_by_dashes(string name, string slug) =>
        Assert.Equal(slug, ShopSlug.From(name));

    [Fact]
    public void A_long_name_is_cut_at_a_word_boundary_without_a_trailing_dash()
    {
        var slug = ShopSlug.From(string.Join(' ', Enumerable.Repeat("Điện", 40)));

        Assert.True(slug.Length <= ShopSlug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("dien-dien", slug, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numbered_variant_stays_within_the_maximum_length()
    {
        var longest = new string('a', ShopSlug.MaxLength);

        Assert.Equal("dien-may-xanh-2", ShopSlug.WithSuffix("dien-may-xanh", 2));
        Assert.Equal(ShopSlug.MaxLength, ShopSlug.WithSuffix(longest, 12).Length);
        Assert.EndsWith("-12", ShopSlug.WithSuffix(longest, 12), StringComparison.Ordinal);
    }
}
