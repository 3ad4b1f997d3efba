using GoShop.Catalog.Domain;

namespace GoShop.Catalog.Seed;

/// <summary>A product the demo or benchmark seed lists.</summary>
public sealed record GeneratedProduct(
    string Title,
    string Description,
    string? Brand,
    string? Model,
    string CategorySlug,
    string TopLevelSlug,
    decimal Price,
    int Stock,
    int WeightGrams,
    IReadOnlyList<NameValue> Attributes,
    IReadOnlyList<string> Sizes);

/// <summary>
/// Realistic Vietnamese and English product listings from templates, deterministic for a given seed: the same
/// <see cref="Random"/> seed always gives the same products.
/// </summary>
public sealed class DemoProductGenerator(int seed)
{
    /// <summary>A kind of product; <c>Makes</c> are listed cheapest first, and each is priced at its place in the range.</summary>
    private sealed record Template(string Category, string Vietnamese, string English, (string Brand, string Model)[] Makes,
        int MinPrice, int MaxPrice, int WeightGrams, string[]? Sizes = null);

    private static readonly Template[] Templates =
    [
        new("phones", "Điện thoại {brand} {model}", "{brand} {model} smartphone",
            [("Xiaomi", "Redmi Note 13"), ("Samsung", "Galaxy A55"), ("OPPO", "Reno 11"), ("Apple", "iPhone 15"), ("Samsung", "Galaxy S24"), ("Apple", "iPhone 15 Pro")],
            4_500_000, 28_000_000, 200),
        new("laptops", "Laptop {brand} {model}", "{brand} {model} laptop",
            [("Asus", "Vivobook 15"), ("HP", "Pavilion 14"), ("Lenovo", "ThinkPad E14"), ("Apple", "MacBook Air M2"), ("Dell", "XPS 13")],
            12_000_000, 36_000_000, 1_500),
        new("audio", "Tai nghe Bluetooth {brand} {model}", "{brand} {model} wireless headphones",
            [("JBL", "Tune 520BT"), ("Soundcore", "Life Q30"), ("Apple", "AirPods Pro 2"), ("Sony", "WH-1000XM5")],
            1_000_000, 7_500_000, 300),
        new("audio", "Loa Bluetooth {brand} {model}", "{brand} {model} bluetooth speaker",
            [("Sony", "SRS-XB13"), ("JBL", "Flip 6"), ("Marshall", "Emberton II")],
            900_000, 4_500_000, 600),
        new("phone-accessories", "Sạc nhanh {brand} {model}", "{brand} {model} fast charger",
            [("Anker", "Nano 20W"), ("Baseus", "GaN 65W"), ("Ugreen", "Nexode 30W")],
            150_000, 1_000_000, 100),
        new("phone-accessories", "Ốp lưng {brand} {model}", "{brand} {model} phone case",
            [("Spigen", "Ultra Hybrid"), ("Ugreen", "Silicone"), ("Baseus", "Crystal")],
            80_000, 400_000, 50),
        new("mens-fashion", "Áo thun cotton nam {brand}", "{brand} men's cotton T-shirt",
            [("Coolmate", "Basic"), ("Routine", "Regular fit"), ("Owen", "Premium")],
            150_000, 450_000, 200, ["S", "M", "L", "XL"]),
        new("mens-fashion", "Quần jean nam slim fit {brand}", "{brand} men's slim fit jeans",
            [("Routine", "Slim"), ("Levi's", "511"), ("Owen", "Denim")],
            300_000, 1_200_000, 500, ["29", "30", "31", "32"]),
        new("womens-fashion", "Áo dài lụa truyền thống {brand}", "{brand} traditional silk áo dài",
            [("Lụa Hà Đông", "Classic"), ("Thời Trang Phố Cổ", "Tết")],
            600_000, 3_000_000, 400, ["S", "M", "L"]),
        new("womens-fashion", "Váy liền thân công sở {brand}", "{brand} office midi dress",
            [("IVY moda", "Office"), ("Elise", "Midi"), ("Canifa", "Basic")],
            300_000, 1_500_000, 300, ["S", "M", "L"]),
        new("shoes", "Giày thể thao {brand} {model}", "{brand} {model} sneakers",
            [("Ananas", "Track 6"), ("Biti's", "Hunter X"), ("Nike", "Air Force 1"), ("Adidas", "Ultraboost")],
            500_000, 4_000_000, 800, ["39", "40", "41", "42"]),
        new("bags", "Balo laptop chống nước {brand}", "{brand} waterproof laptop backpack",
            [("Mikkor", "The Ives"), ("Sakos", "Urban"), ("Xiaomi", "Commuter")],
            300_000, 1_500_000, 900),
        new("kitchen", "Nồi cơm điện {brand} 1.8L", "{brand} 1.8L rice cooker",
            [("Sharp", "KS-COM18"), ("Panasonic", "SR-CP188"), ("Sunhouse", "SHD8955")],
            600_000, 3_500_000, 3_000),
        new("kitchen", "Chảo chống dính {brand} 26cm", "{brand} 26cm non-stick frying pan",
            [("Sunhouse", "Titan"), ("Lock&Lock", "Hard & Light"), ("Elmich", "Smartcook")],
            150_000, 900_000, 1_000),
        new("home-appliances", "Quạt điện {brand} {model}", "{brand} {model} electric fan",
            [("Xiaomi", "Smart Fan 2"), ("Panasonic", "F-409K"), ("Senko", "DH1600")],
            300_000, 3_000_000, 4_000),
        new("home-appliances", "Máy lọc không khí {brand} {model}", "{brand} {model} air purifier",
            [("Xiaomi", "Purifier 4"), ("Sharp", "FP-J30E"), ("Coway", "Storm")],
            2_000_000, 8_000_000, 6_000),
        new("decor", "Đèn bàn LED {brand}", "{brand} LED desk lamp",
            [("Rạng Đông", "RD-RL-26"), ("Xiaomi", "Lamp 1S"), ("Philips", "Reading")],
            150_000, 1_200_000, 700),
        new("skincare", "Sữa rửa mặt {brand} {model}", "{brand} {model} facial cleanser",
            [("Cetaphil", "Gentle"), ("La Roche-Posay", "Effaclar"), ("Cocoon", "Bí đao")],
            100_000, 500_000, 250),
        new("skincare", "Kem chống nắng {brand} SPF50", "{brand} SPF50 sunscreen",
            [("Anessa", "Perfect UV"), ("Skin Aqua", "Tone Up"), ("La Roche-Posay", "Anthelios")],
            150_000, 700_000, 100),
        new("makeup", "Son kem lì {brand} {model}", "{brand} {model} matte liquid lipstick",
            [("Maybelline", "SuperStay"), ("3CE", "Velvet Lip Tint"), ("Black Rouge", "Air Fit")],
            120_000, 500_000, 50),
        new("fragrance", "Nước hoa {brand} {model}", "{brand} {model} eau de parfum",
            [("Calvin Klein", "CK One"), ("Dior", "Sauvage"), ("Chanel", "Coco Mademoiselle")],
            1_000_000, 4_500_000, 300),
        new("coffee-tea", "Cà phê rang xay {brand} 500g", "{brand} ground coffee 500g",
            [("Trung Nguyên", "Sáng tạo 4"), ("Highlands", "Truyền thống"), ("Phúc Long", "Arabica")],
            90_000, 350_000, 550),
        new("coffee-tea", "Trà ô long {brand}", "{brand} oolong tea",
            [("Phúc Long", "Ô long"), ("Cầu Đất", "Đặc biệt")],
            80_000, 300_000, 250),
        new("dried-seafood", "Mực khô Đà Nẵng {brand} 500g", "{brand} Da Nang dried squid 500g",
            [("Hải Sản Sông Hàn", "Loại 1"), ("Biển Đông", "Câu")],
            400_000, 1_200_000, 550),
        new("snacks", "Hạt điều rang muối {brand} 500g", "{brand} salted roasted cashews 500g",
            [("Bình Phước", "Loại A"), ("Vinanuts", "W320")],
            150_000, 400_000, 550),
        new("snacks", "Bánh pía Sóc Trăng {brand}", "{brand} Soc Trang durian pastry",
            [("Tân Huê Viên", "Sầu riêng"), ("Quảng Trân", "Đậu xanh")],
            60_000, 200_000, 500),
        new("fitness", "Thảm tập yoga TPE 6mm {brand}", "{brand} 6mm TPE yoga mat",
            [("Adidas", "Essentials"), ("Reebok", "Studio"), ("Zeno", "Basic")],
            150_000, 800_000, 1_000),
        new("racket-sports", "Vợt cầu lông {brand} {model}", "{brand} {model} badminton racket",
            [("Yonex", "Astrox 88D"), ("Lining", "Windstorm 72"), ("Victor", "Thruster K")],
            500_000, 4_000_000, 300),
        new("football", "Bóng đá {brand} số 5", "{brand} size 5 football",
            [("Động Lực", "UHV 2.07"), ("Adidas", "Tango"), ("Nike", "Strike")],
            200_000, 1_500_000, 450),
        new("self-help", "Sách {model}", "{model} (book)",
            [("Nhà xuất bản Trẻ", "Đắc Nhân Tâm"), ("Nhã Nam", "Nhà Giả Kim"), ("Nhà xuất bản Trẻ", "Tuổi Trẻ Đáng Giá Bao Nhiêu")],
            60_000, 200_000, 300),
        new("novels", "Tiểu thuyết {model}", "{model} (novel)",
            [("Nhã Nam", "Mắt Biếc"), ("Nhà xuất bản Trẻ", "Cho Tôi Xin Một Vé Đi Tuổi Thơ"), ("Nhã Nam", "Rừng Na Uy")],
            70_000, 250_000, 350),
        new("english-books", "Sách {model} (bản tiếng Anh)", "{model} (English edition)",
            [("Penguin", "Atomic Habits"), ("HarperCollins", "The Alchemist"), ("Penguin", "Sapiens")],
            180_000, 450_000, 400),
        new("building-toys", "Bộ xếp hình {brand} {model}", "{brand} {model} building set",
            [("LEGO", "Classic 11013"), ("LEGO", "City 60367"), ("Sluban", "Town")],
            200_000, 2_500_000, 700),
        new("plush-toys", "Gấu bông {brand} {model}", "{brand} {model} plush bear",
            [("Teddy", "60cm"), ("Miniso", "We Bare Bears")],
            100_000, 600_000, 500),
        new("rc-toys", "Xe điều khiển từ xa {brand} {model}", "{brand} {model} remote-control car",
            [("Vecto", "Off-road"), ("Hot Wheels", "RC Racer")],
            250_000, 2_000_000, 900),
    ];

