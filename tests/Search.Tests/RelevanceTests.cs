using GoShop.Search.Index;
using GoShop.Search.Tests.Support;

namespace GoShop.Search.Tests;

/// <summary>
/// What buyers type and what must come first, over demo-like products: Vietnamese with and without diacritics, typos,
/// brands and models, English, phrases. Each case lists the titles that must fill the first places, in any order among
/// themselves (or, for one title, exactly first).
/// </summary>
public sealed class RelevanceTests(RelevanceTests.Catalog catalog) : IClassFixture<RelevanceTests.Catalog>
{
    private const string Phones = "Điện thoại Xiaomi Redmi Note 13|Điện thoại Samsung Galaxy A55|Điện thoại OPPO Reno 11|Điện thoại Apple iPhone 15|Điện thoại Samsung Galaxy S24|Điện thoại Apple iPhone 15 Pro";
    private const string Headphones = "Tai nghe Bluetooth JBL Tune 520BT|Tai nghe Bluetooth Soundcore Life Q30|Tai nghe Bluetooth Apple AirPods Pro 2|Tai nghe Bluetooth Sony WH-1000XM5";
    private const string Speakers = "Loa Bluetooth Sony SRS-XB13|Loa Bluetooth JBL Flip 6|Loa Bluetooth Marshall Emberton II";
    private const string RiceCookers = "Nồi cơm điện Sharp 1.8L|Nồi cơm điện Panasonic 1.8L|Nồi cơm điện Sunhouse 1.8L";
    private const string Fans = "Quạt điện Xiaomi Smart Fan 2|Quạt điện Panasonic F-409K|Quạt điện Senko DH1600";
    private const string Purifiers = "Máy lọc không khí Xiaomi Purifier 4|Máy lọc không khí Sharp FP-J30E|Máy lọc không khí Coway Storm";
    private const string AoDai = "Áo dài lụa truyền thống Lụa Hà Đông|Áo dài lụa truyền thống Thời Trang Phố Cổ";
    private const string Shirts = "Áo thun cotton nam Coolmate|Áo thun cotton nam Routine|Áo thun cotton nam Owen";
    private const string Jeans = "Quần jean nam slim fit Routine|Quần jean nam slim fit Levi's|Quần jean nam slim fit Owen";
    private const string Shoes = "Giày thể thao Ananas Track 6|Giày thể thao Biti's Hunter X|Giày thể thao Nike Air Force 1|Giày thể thao Adidas Ultraboost";
    private const string Sunscreens = "Kem chống nắng Anessa SPF50|Kem chống nắng Skin Aqua SPF50|Kem chống nắng La Roche-Posay SPF50";
    private const string Cleansers = "Sữa rửa mặt Cetaphil Gentle|Sữa rửa mặt La Roche-Posay Effaclar|Sữa rửa mặt Cocoon Bí đao";
    private const string Coffee = "Cà phê rang xay Trung Nguyên 500g|Cà phê rang xay Highlands 500g|Cà phê rang xay Phúc Long 500g";
    private const string Mats = "Thảm tập yoga TPE 6mm Adidas|Thảm tập yoga TPE 6mm Reebok|Thảm tập yoga TPE 6mm Zeno";
    private const string Chargers = "Sạc nhanh Anker Nano 20W|Sạc nhanh Baseus GaN 65W|Sạc nhanh Ugreen Nexode 30W";
    private const string Cases = "Ốp lưng Spigen Ultra Hybrid|Ốp lưng Ugreen Silicone|Ốp lưng Baseus Crystal";
    private const string Pans = "Chảo chống dính Sunhouse 26cm|Chảo chống dính Lock&Lock 26cm|Chảo chống dính Elmich 26cm";

