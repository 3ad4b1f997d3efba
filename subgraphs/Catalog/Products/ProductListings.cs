using GoShop.BuildingBlocks.Domain;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Shops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GoShop.Catalog.Products;

/// <summary>
/// A seller's products and their variants: listing, describing, taking off sale. Every change locks the product's
/// stock rows first (the order reservations take them in), is checked against the shop's access, and is announced
/// through the outbox in the same transaction.
/// </summary>
public sealed class ProductListings(
    CatalogDbContext db,
    ShopAccess access,
    StockLedger ledger,
    BrandRegistry brands,
    ProductEvents events,
    TimeProvider clock)
{
    public const int DefaultLowStockThreshold = 5;

    public async Task<Result<Product>> CreateAsync(NewProduct request, Guid actorId, CancellationToken cancellationToken)
    {
        if (await access.CheckCanManageAsync(request.ShopId, cancellationToken) is { } denied)
            return denied;
        if (request.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            return CatalogErrors.CategoryNotFound;

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var brandId = request.Brand is { } brandName ? (await brands.FindOrCreateAsync(brandName, cancellationToken)).Id : (Guid?)null;
        var details = new ProductDetails(request.Title, request.Description, brandId, request.Model, request.CategoryId,
            request.Attributes, request.WeightGrams, request.Dimensions);
        var listed = Product.List(request.ShopId, details, request.Price, request.Publish,
            request.LowStockThreshold ?? DefaultLowStockThreshold, now);
        var product = listed.Value!;
        db.Products.Add(product);
        db.PriceChanges.Add(PriceChange.Record(product.Id, null, null, product.Price, product.Currency, actorId, now));
        var stock = StockLedger.ForNewProduct(product);
        ledger.Open(stock, product, null, request.InitialStock, actorId, now);
        ledger.Settle(stock, now);
        await events.CreatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    public async Task<Result<Product>> UpdateAsync(ProductEdit edit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await ledger.LockForChangeAsync(edit.ProductId, access, cancellationToken);
        if (!locked.Succeeded)
            return locked.Error;
        var (stock, product) = locked.Value;
        if (edit.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            return CatalogErrors.CategoryNotFound;

        var now = clock.GetUtcNow();
        var current = product.Details;
        var brandId = edit.Brand is null ? current.BrandId
            : edit.Brand.Length > 0 ? (await brands.FindOrCreateAsync(edit.Brand, cancellationToken)).Id
            : null;
        product.Describe(new ProductDetails(
            edit.Title ?? current.Title,
            edit.Description is null ? current.Description : RemovedWhenEmpty(edit.Description),
            brandId,
            edit.Model is null ? current.Model : RemovedWhenEmpty(edit.Model),
            edit.CategoryId ?? current.CategoryId,
            edit.Attributes ?? current.Attributes,
            edit.WeightGrams ?? current.WeightGrams,
            edit.Dimensions ?? current.Dimensions), now);
        if (edit.LowStockThreshold is { } threshold)
            product.SetLowStockThreshold(threshold, now);
        if (edit.Status is { } status)
        {
            var changed = product.ChangeStatus(status, stock.AvailableOf(product.Id), now);
            if (!changed.Succeeded)
                return changed.Error;
        }
        await events.UpdatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    /// <summary>Takes a product off sale for good; refused while a checkout holds some of it.</summary>
    public async Task<Result<Product>> DeleteAsync(Guid productId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await ledger.LockForChangeAsync(productId, access, cancellationToken);
        if (!locked.Succeeded)
            return locked.Error;
        var (stock, product) = locked.Value;
        if (stock.Rows.Any(r => r.LiveReserved(stock.ExpiredHeld(r)) > 0))
            return new DomainError("PRODUCT_RESERVED", "Checkouts hold some of this product; try again once they complete or expire.", "productId");
        var now = clock.GetUtcNow();
        product.Delete(now);
        events.Deleted(product, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    public async Task<Result<ProductWithVariant>> CreateVariantAsync(NewVariant request, Guid actorId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await ledger.LockForChangeAsync(request.ProductId, access, cancellationToken);
        if (!locked.Succeeded)
            return locked.Error;
        var (stock, product) = locked.Value;
        if (await db.Variants.AnyAsync(v => v.ShopId == product.ShopId && v.Sku == request.Sku, cancellationToken))
            return CatalogErrors.SkuTaken;
        if (await db.Variants.CountAsync(v => v.ProductId == product.Id, cancellationToken) >= Product.MaxVariants)
            return CatalogErrors.TooManyVariants;

        var now = clock.GetUtcNow();
        var variant = ProductVariant.Create(product, request.Sku, request.Options, request.Price, now).Value!;
        db.Variants.Add(variant);
        db.PriceChanges.Add(PriceChange.Record(product.Id, variant.Id, null, variant.Price, product.Currency, actorId, now));
        ledger.Open(stock, product, variant, request.InitialStock, actorId, now);
        ledger.Settle(stock, now);
        await events.UpdatedAsync(product, now, cancellationToken);
        return await SaveVariantAsync(transaction, variant, product, cancellationToken);
    }

    public async Task<Result<ProductWithVariant>> UpdateVariantAsync(VariantEdit edit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var variant = await db.Variants.FromSql($"SELECT * FROM product_variants WHERE id = {edit.VariantId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        var product = variant is null
            ? null
            : await db.Products.SingleOrDefaultAsync(p => p.Id == variant.ProductId && p.DeletedAt == null, cancellationToken);
        if (variant is null || product is null)
            return CatalogErrors.UnknownVariant;
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return denied;
        if (edit.Sku is not null && edit.Sku != variant.Sku
            && await db.Variants.AnyAsync(v => v.ShopId == product.ShopId && v.Sku == edit.Sku && v.Id != variant.Id, cancellationToken))
        {
            return CatalogErrors.SkuTaken;
        }

        var now = clock.GetUtcNow();
        variant.Update(edit.Sku, edit.Options, now);
        await events.UpdatedAsync(product, now, cancellationToken);
        return await SaveVariantAsync(transaction, variant, product, cancellationToken);
    }

    /// <summary>Commits a new or changed variant; SKU_TAKEN when another variant took the SKU after it was checked.</summary>
    private async Task<Result<ProductWithVariant>> SaveVariantAsync(IDbContextTransaction transaction, ProductVariant variant, Product product,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return CatalogErrors.SkuTaken;
        }
        await transaction.CommitAsync(cancellationToken);
        return new ProductWithVariant(product, variant);
    }

    private static string? RemovedWhenEmpty(string text) => text.Length == 0 ? null : text;
}
