namespace GoShop.Shops.Tests;

/// <summary>The GraphQL documents the tests send, as a frontend would.</summary>
public static class Operations
{
    private const string Errors = "userErrors { code field message }";

    public const string ShopFields =
        "id name slug description address city location { lat lng } contact { phone email } logo { id } banner { id } categories status owner { id } createdAt updatedAt closedAt";

    public const string CreateShop = "mutation Create($input: CreateShopInput!) { createShop(input: $input) { shop { " + ShopFields + " } " + Errors + " } }";

    public const string UpdateShop = "mutation Update($input: UpdateShopInput!) { updateShop(input: $input) { shop { " + ShopFields + " } " + Errors + " } }";

    public const string DeleteShop = "mutation Delete($input: DeleteShopInput!) { deleteShop(input: $input) { shop { id status closedAt } " + Errors + " } }";

    public const string SetShopStatus = "mutation SetStatus($input: SetShopStatusInput!) { setShopStatus(input: $input) { shop { id status } " + Errors + " } }";

    public const string ShopById = "query Shop($id: ID!) { shop(id: $id) { " + ShopFields + " } }";

    public const string ShopBySlug = "query Shop($slug: String!) { shopBySlug(slug: $slug) { id slug } }";

    public const string Shops =
        "query Shops($where: ShopFilterInput, $first: Int, $after: String) { shops(where: $where, first: $first, after: $after) { " +
        "totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id name status } } } }";

    public const string ShopsNear =
        "query Near($location: GeoPointInput!, $radiusKm: Float, $category: String, $first: Int) { " +
        "shopsNear(location: $location, radiusKm: $radiusKm, category: $category, first: $first) { distanceKm shop { id name } } }";

    private const string PromotionFields =
        "id name description couponCode type value minOrderValue { amount currency } maxDiscount { amount currency } usageLimit usageLimitPerUser usageCount " +
        "startsAt endsAt scope productIds status campaign { id } shop { id }";

    public const string CreatePromotion =
        "mutation Create($input: CreatePromotionInput!) { createPromotion(input: $input) { promotion { " + PromotionFields + " } " + Errors + " } }";

    public const string UpdatePromotion =
        "mutation Update($input: UpdatePromotionInput!) { updatePromotion(input: $input) { promotion { " + PromotionFields + " } " + Errors + " } }";

    public const string DeletePromotion =
        "mutation Delete($input: DeletePromotionInput!) { deletePromotion(input: $input) { promotion { id } " + Errors + " } }";

    public const string ShopPromotions =
        "query Promotions($id: ID!, $status: PromotionStatus) { shop(id: $id) { promotions(status: $status) { totalCount edges { node { id name status couponCode } } } } }";

    public const string CreateCampaign =
        "mutation Create($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id name status startsAt endsAt promotions { id } } " + Errors + " } }";

    public const string SetCampaignStatus =
        "mutation SetStatus($input: SetCampaignStatusInput!) { setCampaignStatus(input: $input) { campaign { id status startsAt } " + Errors + " } }";

    public const string ShopCampaigns =
        "query Campaigns($id: ID!, $status: CampaignStatus) { shop(id: $id) { campaigns(status: $status) { totalCount edges { node { id name status promotions { id } } } } } }";

    /// <summary>A shop in Hoàn Kiếm, Hanoi, with everything createShop accepts.</summary>
    public static Dictionary<string, object?> ShopInput(string name = "Điện Máy Xanh", double lat = 21.0285, double lng = 105.8542) => new()
    {
        ["name"] = name,
        ["description"] = "Điện thoại và máy tính chính hãng.",
        ["address"] = "35 Hàng Bài, Hoàn Kiếm, Hà Nội",
        ["city"] = "Hà Nội",
        ["location"] = new { lat, lng },
        ["phone"] = "+84 24 3825 1234",
        ["email"] = "shop@example.vn",
        ["categories"] = new[] { "electronics", "Home-Appliances " },
    };

    /// <summary>A 10%-off coupon promotion of a shop, valid from an hour ago for thirty days.</summary>
    public static Dictionary<string, object?> PromotionInput(Guid shopId, DateTimeOffset now, string? couponCode = "SALE10") => new()
    {
        ["shopId"] = shopId,
        ["name"] = "Giảm 10%",
        ["type"] = "PERCENTAGE",
        ["value"] = 10,
        ["minOrderValue"] = 100_000,
        ["maxDiscount"] = 50_000,
        ["usageLimit"] = 100,
        ["usageLimitPerUser"] = 2,
        ["startsAt"] = now.AddHours(-1),
        ["endsAt"] = now.AddDays(30),
        ["couponCode"] = couponCode,
    };

    /// <summary>The input with some fields replaced (null values are sent as null).</summary>
    public static Dictionary<string, object?> With(this Dictionary<string, object?> input, params (string Field, object? Value)[] changes)
    {
        var copy = new Dictionary<string, object?>(input);
        foreach (var (field, value) in changes)
            copy[field] = value;
        return copy;
    }
}