    [Theory]
    // Vietnamese, with and without diacritics, and half-typed diacritics.
    [InlineData("dien thoai", Phones)]
    [InlineData("Điện thoại", Phones)]
    [InlineData("ĐIỆN THOẠI", Phones)]
    [InlineData("Điên thoai", Phones)]
    [InlineData("tai nghe", Headphones)]
    [InlineData("tai nghe bluetooth", Headphones)]
    [InlineData("loa bluetooth", Speakers)]
    [InlineData("noi com dien", RiceCookers)]
    [InlineData("nồi cơm điện", RiceCookers)]
    [InlineData("quat dien", Fans)]
    [InlineData("may loc khong khi", Purifiers)]
    [InlineData("ao dai", AoDai)]
    [InlineData("áo dài lụa", AoDai)]
    [InlineData("ao thun nam", Shirts)]
    [InlineData("quan jean", Jeans)]
    [InlineData("giay the thao", Shoes)]
    [InlineData("kem chong nang", Sunscreens)]
    [InlineData("sua rua mat", Cleansers)]
    [InlineData("ca phe rang xay", Coffee)]
    [InlineData("muc kho da nang", "Mực khô Đà Nẵng Hải Sản Sông Hàn 500g|Mực khô Đà Nẵng Biển Đông 500g")]
    [InlineData("hat dieu", "Hạt điều rang muối Bình Phước 500g|Hạt điều rang muối Vinanuts 500g")]
    [InlineData("tra o long", "Trà ô long Phúc Long|Trà ô long Cầu Đất")]
    [InlineData("tham yoga", Mats)]
    [InlineData("sac nhanh", Chargers)]
    [InlineData("op lung", Cases)]
    [InlineData("chao chong dinh", Pans)]
    // One typo per word.
    [InlineData("dien thaoi", Phones)]
    [InlineData("dein thoai", Phones)]
    [InlineData("iphnoe", "Điện thoại Apple iPhone 15|Điện thoại Apple iPhone 15 Pro")]
    [InlineData("samsnug galaxy", "Điện thoại Samsung Galaxy A55|Điện thoại Samsung Galaxy S24")]
    [InlineData("bluetoth loa", Speakers)]
    // Brand and model, exactly first.
    [InlineData("điện thoại samsung", "Điện thoại Samsung Galaxy A55|Điện thoại Samsung Galaxy S24")]
    [InlineData("dien thoai samsung", "Điện thoại Samsung Galaxy A55|Điện thoại Samsung Galaxy S24")]
    [InlineData("iphone 15 pro", "Điện thoại Apple iPhone 15 Pro")]
    [InlineData("iphone 15", "Điện thoại Apple iPhone 15")]
    [InlineData("galaxy s24", "Điện thoại Samsung Galaxy S24")]
    [InlineData("Sony WH-1000XM5", "Tai nghe Bluetooth Sony WH-1000XM5")]
    [InlineData("wh1000xm5", "Tai nghe Bluetooth Sony WH-1000XM5")]
    [InlineData("SRS-XB13", "Loa Bluetooth Sony SRS-XB13")]
    [InlineData("macbook air m2", "Laptop Apple MacBook Air M2")]
    [InlineData("laptop dell", "Laptop Dell XPS 13")]
    [InlineData("thinkpad", "Laptop Lenovo ThinkPad E14")]
    [InlineData("nike air force", "Giày thể thao Nike Air Force 1")]
    [InlineData("nuoc hoa dior", "Nước hoa Dior Sauvage")]
    [InlineData("ca phe trung nguyen", "Cà phê rang xay Trung Nguyên 500g")]
    [InlineData("airpods", "Tai nghe Bluetooth Apple AirPods Pro 2")]
    [InlineData("Biti's", "Giày thể thao Biti's Hunter X")]
    [InlineData("levis 511", "Quần jean nam slim fit Levi's")]
    [InlineData("xiaomi", "Điện thoại Xiaomi Redmi Note 13|Quạt điện Xiaomi Smart Fan 2|Máy lọc không khí Xiaomi Purifier 4")]
    // English (the descriptions).
    [InlineData("bluetooth speaker", Speakers)]
    [InlineData("wireless headphones", Headphones)]
    [InlineData("rice cooker", RiceCookers)]
    [InlineData("air purifier", Purifiers)]
    [InlineData("sneakers", Shoes)]
    [InlineData("sunscreen", Sunscreens)]
    [InlineData("yoga mat", Mats)]
    [InlineData("smartphone", Phones)]
    public void The_expected_products_come_first(string query, string expectedTitles)
    {
        var expected = expectedTitles.Split('|').Select(DemoLikeProducts.Titled).ToHashSet();

        var page = catalog.Index.Search(new SearchRequest { Text = query, First = expected.Count });

        var titles = page.Hits.Select(h => DemoLikeProducts.All.Single(p => p.Id == h.ProductId).Title).ToList();
        Assert.True(expected.SetEquals(page.Hits.Select(h => h.ProductId)),
            $"'{query}' gave [{string.Join(", ", titles)}], expected [{expectedTitles.Replace("|", ", ")}] first");
    }

