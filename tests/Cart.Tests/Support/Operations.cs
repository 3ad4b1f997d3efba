namespace GoShop.Cart.Tests.Support;

/// <summary>The GraphQL documents the tests send, as a frontend or the gateway would.</summary>
public static class Operations
{
    public const string Errors = "userErrors { code field message }";

    public const string ItemFields =
        "id product { id } variant { id } shop { id } title variantTitle image { id } quantity unitPrice { amount currency } " +
        "addedAtPrice { amount currency } priceChanged lineTotal { amount currency } availability available";

    public const string CartFields =
        "id itemCount updatedAt subtotal { amount currency } discount { amount currency } total { amount currency } items { " + ItemFields + " } " +
        "shops { shop { id } items { id } subtotal { amount } discount { amount } total { amount } " +
        "coupon { code applicable reason message promotionName discount { amount } } }";

    public const string Cart = "query { cart { " + CartFields + " } }";

    public const string AddToCart =
        "mutation Add($input: AddToCartInput!) { addToCart(input: $input) { cart { " + CartFields + " } item { " + ItemFields + " } " + Errors + " } }";

    public const string UpdateCartItem =
        "mutation Update($input: UpdateCartItemInput!) { updateCartItem(input: $input) { cart { " + CartFields + " } item { id quantity } " + Errors + " } }";

    public const string RemoveCartItem =
        "mutation Remove($input: RemoveCartItemInput!) { removeCartItem(input: $input) { cart { " + CartFields + " } " + Errors + " } }";

    public const string ClearCart = "mutation Clear($input: ClearCartInput) { clearCart(input: $input) { cart { " + CartFields + " } " + Errors + " } }";

    public const string ApplyCoupon =
        "mutation Apply($input: ApplyCouponInput!) { applyCoupon(input: $input) { cart { " + CartFields + " } " + Errors + " } }";

    public const string RemoveCoupon =
        "mutation RemoveCoupon($input: RemoveCouponInput!) { removeCoupon(input: $input) { cart { " + CartFields + " } " + Errors + " } }";

    private const string SavedCartFields = "id name itemCount createdAt items { product { id } variant { id } shop { id } quantity title variantTitle }";

    public const string SaveCart = "mutation Save($input: SaveCartInput!) { saveCart(input: $input) { savedCart { " + SavedCartFields + " } " + Errors + " } }";

    public const string SavedCarts = "query { savedCarts { " + SavedCartFields + " } }";

    public const string RestoreCart =
        "mutation Restore($input: RestoreCartInput!) { restoreCart(input: $input) { added cart { " + CartFields + " } " + Errors + " } }";

    public const string DeleteSavedCart =
        "mutation Delete($input: DeleteSavedCartInput!) { deleteSavedCart(input: $input) { deletedSavedCartId " + Errors + " } }";

    public const string ResolveCarts =
        "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cart { id itemCount items { quantity } } } }";

    public const string ResolveSavedCarts =
        "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on SavedCart { id name itemCount } } }";
}
