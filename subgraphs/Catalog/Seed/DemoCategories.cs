using GoShop.Contracts.Demo;

namespace GoShop.Catalog.Seed;

/// <summary>A category of the demo tree: Vietnamese and English names, a slug, and its subcategories.</summary>
public sealed record DemoCategory(string Slug, string Name, string NameEn, IReadOnlyList<DemoCategory> Children)
{
    public DemoCategory(string slug, string name, string nameEn)
        : this(slug, name, nameEn, [])
    {
    }

    public Guid Id => DemoIds.For("category:" + Slug);
}

/// <summary>The demo category tree (development only): eight top-level categories matching the demo images.</summary>
public static class DemoCategories
{
    public static readonly IReadOnlyList<DemoCategory> Tree =
    [
        new("electronics", "Điện tử", "Electronics",
        [
            new("phones", "Điện thoại", "Phones"),
            new("laptops", "Máy tính xách tay", "Laptops"),
            new("audio", "Tai nghe & Loa", "Headphones & Speakers"),
            new("phone-accessories", "Phụ kiện điện thoại", "Phone accessories"),
        ]),
        new("fashion", "Thời trang", "Fashion",
        [
            new("mens-fashion", "Thời trang nam", "Men's fashion"),
            new("womens-fashion", "Thời trang nữ", "Women's fashion"),
            new("shoes", "Giày dép", "Shoes"),
            new("bags", "Túi xách & Balo", "Bags & Backpacks"),
        ]),
        new("home", "Nhà cửa & Đời sống", "Home & Living",
        [
            new("kitchen", "Đồ dùng nhà bếp", "Kitchen"),
            new("home-appliances", "Điện gia dụng", "Home appliances"),
            new("decor", "Trang trí nhà cửa", "Home decor"),
        ]),
        new("beauty", "Sắc đẹp", "Beauty",
        [
            new("skincare", "Chăm sóc da", "Skincare"),
            new("makeup", "Trang điểm", "Makeup"),
            new("fragrance", "Nước hoa", "Fragrance"),
        ]),
        new("food", "Thực phẩm & Đồ uống", "Food & Drinks",
        [
            new("coffee-tea", "Cà phê & Trà", "Coffee & Tea"),
            new("dried-seafood", "Hải sản khô", "Dried seafood"),
            new("snacks", "Bánh kẹo & Đồ ăn vặt", "Snacks"),
        ]),
        new("sports", "Thể thao & Dã ngoại", "Sports & Outdoors",
        [
            new("fitness", "Dụng cụ tập luyện", "Fitness"),
            new("racket-sports", "Cầu lông & Tennis", "Badminton & Tennis"),
            new("football", "Bóng đá", "Football"),
        ]),
        new("books", "Sách", "Books",
        [
            new("self-help", "Sách kỹ năng sống", "Self-help"),
            new("novels", "Tiểu thuyết", "Novels"),
            new("english-books", "Sách tiếng Anh", "English books"),
        ]),
        new("toys", "Đồ chơi & Mẹ bé", "Toys & Kids",
        [
            new("building-toys", "Đồ chơi lắp ráp", "Building toys"),
            new("plush-toys", "Thú nhồi bông", "Plush toys"),
            new("rc-toys", "Đồ chơi điều khiển", "Remote-control toys"),
        ]),
    ];

    /// <summary>Every subcategory with its top-level category's slug.</summary>
    public static IEnumerable<(DemoCategory Leaf, string TopLevel)> Leaves =>
        Tree.SelectMany(top => top.Children.Select(child => (child, top.Slug)));
}
