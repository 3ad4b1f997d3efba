using GoShop.Search.Index;

namespace GoShop.Search.Tests.Support;

/// <summary>
/// Products shaped like catalog's demo data (the same title templates, brands and models, Vietnamese titles and English
/// descriptions), with stable ids by name so a relevance test can say which must come first.
/// </summary>
public static class DemoLikeProducts
{
    public static readonly Guid Phones = Id("category phones"), Laptops = Id("category laptops"), Electronics = Id("category electronics"),
        Audio = Id("category audio"), Accessories = Id("category phone accessories"), Fashion = Id("category fashion"), Shoes = Id("category shoes"),
        Kitchen = Id("category kitchen"), Home = Id("category home appliances"), Beauty = Id("category beauty"), Food = Id("category food"),
        Sport = Id("category fitness"), Bags = Id("category bags");

    public static readonly Guid ShopHanoi = Id("shop hanoi"), ShopSaigon = Id("shop saigon");

    private static readonly (Guid Category, Guid[] Path, string[] Names, string Title, string Description, (string Brand, string Model)[] Models, decimal Price)[] Templates =
    [
        (Phones, [Electronics, Phones], ["Điện tử", "Điện thoại"], "Điện thoại {brand} {model}", "{brand} {model} smartphone",
            [("Xiaomi", "Redmi Note 13"), ("Samsung", "Galaxy A55"), ("OPPO", "Reno 11"), ("Apple", "iPhone 15"), ("Samsung", "Galaxy S24"), ("Apple", "iPhone 15 Pro")], 5_000_000),
        (Laptops, [Electronics, Laptops], ["Điện tử", "Laptop"], "Laptop {brand} {model}", "{brand} {model} laptop",
            [("Asus", "Vivobook 15"), ("HP", "Pavilion 14"), ("Lenovo", "ThinkPad E14"), ("Apple", "MacBook Air M2"), ("Dell", "XPS 13")], 15_000_000),
        (Audio, [Electronics, Audio], ["Điện tử", "Âm thanh"], "Tai nghe Bluetooth {brand} {model}", "{brand} {model} wireless headphones",
            [("JBL", "Tune 520BT"), ("Soundcore", "Life Q30"), ("Apple", "AirPods Pro 2"), ("Sony", "WH-1000XM5")], 1_500_000),
        (Audio, [Electronics, Audio], ["Điện tử", "Âm thanh"], "Loa Bluetooth {brand} {model}", "{brand} {model} bluetooth speaker",
            [("Sony", "SRS-XB13"), ("JBL", "Flip 6"), ("Marshall", "Emberton II")], 2_000_000),
        (Accessories, [Electronics, Accessories], ["Điện tử", "Phụ kiện điện thoại"], "Sạc nhanh {brand} {model}", "{brand} {model} fast charger",
            [("Anker", "Nano 20W"), ("Baseus", "GaN 65W"), ("Ugreen", "Nexode 30W")], 300_000),
        (Accessories, [Electronics, Accessories], ["Điện tử", "Phụ kiện điện thoại"], "Ốp lưng {brand} {model}", "{brand} {model} phone case",
            [("Spigen", "Ultra Hybrid"), ("Ugreen", "Silicone"), ("Baseus", "Crystal")], 150_000),
        (Fashion, [Fashion], ["Thời trang"], "Áo thun cotton nam {brand}", "{brand} men's cotton T-shirt",
            [("Coolmate", "Basic"), ("Routine", "Regular fit"), ("Owen", "Premium")], 200_000),
        (Fashion, [Fashion], ["Thời trang"], "Quần jean nam slim fit {brand}", "{brand} men's slim fit jeans",
            [("Routine", "Slim"), ("Levi's", "511"), ("Owen", "Denim")], 600_000),
        (Fashion, [Fashion], ["Thời trang"], "Áo dài lụa truyền thống {brand}", "{brand} traditional silk áo dài",
            [("Lụa Hà Đông", "Classic"), ("Thời Trang Phố Cổ", "Tết")], 1_200_000),
        (Fashion, [Fashion], ["Thời trang"], "Váy liền thân công sở {brand}", "{brand} office midi dress",
            [("IVY moda", "Office"), ("Elise", "Midi"), ("Canifa", "Basic")], 700_000),
        (Shoes, [Fashion, Shoes], ["Thời trang", "Giày"], "Giày thể thao {brand} {model}", "{brand} {model} sneakers",
            [("Ananas", "Track 6"), ("Biti's", "Hunter X"), ("Nike", "Air Force 1"), ("Adidas", "Ultraboost")], 1_800_000),
        (Kitchen, [Home, Kitchen], ["Nhà cửa", "Nhà bếp"], "Nồi cơm điện {brand} 1.8L", "{brand} 1.8L rice cooker",
            [("Sharp", "KS-COM18"), ("Panasonic", "SR-CP188"), ("Sunhouse", "SHD8955")], 900_000),
        (Kitchen, [Home, Kitchen], ["Nhà cửa", "Nhà bếp"], "Chảo chống dính {brand} 26cm", "{brand} 26cm non-stick frying pan",
            [("Sunhouse", "Titan"), ("Lock&Lock", "Hard & Light"), ("Elmich", "Smartcook")], 350_000),
        (Home, [Home], ["Nhà cửa"], "Quạt điện {brand} {model}", "{brand} {model} electric fan",
            [("Xiaomi", "Smart Fan 2"), ("Panasonic", "F-409K"), ("Senko", "DH1600")], 800_000),
        (Home, [Home], ["Nhà cửa"], "Máy lọc không khí {brand} {model}", "{brand} {model} air purifier",
            [("Xiaomi", "Purifier 4"), ("Sharp", "FP-J30E"), ("Coway", "Storm")], 3_000_000),
        (Beauty, [Beauty], ["Làm đẹp"], "Sữa rửa mặt {brand} {model}", "{brand} {model} facial cleanser",
            [("Cetaphil", "Gentle"), ("La Roche-Posay", "Effaclar"), ("Cocoon", "Bí đao")], 250_000),
        (Beauty, [Beauty], ["Làm đẹp"], "Kem chống nắng {brand} SPF50", "{brand} SPF50 sunscreen",
            [("Anessa", "Perfect UV"), ("Skin Aqua", "Tone Up"), ("La Roche-Posay", "Anthelios")], 400_000),
        (Beauty, [Beauty], ["Làm đẹp"], "Nước hoa {brand} {model}", "{brand} {model} eau de parfum",
            [("Calvin Klein", "CK One"), ("Dior", "Sauvage"), ("Chanel", "Coco Mademoiselle")], 2_500_000),
        (Food, [Food], ["Thực phẩm"], "Cà phê rang xay {brand} 500g", "{brand} ground coffee 500g",
            [("Trung Nguyên", "Sáng tạo 4"), ("Highlands", "Truyền thống"), ("Phúc Long", "Arabica")], 180_000),
        (Food, [Food], ["Thực phẩm"], "Trà ô long {brand}", "{brand} oolong tea",
            [("Phúc Long", "Ô long"), ("Cầu Đất", "Đặc biệt")], 120_000),
        (Food, [Food], ["Thực phẩm"], "Mực khô Đà Nẵng {brand} 500g", "{brand} Da Nang dried squid 500g",
            [("Hải Sản Sông Hàn", "Loại 1"), ("Biển Đông", "Câu")], 700_000),
        (Food, [Food], ["Thực phẩm"], "Hạt điều rang muối {brand} 500g", "{brand} salted roasted cashews 500g",
            [("Bình Phước", "Loại A"), ("Vinanuts", "W320")], 200_000),
        (Sport, [Sport], ["Thể thao"], "Thảm tập yoga TPE 6mm {brand}", "{brand} 6mm TPE yoga mat",
            [("Adidas", "Essentials"), ("Reebok", "Studio"), ("Zeno", "Basic")], 250_000),
    ];