    private static readonly string[] Colours = ["Đen", "Trắng", "Xanh dương", "Đỏ", "Xám", "Hồng", "Xanh lá", "Be"];
    private static readonly string[] Origins = ["Việt Nam", "Hàn Quốc", "Nhật Bản", "Trung Quốc", "Thái Lan", "Mỹ"];

    private static readonly Dictionary<string, string> TopLevelOf = DemoCategories.Leaves.ToDictionary(l => l.Leaf.Slug, l => l.TopLevel);

    private readonly Random _random = new(seed);

    /// <summary>Every brand the templates name, so seeds can create them up front.</summary>
    public static IEnumerable<string> Brands => Templates.SelectMany(t => t.Makes.Select(m => m.Brand)).Distinct();

    /// <summary>A listing in one of the top-level categories given (any category when none).</summary>
    public GeneratedProduct Next(IReadOnlyCollection<string>? topLevelSlugs = null)
    {
        var candidates = topLevelSlugs is { Count: > 0 }
            ? Templates.Where(t => topLevelSlugs.Contains(TopLevelOf[t.Category])).ToArray()
            : Templates;
        var template = candidates[_random.Next(candidates.Length)];
        var make = _random.Next(template.Makes.Length);
        var (brand, model) = template.Makes[make];
        var english = _random.Next(4) == 0;
        var colour = Colours[_random.Next(Colours.Length)];
        var title = (english ? template.English : template.Vietnamese).Replace("{brand}", brand).Replace("{model}", model);
        if (template.Sizes is null && _random.Next(3) == 0)
            title += " " + colour;
        // Makes are listed cheapest first: each sits at its place in the template's range, give or take 10%.
        var place = template.Makes.Length == 1 ? 0.5 : (double)make / (template.Makes.Length - 1);
        var typical = template.MinPrice + place * (template.MaxPrice - template.MinPrice);
        var price = RoundPrice(Math.Clamp(typical * (0.9 + 0.2 * _random.NextDouble()), template.MinPrice, template.MaxPrice));
        var origin = Origins[_random.Next(Origins.Length)];
        var description = english
            ? $"Genuine {brand} product, {model}. Ships from Vietnam within 24 hours; 7-day returns."
            : $"Hàng chính hãng {brand}, mẫu {model}. Giao hàng toàn quốc trong 24 giờ, đổi trả trong 7 ngày. Xuất xứ: {origin}.";
        var stock = _random.Next(10) == 0 ? 0 : _random.Next(1, 200);
        return new GeneratedProduct(title, description, brand, model, template.Category, TopLevelOf[template.Category], price, stock,
            template.WeightGrams, [new NameValue("Xuất xứ", origin), new NameValue("Màu sắc", colour)], template.Sizes ?? []);
    }

    /// <summary>A rating average and count, as reviews might have left them (0 and 0 for about a third).</summary>
    public (decimal Average, int Count, int Sold) NextPopularity()
    {
        if (_random.Next(3) == 0)
            return (0, 0, _random.Next(0, 5));
        var count = _random.Next(1, 500);
        var average = Math.Round((decimal)(3 + _random.NextDouble() * 2), 1);
        return (average, count, count * _random.Next(2, 8));
    }

    private static decimal RoundPrice(double price) => (decimal)(Math.Round(price / 1_000) * 1_000);
}
