namespace GoShop.Catalog.Tests.Support;

/// <summary>The GraphQL documents the tests send, as a frontend or the gateway would.</summary>
public static class Operations
{
    public const string Errors = "userErrors { code field message }";

    public const string ProductFields =
        "id title description model status weightGrams ratingAverage soldCount createdAt shop { id } brand { id name slug } category { id slug } " +
        "attributes { name value } dimensions { lengthCm widthCm heightCm } price { amount currency } effectivePrice { amount currency } " +
        "discount { salePrice { amount } startsAt endsAt active percentOff } inventory { onHand reserved available lowStockThreshold isLowStock } " +
        "media { id } variants { id sku title price { amount } inventory { onHand reserved available } }";

    public const string CreateProduct =
        "mutation Create($input: CreateProductInput!) { createProduct(input: $input) { product { " + ProductFields + " } " + Errors + " } }";

    public const string UpdateProduct =
        "mutation Update($input: UpdateProductInput!) { updateProduct(input: $input) { product { " + ProductFields + " } " + Errors + " } }";

    public const string DeleteProduct =
        "mutation Delete($input: DeleteProductInput!) { deleteProduct(input: $input) { deletedProductId " + Errors + " } }";

    public const string CreateVariant =
        "mutation Variant($input: CreateProductVariantInput!) { createProductVariant(input: $input) { variant { id sku title options { name value } price { amount } effectivePrice { amount } inventory { onHand available } } product { id inventory { onHand available } } " + Errors + " } }";

    public const string UpdateVariant =
        "mutation UpdateVariant($input: UpdateProductVariantInput!) { updateProductVariant(input: $input) { variant { id sku title options { name value } price { amount } } product { id } " + Errors + " } }";

    public const string SetPrice =
        "mutation Price($input: SetProductPriceInput!) { setProductPrice(input: $input) { product { id price { amount currency } effectivePrice { amount } variants { id price { amount } } priceHistory { totalCount edges { node { variantId price { amount } previousPrice { amount } actorId changedAt } } } } " + Errors + " } }";

    public const string SetDiscount =
        "mutation Discount($input: SetProductDiscountInput!) { setProductDiscount(input: $input) { product { id price { amount } effectivePrice { amount } discount { salePrice { amount } active percentOff startsAt endsAt } } " + Errors + " } }";

    public const string RemoveDiscount =
        "mutation NoDiscount($input: RemoveProductDiscountInput!) { removeProductDiscount(input: $input) { product { id effectivePrice { amount } discount { active } } " + Errors + " } }";

    public const string AddMedia =
        "mutation AddMedia($input: AddProductMediaInput!) { addProductMedia(input: $input) { product { id media { id } } " + Errors + " } }";

    public const string RemoveMedia =
        "mutation RemoveMedia($input: RemoveProductMediaInput!) { removeProductMedia(input: $input) { product { id media { id } } " + Errors + " } }";

    public const string AdjustInventory =
        "mutation Adjust($input: AdjustInventoryInput!) { adjustInventory(input: $input) { product { id status inventory { onHand reserved available isLowStock } } variant { id inventory { onHand available } } movement { kind quantity onHandDelta reservedDelta onHandAfter reason actorId } " + Errors + " } }";

    public const string SetLowStockThreshold =
        "mutation Threshold($input: SetLowStockThresholdInput!) { setLowStockThreshold(input: $input) { product { id inventory { lowStockThreshold isLowStock } } " + Errors + " } }";

    public const string Product = "query Product($id: ID!) { product(id: $id) { " + ProductFields + " } }";

    public const string Movements =
        "query Movements($id: ID!) { product(id: $id) { inventory { onHand reserved movements(first: 50) { totalCount edges { node { kind quantity onHandDelta reservedDelta orderId checkoutId } } } } } }";

    public const string LowStock =
        "query Low($shopId: ID!) { lowStockProducts(shopId: $shopId) { totalCount edges { node { id inventory { available lowStockThreshold } } } } }";

    public const string Products =
        "query Products($where: ProductFilterInput, $order: ProductOrder, $first: Int, $after: String) { products(where: $where, order: $order, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title status soldCount ratingAverage createdAt effectivePrice { amount } } } } }";

    public const string Related = "query Related($id: ID!, $first: Int) { product(id: $id) { related(first: $first) { id title } } }";

    public const string CategoryFields = "id name nameEn slug depth parent { id } children { id slug } ancestors { id slug }";

    public const string CreateCategory =
        "mutation CreateCategory($input: CreateCategoryInput!) { createCategory(input: $input) { category { " + CategoryFields + " } " + Errors + " } }";

    public const string UpdateCategory =
        "mutation UpdateCategory($input: UpdateCategoryInput!) { updateCategory(input: $input) { category { " + CategoryFields + " } " + Errors + " } }";

    public const string DeleteCategory =
        "mutation DeleteCategory($input: DeleteCategoryInput!) { deleteCategory(input: $input) { deletedCategoryId " + Errors + " } }";

    public const string Category = "query Category($id: ID) { category(id: $id) { " + CategoryFields + " } }";

    public const string Categories = "{ categories { id slug children { id slug children { id slug } } } }";

    public const string ResolveProducts =
        "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { id title status price { amount currency } inventory { available } brand { name } category { slug } shop { id } media { id } } } }";

    public const string ShopProducts =
        "query($representations: [_Any!]!, $first: Int, $after: String) { _entities(representations: $representations) { ... on Shop { id products(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title shop { id } } } } } } }";
}