    /// <summary>Kinds of product only the large catalog has (the relevance tests' products are the ones above).</summary>
    private static readonly (Guid Category, Guid[] Path, string[] Names, string Title, string Description, (string Brand, string Model)[] Models, decimal Price)[] LargeOnly =
    [
        (Bags, [Fashion, Bags], ["Thời trang", "Túi xách"], "Balo laptop chống nước {brand}", "{brand} waterproof laptop backpack",
            [("Mikkor", "The Ives"), ("Sakos", "Urban"), ("Xiaomi", "Commuter")], 800_000),
    ];

    /// <summary>Every product: one per template and brand/model, prices spread around the template's, every third one in Hà Nội.</summary>
    public static IReadOnlyList<IndexedProduct> All { get; } = Build();

    public static Guid Id(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    /// <summary>The id of the product whose title this is (as the templates spell it).</summary>
    public static Guid Titled(string title) => All.Single(p => p.Title == title).Id;

    /// <summary>
    /// A catalog the size of <c>make bench</c>'s (catalog's <c>seed-large</c>): <paramref name="count"/> products drawn at random
    /// (fixed seed) from the same templates, a quarter with English titles, a third with a colour after the title, prices
    /// spread around the template's, one in ten out of stock, a third never rated, spread over 40 shops across Việt Nam.
    /// </summary>
    public static IReadOnlyList<IndexedProduct> Large(int count)
    {
        string[] colours = ["Đen", "Trắng", "Xanh dương", "Đỏ", "Xám", "Hồng", "Xanh lá", "Be"];
        var templates = Templates.Concat(LargeOnly).ToArray();
        var random = new Random(100_000);
        var shops = Enumerable.Range(0, 40).Select(i => (Id: Id("large shop " + i), Lat: 10 + random.NextDouble() * 11, Lng: 105 + random.NextDouble() * 2.5)).ToArray();
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var products = new List<IndexedProduct>(count);
        for (var n = 0; n < count; n++)
        {
            var (category, path, names, title, description, models, price) = templates[random.Next(templates.Length)];
            var (brand, model) = models[random.Next(models.Length)];
            var english = random.Next(4) == 0;
            var name = (english ? description : title).Replace("{brand}", brand).Replace("{model}", model);
            if (random.Next(3) == 0)
                name += " " + colours[random.Next(colours.Length)];
            var rated = random.Next(3) != 0;
            var ratings = rated ? random.Next(1, 500) : 0;
            var shop = shops[random.Next(shops.Length)];
            products.Add(new IndexedProduct(Id("large product " + n), shop.Id, name,
                english ? $"Genuine {brand} product, {model}. Ships from Vietnam within 24 hours; 7-day returns."
                    : $"Hàng chính hãng {brand}, mẫu {model}. Giao hàng toàn quốc trong 24 giờ, đổi trả trong 7 ngày.",
                brand, model, category, path, names, Math.Round(price * (decimal)(0.5 + random.NextDouble() * 1.5) / 1000m) * 1000m, "VND",
                InStock: random.Next(10) != 0, Rating: rated ? Math.Round((decimal)(3 + random.NextDouble() * 2), 1) : 0, RatingCount: ratings,
                SoldCount: rated ? ratings * random.Next(2, 8) : random.Next(5), created.AddSeconds(n * 30), shop.Lat, shop.Lng));
        }
        return products;
    }

    private static List<IndexedProduct> Build()
    {
        var products = new List<IndexedProduct>();
        var created = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (category, path, names, title, description, models, price) in Templates)
        {
            foreach (var (brand, model) in models)
            {
                var n = products.Count;
                var name = title.Replace("{brand}", brand).Replace("{model}", model);
                var hanoi = n % 3 == 0;
                products.Add(new IndexedProduct(Id("product " + name), hanoi ? ShopHanoi : ShopSaigon, name,
                    description.Replace("{brand}", brand).Replace("{model}", model), brand, model, category, path, names,
                    price + n * 10_000m, "VND", InStock: n % 7 != 3, Rating: (n * 37 % 50) / 10m, RatingCount: n % 11, SoldCount: n * 13 % 97,
                    created.AddHours(n), hanoi ? 21.0285 : 10.7769, hanoi ? 105.8542 : 106.7009));
            }
        }
        return products;
    }
}

/// <summary>A Lucene index in a folder of its own, deleted afterwards.</summary>
public sealed class TemporaryIndex : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "goshop-search-tests", Guid.NewGuid().ToString("N"));

    public TemporaryIndex()
    {
        Index = Open();
    }

    public Index.Lucene.LuceneSearchIndex Index { get; private set; }

    public Index.Lucene.LuceneSearchIndex Open() =>
        new(Microsoft.Extensions.Options.Options.Create(new SearchOptions { IndexPath = _path }));

    /// <summary>Closes the index and opens it again from disk (a restart).</summary>
    public void Reopen()
    {
        Index.Dispose();
        Index = Open();
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
