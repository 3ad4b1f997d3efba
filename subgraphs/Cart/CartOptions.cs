namespace GoShop.Cart;

/// <summary>Configuration section <c>Cart</c>.</summary>
public sealed class CartOptions
{
    public const string Section = "Cart";

    /// <summary>How long the Redis copy of a cart lives after its last write; it is rebuilt from PostgreSQL after that.</summary>
    public int CacheTtlSeconds { get; set; } = 1800;
}
