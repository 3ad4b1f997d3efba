namespace GoShop.Contracts.Demo;

/// <summary>One of the shops <c>make up</c> seeds: fixed ids and real coordinates in Hanoi, Da Nang and Ho Chi Minh City.</summary>
public sealed record DemoShop(
    Guid Id,
    string Name,
    string Slug,
    string Description,
    string Address,
    string City,
    double Latitude,
    double Longitude,
    IReadOnlyList<string> Categories);

/// <summary>
/// The demo shops, owned by the demo seller (development only). Shops seeds them; catalog seeds its copy of them and
/// their products from the same list, so the two never disagree.
/// </summary>
public static class DemoShops
{
    public static Guid OwnerId => DemoAccounts.SellerId;

    public static readonly IReadOnlyList<DemoShop> All =
    [
        new(Id(1), "Điện Máy Hoàn Kiếm", "dien-may-hoan-kiem", "Điện thoại, máy tính và phụ kiện chính hãng giữa phố cổ.",
            "35 Hàng Bài, Hoàn Kiếm, Hà Nội", "Hà Nội", 21.0245, 105.8530, ["electronics"]),
        new(Id(2), "Thời Trang Phố Cổ", "thoi-trang-pho-co", "Áo dài, áo thun và phụ kiện thời trang may tại Hà Nội.",
            "12 Hàng Gai, Hoàn Kiếm, Hà Nội", "Hà Nội", 21.0330, 105.8505, ["fashion"]),
        new(Id(3), "Nhà Xinh Cầu Giấy", "nha-xinh-cau-giay", "Đồ gia dụng và nội thất nhỏ cho căn hộ.",
            "241 Xuân Thủy, Cầu Giấy, Hà Nội", "Hà Nội", 21.0368, 105.7826, ["home"]),
        new(Id(4), "Cà Phê Tây Hồ", "ca-phe-tay-ho", "Cà phê rang xay, trà và đặc sản Tây Bắc.",
            "58 Quảng An, Tây Hồ, Hà Nội", "Hà Nội", 21.0655, 105.8262, ["food"]),
        new(Id(5), "Đà Nẵng Beauty", "da-nang-beauty", "Mỹ phẩm chính hãng và chăm sóc da.",
            "120 Bạch Đằng, Hải Châu, Đà Nẵng", "Đà Nẵng", 16.0714, 108.2241, ["beauty"]),
        new(Id(6), "Hải Sản Sông Hàn", "hai-san-song-han", "Hải sản khô và đặc sản miền Trung.",
            "25 Trần Hưng Đạo, Sơn Trà, Đà Nẵng", "Đà Nẵng", 16.0600, 108.2300, ["food"]),
        new(Id(7), "Sài Gòn Tech", "sai-gon-tech", "Laptop, điện thoại, tai nghe và đồ công nghệ.",
            "55 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh", "TP. Hồ Chí Minh", 10.7740, 106.7030, ["electronics"]),
        new(Id(8), "Bến Thành Fashion", "ben-thanh-fashion", "Quần áo, giày dép và túi xách cho mọi lứa tuổi.",
            "Chợ Bến Thành, Lê Lợi, Quận 1, TP. Hồ Chí Minh", "TP. Hồ Chí Minh", 10.7725, 106.6980, ["fashion"]),
        new(Id(9), "Gia Dụng Thảo Điền", "gia-dung-thao-dien", "Đồ bếp, đồ điện gia dụng và trang trí nhà cửa.",
            "10 Quốc Hương, Thảo Điền, TP. Thủ Đức, TP. Hồ Chí Minh", "TP. Hồ Chí Minh", 10.8030, 106.7350, ["home", "electronics"]),
        new(Id(10), "Mỹ Phẩm Phú Nhuận", "my-pham-phu-nhuan", "Son, kem dưỡng và nước hoa.",
            "200 Phan Xích Long, Phú Nhuận, TP. Hồ Chí Minh", "TP. Hồ Chí Minh", 10.8000, 106.6870, ["beauty"]),
    ];

    private static Guid Id(int n) => Guid.Parse($"01900000-0000-7000-8000-0000000001{n:D2}");
}
