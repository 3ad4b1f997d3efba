using GoShop.BuildingBlocks.Data;
using GoShop.Cart.Caching;
using GoShop.Cart.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.Data;

public sealed class CartDbContext(DbContextOptions<CartDbContext> options) : GoShopDbContext(options)
{
    public DbSet<ShoppingCart> Carts => Set<ShoppingCart>();

    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<CartCoupon> CartCoupons => Set<CartCoupon>();

    public DbSet<SavedCart> SavedCarts => Set<SavedCart>();

    public DbSet<SavedCartItem> SavedCartItems => Set<SavedCartItem>();

    public DbSet<ProductCopy> ProductCopies => Set<ProductCopy>();

    public DbSet<VariantCopy> VariantCopies => Set<VariantCopy>();

    public DbSet<LinesRequest> LinesRequests => Set<LinesRequest>();

    /// <summary>The carts this unit of work changed, as they will be once it commits (see <see cref="CartCacheRefresher"/>).</summary>
    internal Dictionary<Guid, CartState> PendingCacheWrites { get; } = [];

    /// <summary>
    /// The buyer's cart with its lines and coupons, or null when the buyer has none, locked until the transaction ends:
    /// changes to one cart run one after another, so two requests adding at once never lose a quantity.
    /// </summary>
    public async Task<ShoppingCart?> LockCartAsync(Guid userId, CancellationToken cancellationToken)
    {
        var cart = await Carts.FromSql($"SELECT * FROM carts WHERE user_id = {userId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (cart is null)
            return null;
        await Entry(cart).Collection(c => c.Items).LoadAsync(cancellationToken);
        await Entry(cart).Collection(c => c.Coupons).LoadAsync(cancellationToken);
        return cart;
    }

    /// <summary>
    /// The buyer's cart, opened when the buyer has none, locked like <see cref="LockCartAsync"/>. Two first adds at once
    /// both insert only if absent, so they end up on one cart; a transaction that fails takes the new cart back.
    /// </summary>
    public async Task<ShoppingCart> LockOrOpenCartAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = ShoppingCart.Open(userId, now);
        await Database.ExecuteSqlAsync(
            $"""
            INSERT INTO carts (id, user_id, version, created_at, updated_at)
            VALUES ({fresh.Id}, {userId}, {fresh.Version}, {fresh.CreatedAt}, {fresh.UpdatedAt})
            ON CONFLICT (user_id) DO NOTHING
            """,
            cancellationToken);
        var cart = (await LockCartAsync(userId, cancellationToken))!;
        cart.EnsureOpened(now);
        return cart;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("citext");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CartDbContext).Assembly);
    }
}
