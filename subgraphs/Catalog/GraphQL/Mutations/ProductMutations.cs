using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Products;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Catalog.GraphQL.Mutations.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

/// <summary>createProduct, updateProduct, deleteProduct, createProductVariant, addProductMedia and removeProductMedia.</summary>
public sealed class ProductMutations(ProductListings listings, ProductGallery gallery, ICurrentUser currentUser)
{
    public const int MaxStock = 1_000_000;
    public const int MaxWeightGrams = 1_000_000;

    /// <summary>Who may call a mutation that changes a shop's products (<c>ShopAccess.CheckCanManageAsync</c>).</summary>
    internal const string ShopManagersOnly = "Only the shop's owner or an admin, while the shop is ACTIVE.";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateProductPayloadType>, ProductPayload>("createProduct")
            .Description("Lists a product in a shop you own (an admin: in any shop), with its price and opening stock. The shop must be "
                + "ACTIVE. userErrors: REQUIRED, TOO_LONG, OUT_OF_RANGE, TOO_MANY, DUPLICATE_NAME, INVALID_BRAND, INVALID_PRICE, INVALID_STATUS, "
                + "SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, CATEGORY_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<CreateProductInputType>>("input", "The product to list.")
            .ResolveAsync(async context => await context.Service<ProductMutations>().CreateAsync(context.GetArgument<CreateProductInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateProductPayloadType>, ProductPayload>("updateProduct")
            .Description($"Changes a product's details, status or low-stock threshold; fields left out stay as they are. {ShopManagersOnly} "
                + "userErrors: REQUIRED, TOO_LONG, OUT_OF_RANGE, TOO_MANY, DUPLICATE_NAME, INVALID_BRAND, INVALID_STATUS, PRODUCT_NOT_FOUND, "
                + "SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, CATEGORY_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateProductInputType>>("input", "The product and what to change.")
            .ResolveAsync(async context => await context.Service<ProductMutations>().UpdateAsync(context.GetArgument<UpdateProductInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteProductPayloadType>, DeleteProductPayload>("deleteProduct")
            .Description("Takes a product off sale for good: buyers no longer find it, while past orders still show it (as ARCHIVED). Refused "
                + $"while orders hold some of its stock (being placed, or placed and not yet delivered or cancelled). {ShopManagersOnly} "
                + "userErrors: PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, PRODUCT_RESERVED.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteProductInputType>>("input", "The product to delete.")
            .ResolveAsync(async context => await context.Service<ProductMutations>().DeleteAsync(context.GetArgument<DeleteProductInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<CreateProductVariantPayloadType>, VariantPayload>("createProductVariant")
            .Description("Adds a variant (colour, size...) to a product, with its own SKU, price and opening stock; a product has at most "
                + $"{Product.MaxVariants} variants. {ShopManagersOnly} userErrors: REQUIRED, TOO_LONG, OUT_OF_RANGE, TOO_MANY, DUPLICATE_NAME, "
                + "INVALID_PRICE, PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, SKU_TAKEN, VARIANT_LIMIT_REACHED.")
            .Authorize()
            .Argument<NonNullGraphType<CreateProductVariantInputType>>("input", "The variant to add.")
            .ResolveAsync(async context => await context.Service<ProductMutations>().CreateVariantAsync(context.GetArgument<CreateProductVariantInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateProductVariantPayloadType>, VariantPayload>("updateProductVariant")
            .Description("Changes a variant's SKU or option values. Its price and stock have their own mutations (setProductPrice, adjustInventory). "
                + $"{ShopManagersOnly} userErrors: REQUIRED, TOO_LONG, TOO_MANY, DUPLICATE_NAME, VARIANT_NOT_FOUND, SHOP_NOT_FOUND, "
                + "SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, SKU_TAKEN.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateProductVariantInputType>>("input", "The variant and what to change.")
            .ResolveAsync(async context => await context.Service<ProductMutations>().UpdateVariantAsync(context.GetArgument<UpdateProductVariantInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<AddProductMediaPayloadType>, ProductPayload>("addProductMedia")
            .Description("Adds a picture or video you uploaded (an admin: anyone's) to the end of a product's gallery, which holds at most "
                + $"{Product.MaxMedia}. {ShopManagersOnly} userErrors: PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, "
                + "SHOP_NOT_ACTIVE, MEDIA_UNAVAILABLE, MEDIA_NOT_FOUND, MEDIA_ALREADY_ATTACHED, MEDIA_LIMIT_REACHED.")
            .Authorize()
            .Argument<NonNullGraphType<AddProductMediaInputType>>("input", "The product and the media to add.")
            .ResolveAsync(async context => await context.Service<ProductMutations>().AddMediaAsync(context.GetArgument<ProductMediaInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RemoveProductMediaPayloadType>, ProductPayload>("removeProductMedia")
            .Description($"Takes a picture or video out of a product's gallery; the upload itself stays. {ShopManagersOnly} "
                + "userErrors: PRODUCT_NOT_FOUND, SHOP_NOT_FOUND, SHOPS_UNAVAILABLE, FORBIDDEN, SHOP_NOT_ACTIVE, MEDIA_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<RemoveProductMediaInputType>>("input", "The product and the media to take out.")
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

        var request = new NewProduct(input.ShopId, input.Title.Trim(), input.Description.Trimmed(), input.Brand.Trimmed(), input.Model.Trimmed(),
            input.CategoryId, Pairs(input.Attributes), input.WeightGrams, Dimensions(input.Dimensions), input.Price,
            Publish: input.Status != ProductStatus.Draft, input.LowStockThreshold, input.InitialStock);
        return Answer(await listings.CreateAsync(request, currentUser.RequireId(), cancellationToken));
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

        var edit = new ProductEdit(input.ProductId, input.Title?.Trim(), input.Description?.Trim(), input.Brand?.Trim(), input.Model?.Trim(),
            input.CategoryId, input.Attributes is null ? null : Pairs(input.Attributes), input.WeightGrams, Dimensions(input.Dimensions),
            input.Status, input.LowStockThreshold);
        return Answer(await listings.UpdateAsync(edit, cancellationToken));
    }

    public async Task<DeleteProductPayload> DeleteAsync(DeleteProductInput input, CancellationToken cancellationToken)
    {
        var deleted = await listings.DeleteAsync(input.ProductId, cancellationToken);
        return deleted.Succeeded ? new DeleteProductPayload { DeletedProductId = deleted.Value.Id } : Fail<DeleteProductPayload>(deleted.Error);
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

        var request = new NewVariant(input.ProductId, input.Sku.Trim(), Pairs(input.Options), input.Price, input.InitialStock);
        return Answer(await listings.CreateVariantAsync(request, currentUser.RequireId(), cancellationToken));
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

        var edit = new VariantEdit(input.VariantId, input.Sku?.Trim(), input.Options is null ? null : Pairs(input.Options));
        return Answer(await listings.UpdateVariantAsync(edit, cancellationToken));
    }

    public async Task<ProductPayload> AddMediaAsync(ProductMediaInput input, CancellationToken cancellationToken) =>
        Answer(await gallery.AddAsync(input.ProductId, input.MediaId, currentUser.RequireId(), cancellationToken));

    public async Task<ProductPayload> RemoveMediaAsync(ProductMediaInput input, CancellationToken cancellationToken) =>
        Answer(await gallery.RemoveAsync(input.ProductId, input.MediaId, cancellationToken));

    private static ProductPayload Answer(Result<Product> result) =>
        result.Succeeded ? new ProductPayload { Product = result.Value } : Fail<ProductPayload>(result.Error);

    private static VariantPayload Answer(Result<ProductWithVariant> result) =>
        result.Succeeded ? new VariantPayload { Variant = result.Value.Variant, Product = result.Value.Product } : Fail<VariantPayload>(result.Error);

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