    [Fact]
    public void There_are_at_least_forty_relevance_cases()
    {
        var cases = typeof(RelevanceTests).GetMethod(nameof(The_expected_products_come_first))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Length;
        Assert.True(cases >= 40, $"{cases} cases");
    }

    [Fact]
    public void A_phrase_ranks_above_the_same_words_scattered()
    {
        // "Áo dài" as a phrase beats a title that has "áo" and, elsewhere, a word like "dài"... none here has both apart, so
        // the check is that the phrase's products outrank every product matching one word only.
        var page = catalog.Index.Search(new SearchRequest { Text = "tai nghe bluetooth", First = 10 });
        var headphones = Headphones.Split('|').Select(DemoLikeProducts.Titled).ToHashSet();
        var speakers = Speakers.Split('|').Select(DemoLikeProducts.Titled).ToHashSet();
        var lastHeadphone = page.Hits.Select((h, i) => (h, i)).Where(x => headphones.Contains(x.h.ProductId)).Max(x => x.i);
        var firstSpeaker = page.Hits.Select((h, i) => (h, i)).Where(x => speakers.Contains(x.h.ProductId)).Select(x => x.i).DefaultIfEmpty(int.MaxValue).Min();
        Assert.True(lastHeadphone < firstSpeaker);
    }

    [Theory]
    [InlineData("iphone +15 -pro \"", "Điện thoại Apple iPhone 15 Pro")]
    [InlineData("iphone* 15?", "Điện thoại Apple iPhone 15")]
    [InlineData("(galaxy) [s24] \\ :", "Điện thoại Samsung Galaxy S24")]
    [InlineData("dien~ thoai^3 xiaomi", "Điện thoại Xiaomi Redmi Note 13")]
    public void Query_syntax_characters_are_plain_text(string query, string first)
    {
        var page = catalog.Index.Search(new SearchRequest { Text = query, First = 5 });

        // "-pro" did not exclude Pro, "*" and "~" did not widen, "^3" did not boost: the words were only words.
        Assert.Equal(DemoLikeProducts.Titled(first), page.Hits[0].ProductId);
    }

    [Fact]
    public void Text_made_only_of_punctuation_browses_everything()
    {
        var page = catalog.Index.Search(new SearchRequest { Text = "+-*?:()[]\\", First = 5 });

        Assert.Equal(DemoLikeProducts.All.Count, page.TotalCount);
    }

    /// <summary>The demo-like products in one index, shared by the class's tests.</summary>
    public sealed class Catalog : IDisposable
    {
        private readonly TemporaryIndex _index = new();

        public Catalog()
        {
            _index.Index.Upsert(DemoLikeProducts.All);
            _index.Index.Refresh();
        }

        public ISearchIndex Index => _index.Index;

        public void Dispose() => _index.Dispose();
    }
}
