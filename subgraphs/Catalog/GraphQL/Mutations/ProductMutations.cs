using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Products;
using GoShop.Contracts.Media;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Catalog.GraphQL.Mutations.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

/// <summary>createProduct, updateProduct, deleteProduct, createProductVariant, addProductMedia and removeProductMedia.</summary>
public sealed class ProductMutations(
    CatalogDbContext db,
    ShopAccess access,
    StockLedger ledger,
    BrandRegistry brands,
    ProductEvents events,
    MediaDirectory mediaDirectory,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<ProductMutations> logger)
{
    public const int DefaultLowStockThreshold = 5;
    public const int MaxStock = 1_000_000;
    public const int MaxWeightGrams = 1_000_000;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateProductPayloadType>, ProductPayload>("createProduct")
            .Description("Lists a product in a shop you own, with its price and opening stock.")
            .Authorize()
            .Argument<NonNullGraphType<CreateProductInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProductMutations>().CreateAsync(context.GetArgument<CreateProductInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateProductPayloadType>, ProductPayload>("updateProduct")
            .Description("Changes a product's details or status. Fields left out stay as they are.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateProductInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProductMutations>().UpdateAsync(context.GetArgument<UpdateProductInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteProductPayloadType>, DeleteProductPayload>("deleteProduct")
            .Description("Takes a product off sale for good. Refused while checkouts hold some of it.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteProductInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProductMutations>().DeleteAsync(context.GetArgument<DeleteProductInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<CreateProductVariantPayloadType>, VariantPayload>("createProductVariant")
            .Description("Adds a variant (colour, size...) with its own SKU, price and opening stock.")
            .Authorize()
            .Argument<NonNullGraphType<CreateProductVariantInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProductMutations>().CreateVariantAsync(context.GetArgument<CreateProductVariantInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateProductVariantPayloadType>, VariantPayload>("updateProductVariant")
            .Description("Changes a variant's SKU or option values. Its price and stock have their own mutations (setProductPrice, adjustInventory).")
            .Authorize()
            .Argument<NonNullGraphType<UpdateProductVariantInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProductMutations>().UpdateVariantAsync(context.GetArgument<UpdateProductVariantInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<AddProductMediaPayloadType>, ProductPayload>("addProductMedia")
            .Description("Adds an uploaded picture or video to the end of a product's gallery.")
            .Authorize()
            .Argument<NonNullGraphType<AddProductMediaInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProductMutations>().AddMediaAsync(context.GetArgument<ProductMediaInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RemoveProductMediaPayloadType>, ProductPayload>("removeProductMedia")
            .Description("Takes a picture or video out of a product's gallery.")
            .Authorize()
            .Argument<NonNullGraphType<RemoveProductMediaInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProductMutations>().RemoveMediaAsync(context.GetArgument<ProductMediaInput>("input"), context.CancellationToken));
    }

    public async Task<ProductPayload> CreateAsync(CreateProductInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Title, "title", Product.MaxTitle)
            .Text(input.Description, "description", Product.MaxDescription, required: false)
            .Text(input.Brand, "brand", Brand.MaxName, required: false)
            .Text(input.Model, "model", Product.MaxModel, required: false)
            .Count(input.InitialStock, "initialStock", 0, MaxStock)
            .Count(input.WeightGrams, "weightGrams", 1, MaxWeightGrams)
            .Count(input.LowStockThreshold, "lowStockThreshold", 0, MaxStock)
            .Pairs(input.Attributes, "attributes", Product.MaxAttributes);
        CheckBrand(check, input.Brand);
        CheckDimensions(check, input.Dimensions);
        if (Product.CheckPrice(input.Price) is { } priceError)
            check.Add(priceError.Code, priceError.Message, priceError.Field);
        if (input.Status is not (null or ProductStatus.Draft or ProductStatus.Active))
            check.Add(CatalogErrors.InvalidStatus.Code, "A new product is DRAFT or ACTIVE.", "status");
        if (check.HasErrors)
            return Fail<ProductPayload>(check);
        if (await access.CheckCanManageAsync(input.ShopId, cancellationToken) is { } denied)
            return Fail<ProductPayload>(denied);
        if (input.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            return Fail<ProductPayload>(CatalogErrors.CategoryNotFound);

        var actorId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var brandId = input.Brand.Trimmed() is { } brandName ? (await brands.FindOrCreateAsync(brandName, cancellationToken)).Id : (Guid?)null;
        var details = new ProductDetails(input.Title.Trim(), input.Description.Trimmed(), brandId, input.Model.Trimmed(), input.CategoryId,
            Pairs(input.Attributes), input.WeightGrams, Dimensions(input.Dimensions));
        var listed = Product.List(input.ShopId, details, input.Price, input.Status != ProductStatus.Draft,
            input.LowStockThreshold ?? DefaultLowStockThreshold, now);
        var product = listed.Value!;
        db.Products.Add(product);
        db.PriceChanges.Add(PriceChange.Record(product.Id, null, null, product.Price, product.Currency, actorId, now));
        var stock = StockLedger.ForNewProduct(product);
        ledger.Open(stock, product, null, input.InitialStock, actorId, now);
        ledger.Settle(stock, now);
        await events.CreatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProductPayload { Product = product };
    }

    public async Task<ProductPayload> UpdateAsync(UpdateProductInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Title, "title", Product.MaxTitle, required: false)
            .Text(input.Description, "description", Product.MaxDescription, required: false)
            .Text(input.Brand, "brand", Brand.MaxName, required: false)
            .Text(input.Model, "model", Product.MaxModel, required: false)
            .Count(input.WeightGrams, "weightGrams", 1, MaxWeightGrams)
            .Count(input.LowStockThreshold, "lowStockThreshold", 0, MaxStock)
            .Pairs(input.Attributes, "attributes", Product.MaxAttributes);
        if (input.Title is not null && string.IsNullOrWhiteSpace(input.Title))
            check.Add("REQUIRED", "Title cannot be blank.", "title");
        CheckBrand(check, input.Brand);
        CheckDimensions(check, input.Dimensions);
        if (input.Status == ProductStatus.OutOfStock)
            check.Add(CatalogErrors.InvalidStatus.Code, CatalogErrors.InvalidStatus.Message, "status");
        if (check.HasErrors)
            return Fail<ProductPayload>(check);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await ledger.LockAsync([input.ProductId], cancellationToken);
        if (stock.Product(input.ProductId) is not { } product)
            return Fail<ProductPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<ProductPayload>(denied);
        if (input.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            return Fail<ProductPayload>(CatalogErrors.CategoryNotFound);

        var now = clock.GetUtcNow();
        var current = product.Details;
        var brandId = input.Brand is null ? current.BrandId
            : input.Brand.Trimmed() is { } brandName ? (await brands.FindOrCreateAsync(brandName, cancellationToken)).Id
            : null;
        product.Describe(new ProductDetails(
            input.Title?.Trim() ?? current.Title,
            input.Description is null ? current.Description : input.Description.Trimmed(),
            brandId,
            input.Model is null ? current.Model : input.Model.Trimmed(),
            input.CategoryId ?? current.CategoryId,
            input.Attributes is null ? current.Attributes : Pairs(input.Attributes),
            input.WeightGrams ?? current.WeightGrams,
            input.Dimensions is null ? current.Dimensions : Dimensions(input.Dimensions)), now);
        if (input.LowStockThreshold is { } threshold)
            product.SetLowStockThreshold(threshold, now);
        if (input.Status is { } status)
        {
            var changed = product.ChangeStatus(status, stock.AvailableOf(product.Id), now);
            if (!changed.Succeeded)
                return Fail<ProductPayload>(changed.Error);
        }
        await events.UpdatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProductPayload { Product = product };
    }

    public async Task<DeleteProductPayload> DeleteAsync(DeleteProductInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await ledger.LockAsync([input.ProductId], cancellationToken);
        if (stock.Product(input.ProductId) is not { } product)
            return Fail<DeleteProductPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<DeleteProductPayload>(denied);
        if (stock.Rows.Any(r => r.LiveReserved(stock.ExpiredHeld(r)) > 0))
            return Fail<DeleteProductPayload>(new DomainError("PRODUCT_RESERVED", "Checkouts hold some of this product; try again once they complete or expire.", "productId"));
        var now = clock.GetUtcNow();
        product.Delete(now);
        events.Deleted(product, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeleteProductPayload { DeletedProductId = product.Id };
    }

    public async Task<VariantPayload> CreateVariantAsync(CreateProductVariantInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Sku, "sku", ProductVariant.MaxSku)
            .Count(input.InitialStock, "initialStock", 0, MaxStock)
            .Pairs(input.Options, "options", ProductVariant.MaxOptions);
        if (input.Options.Count == 0)
            check.Add("REQUIRED", "A variant needs at least one option, e.g. Màu: Đỏ.", "options");
        if (Product.CheckPrice(input.Price) is { } priceError)
            check.Add(priceError.Code, priceError.Message, priceError.Field);
        if (check.HasErrors)
            return Fail<VariantPayload>(check);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await ledger.LockAsync([input.ProductId], cancellationToken);
        if (stock.Product(input.ProductId) is not { } product)
            return Fail<VariantPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<VariantPayload>(denied);
        var sku = input.Sku.Trim();
        if (await db.Variants.AnyAsync(v => v.ShopId == product.ShopId && v.Sku == sku, cancellationToken))
            return Fail<VariantPayload>(CatalogErrors.SkuTaken);
        if (await db.Variants.CountAsync(v => v.ProductId == product.Id, cancellationToken) >= Product.MaxVariants)
            return Fail<VariantPayload>(CatalogErrors.TooManyVariants);

        var now = clock.GetUtcNow();
        var actorId = currentUser.RequireId();
        var variant = ProductVariant.Create(product, sku, Pairs(input.Options), input.Price, now).Value!;
        db.Variants.Add(variant);
        db.PriceChanges.Add(PriceChange.Record(product.Id, variant.Id, null, variant.Price, product.Currency, actorId, now));
        ledger.Open(stock, product, variant, input.InitialStock, actorId, now);
        ledger.Settle(stock, now);
        await events.UpdatedAsync(product, now, cancellationToken);
        return await SaveVariantAsync(transaction, variant, product, cancellationToken);
    }

    public async Task<VariantPayload> UpdateVariantAsync(UpdateProductVariantInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck();
        if (input.Sku is not null)
            check.Text(input.Sku, "sku", ProductVariant.MaxSku);
        if (input.Options is not null)
        {
            check.Pairs(input.Options, "options", ProductVariant.MaxOptions);
            if (input.Options.Count == 0)
                check.Add("REQUIRED", "A variant needs at least one option, e.g. Màu: Đỏ.", "options");
        }
        if (check.HasErrors)
            return Fail<VariantPayload>(check);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var variant = await db.Variants.FromSql($"SELECT * FROM product_variants WHERE id = {input.VariantId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        var product = variant is null
            ? null
            : await db.Products.SingleOrDefaultAsync(p => p.Id == variant.ProductId && p.DeletedAt == null, cancellationToken);
        if (variant is null || product is null)
            return Fail<VariantPayload>(CatalogErrors.UnknownVariant);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<VariantPayload>(denied);
        var sku = input.Sku?.Trim();
        if (sku is not null && sku != variant.Sku
            && await db.Variants.AnyAsync(v => v.ShopId == product.ShopId && v.Sku == sku && v.Id != variant.Id, cancellationToken))
        {
            return Fail<VariantPayload>(CatalogErrors.SkuTaken);
        }

        var now = clock.GetUtcNow();
        variant.Update(sku, input.Options is null ? null : Pairs(input.Options), now);
        await events.UpdatedAsync(product, now, cancellationToken);
        return await SaveVariantAsync(transaction, variant, product, cancellationToken);
    }

    /// <summary>Commits a new or changed variant; SKU_TAKEN when another variant took the SKU after it was checked.</summary>
    private async Task<VariantPayload> SaveVariantAsync(IDbContextTransaction transaction, ProductVariant variant, Product product,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Fail<VariantPayload>(CatalogErrors.SkuTaken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new VariantPayload { Variant = variant, Product = product };
    }

    public async Task<ProductPayload> AddMediaAsync(ProductMediaInput input, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.ProductId && p.DeletedAt == null, cancellationToken);
        if (product is null)
            return Fail<ProductPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<ProductPayload>(denied);
        var lookup = await InternalApi.CallAsync(() => mediaDirectory.FindAsync(input.MediaId, cancellationToken), CatalogErrors.MediaUnavailable,
            logger, cancellationToken, $"confirm media {input.MediaId} with the media subgraph");
        if (!lookup.Succeeded)
            return Fail<ProductPayload>(lookup.Error);
        var media = lookup.Value;
        if (media is null)
            return Fail<ProductPayload>(CatalogErrors.MediaNotFound);
        if (media.OwnerId != currentUser.RequireId() && !access.IsAdmin)
            return Fail<ProductPayload>(CatalogErrors.MediaNotOwned);
        return await ChangeGalleryAsync(input.ProductId, (p, now) => p.AddMedia(input.MediaId, currentUser.RequireId(), now) is { Succeeded: false } failed
            ? failed.Error
            : null, cancellationToken);
    }

    public async Task<ProductPayload> RemoveMediaAsync(ProductMediaInput input, CancellationToken cancellationToken) =>
        await ChangeGalleryAsync(input.ProductId, (p, now) => p.RemoveMedia(input.MediaId, now) is { Succeeded: false } failed ? failed.Error : null,
            cancellationToken);

    private async Task<ProductPayload> ChangeGalleryAsync(Guid productId, Func<Product, DateTimeOffset, DomainError?> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await db.Products.FromSql($"SELECT * FROM products WHERE id = {productId} AND deleted_at IS NULL FOR UPDATE")
            .Include(p => p.Media)
            .SingleOrDefaultAsync(cancellationToken);
        if (product is null)
            return Fail<ProductPayload>(CatalogErrors.ProductNotFound);
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return Fail<ProductPayload>(denied);
        var now = clock.GetUtcNow();
        if (change(product, now) is { } error)
            return Fail<ProductPayload>(error);
        await events.UpdatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProductPayload { Product = product };
    }

    private static List<NameValue> Pairs(IEnumerable<INameValueInput>? pairs) =>
        pairs?.Select(p => new NameValue(p.Name.Trim(), p.Value.Trim())).ToList() ?? [];

    private static Dimensions? Dimensions(DimensionsInput? input) =>
        input is null ? null : new Dimensions(input.LengthCm, input.WidthCm, input.HeightCm);

    private static void CheckBrand(InputCheck check, string? brand)
    {
        if (!string.IsNullOrWhiteSpace(brand) && Slugs.From(brand).Length == 0)
            check.Add("INVALID_BRAND", "A brand name needs at least one letter or digit.", "brand");
    }

    private static void CheckDimensions(InputCheck check, DimensionsInput? dimensions)
    {
        if (dimensions is not null && new[] { dimensions.LengthCm, dimensions.WidthCm, dimensions.HeightCm }.Any(d => d is <= 0 or > 10_000))
            check.Add("OUT_OF_RANGE", "Each dimension must be above 0 and at most 10000 cm.", "dimensions");
    }
}
