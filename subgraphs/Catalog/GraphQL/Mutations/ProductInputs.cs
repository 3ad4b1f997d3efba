using System.ComponentModel;
using GoShop.Catalog.Domain;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL.Mutations;

[Description("A product attribute, e.g. Chất liệu: Cotton.")]
public sealed record ProductAttributeInput : INameValueInput
{
    [Description("The attribute's name, 1 to 100 characters, e.g. Chất liệu.")]
    public required string Name { get; init; }

    [Description("Its value, 1 to 500 characters, e.g. Cotton.")]
    public required string Value { get; init; }
}

[Description("One choice that makes a variant, e.g. Màu: Đỏ.")]
public sealed record VariantOptionInput : INameValueInput
{
    [Description("The option's name, 1 to 100 characters, e.g. Màu or Size.")]
    public required string Name { get; init; }

    [Description("The value chosen, 1 to 500 characters, e.g. Đỏ or XL.")]
    public required string Value { get; init; }
}

[Description("A parcel's size in centimetres; each side above 0 and at most 10,000.")]
public sealed record DimensionsInput
{
    [Description("Length in centimetres, above 0 and at most 10,000.")]
    public required decimal LengthCm { get; init; }

    [Description("Width in centimetres, above 0 and at most 10,000.")]
    public required decimal WidthCm { get; init; }

    [Description("Height in centimetres, above 0 and at most 10,000.")]
    public required decimal HeightCm { get; init; }
}

[Description("A new product for createProduct. Texts are trimmed.")]
public sealed record CreateProductInput
{
    [Description("The shop to list it in: one you own (an admin: any shop), and ACTIVE.")]
    public required Guid ShopId { get; init; }

    [Description("The product's name, 1 to 200 characters.")]
    public required string Title { get; init; }

    [Description("Up to 5,000 characters; left out or blank, none.")]
    public string? Description { get; init; }

    [Description("Its category, at any level of the tree; left out, none.")]
    public Guid? CategoryId { get; init; }

    [Description("The brand's name, up to 100 characters with at least one letter or digit; a brand is created the first time it is named. Left out or blank, none.")]
    public string? Brand { get; init; }

    [Description("The model name or number, up to 100 characters; left out or blank, none.")]
    public string? Model { get; init; }

    [Description("The list price in VND: above 0, at most 10,000,000,000, in whole đồng.")]
    public required decimal Price { get; init; }

    [Description("Units on hand to start with, 0 to 1,000,000 (the first ADJUSTMENT in the ledger).")]
    public required int InitialStock { get; init; }

    [Description("Shipping weight in grams, 1 to 1,000,000.")]
    public required int WeightGrams { get; init; }

    [Description("Up to 30 name/value pairs such as material or origin, each name once (letter case ignored).")]
    [InputType(typeof(ListGraphType<NonNullGraphType<ProductAttributeInputType>>))]
    public List<ProductAttributeInput>? Attributes { get; init; }

    [Description("Shipping size; left out, none.")]
    [InputType(typeof(DimensionsInputType))]
    public DimensionsInput? Dimensions { get; init; }

    [Description("Low-stock warning level, 0 to 1,000,000 (default 5).")]
    public int? LowStockThreshold { get; init; }

    [Description("ACTIVE (the default) lists it at once, as OUT_OF_STOCK when initialStock is 0; DRAFT keeps it hidden. Nothing else is accepted.")]
    public ProductStatus? Status { get; init; }
}

[Description("The changes updateProduct makes: each field left out stays as it is. Texts are trimmed.")]
public sealed record UpdateProductInput
{
    [Description("The product to change.")]
    public required Guid ProductId { get; init; }

    [Description("The new name, 1 to 200 characters.")]
    public string? Title { get; init; }

    [Description("Up to 5,000 characters; an empty string removes it.")]
    public string? Description { get; init; }

    [Description("Move it to this category. A product's category can be changed but not removed.")]
    public Guid? CategoryId { get; init; }

    [Description("The brand's name, up to 100 characters with at least one letter or digit; an empty string removes it.")]
    public string? Brand { get; init; }

    [Description("Up to 100 characters; an empty string removes it.")]
    public string? Model { get; init; }

    [Description("Replaces every attribute: up to 30 pairs, each name once (letter case ignored); an empty list removes them all.")]
    [InputType(typeof(ListGraphType<NonNullGraphType<ProductAttributeInputType>>))]
    public List<ProductAttributeInput>? Attributes { get; init; }

    [Description("Shipping weight in grams, 1 to 1,000,000.")]
    public int? WeightGrams { get; init; }

    [Description("Replaces the shipping size (it can be changed but not removed).")]
    [InputType(typeof(DimensionsInputType))]
    public DimensionsInput? Dimensions { get; init; }

    [Description("DRAFT, ACTIVE or ARCHIVED (OUT_OF_STOCK is refused: it follows availability). ACTIVE reads OUT_OF_STOCK while nothing is available.")]
    public ProductStatus? Status { get; init; }

    [Description("Low-stock warning level, 0 to 1,000,000.")]
    public int? LowStockThreshold { get; init; }
}

[Description("The product deleteProduct deletes.")]
public sealed record DeleteProductInput
{
    [Description("The product to delete.")]
    public required Guid ProductId { get; init; }
}

[Description("The list price setProductPrice sets.")]
public sealed record SetProductPriceInput
{
    [Description("The product whose price (or whose variant's price) to set.")]
    public required Guid ProductId { get; init; }

    [Description("Set this variant's price instead of the product's; it must be one of the product's variants.")]
    public Guid? VariantId { get; init; }

    [Description("The new list price in VND: above 0, at most 10,000,000,000, in whole đồng. A product's price must stay above the sale price of its discount, scheduled or running.")]
    public required decimal Price { get; init; }
}

[Description("The discount setProductDiscount puts on a product.")]
public sealed record SetProductDiscountInput
{
    [Description("The product to put on sale.")]
    public required Guid ProductId { get; init; }

    [Description("What a buyer pays for the product during the sale, in VND: below its list price, above 0, in whole đồng.")]
    public required decimal SalePrice { get; init; }

    [Description("When the sale starts; default: now. May be in the past.")]
    public DateTimeOffset? StartsAt { get; init; }

    [Description("When the sale ends: after startsAt, and in the future.")]
    public required DateTimeOffset EndsAt { get; init; }
}

[Description("The product removeProductDiscount takes the discount off.")]
public sealed record RemoveProductDiscountInput
{
    [Description("The product whose discount to remove.")]
    public required Guid ProductId { get; init; }
}

public sealed record ProductMediaInput
{
    [Description("The product whose gallery to change.")]
    public required Guid ProductId { get; init; }

    [Description("The media's id, as uploadMedia answered it.")]
    public required Guid MediaId { get; init; }
}

[Description("A new variant for createProductVariant. Texts are trimmed.")]
public sealed record CreateProductVariantInput
{
    [Description("The product to add it to.")]
    public required Guid ProductId { get; init; }

    [Description("The stock-keeping unit, 1 to 64 characters, unique among the shop's variants.")]
    public required string Sku { get; init; }

    [Description("1 to 5 choices that make the variant, each name once (letter case ignored), e.g. Màu: Đỏ and Size: XL.")]
    [InputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<VariantOptionInputType>>>))]
    public required List<VariantOptionInput> Options { get; init; }

    [Description("The variant's list price in VND: above 0, at most 10,000,000,000, in whole đồng. The product's discount takes the same share off it.")]
    public required decimal Price { get; init; }

    [Description("Units on hand to start with, 0 to 1,000,000 (the first ADJUSTMENT in the variant's ledger).")]
    public required int InitialStock { get; init; }
}

[Description("The stock change adjustInventory records.")]
public sealed record AdjustInventoryInput
{
    [Description("The product whose stock to adjust.")]
    public required Guid ProductId { get; init; }

    [Description("Adjust this variant's stock instead of the product's own; it must be one of the product's variants.")]
    public Guid? VariantId { get; init; }

    [Description("Units to add (positive) or take away (negative), -1,000,000 to 1,000,000 and not 0; on hand cannot drop below 0 or below what is reserved.")]
    public required int Delta { get; init; }

    [Description("Why, for the ledger (1 to 200 characters): a stock count, a delivery, damage...")]
    public required string Reason { get; init; }
}

[Description("The new low-stock warning level setLowStockThreshold sets.")]
public sealed record SetLowStockThresholdInput
{
    [Description("The product whose threshold to set.")]
    public required Guid ProductId { get; init; }

    [Description("0 to 1,000,000: at or below this many available units the product, and each of its variants, counts as low on stock.")]
    public required int Threshold { get; init; }
}

public sealed class ProductAttributeInputType : AutoRegisteringInputObjectGraphType<ProductAttributeInput>;

public sealed class VariantOptionInputType : AutoRegisteringInputObjectGraphType<VariantOptionInput>;

public sealed class DimensionsInputType : AutoRegisteringInputObjectGraphType<DimensionsInput>;

public sealed class CreateProductInputType : AutoRegisteringInputObjectGraphType<CreateProductInput>;

public sealed class UpdateProductInputType : AutoRegisteringInputObjectGraphType<UpdateProductInput>;

public sealed class DeleteProductInputType : AutoRegisteringInputObjectGraphType<DeleteProductInput>;

public sealed class SetProductPriceInputType : AutoRegisteringInputObjectGraphType<SetProductPriceInput>;

public sealed class SetProductDiscountInputType : AutoRegisteringInputObjectGraphType<SetProductDiscountInput>;

public sealed class RemoveProductDiscountInputType : AutoRegisteringInputObjectGraphType<RemoveProductDiscountInput>;

public sealed class AddProductMediaInputType : AutoRegisteringInputObjectGraphType<ProductMediaInput>
{
    public AddProductMediaInputType()
    {
        Name = "AddProductMediaInput";
        Description = "The picture or video addProductMedia adds to a product's gallery.";
    }
}

public sealed class RemoveProductMediaInputType : AutoRegisteringInputObjectGraphType<ProductMediaInput>
{
    public RemoveProductMediaInputType()
    {
        Name = "RemoveProductMediaInput";
        Description = "The picture or video removeProductMedia takes out of a product's gallery (the upload itself stays).";
    }
}

public sealed class CreateProductVariantInputType : AutoRegisteringInputObjectGraphType<CreateProductVariantInput>;

[Description("The changes updateProductVariant makes: each field left out stays as it is. Texts are trimmed.")]
public sealed record UpdateProductVariantInput
{
    [Description("The variant to change.")]
    public required Guid VariantId { get; init; }

    [Description("A new SKU, 1 to 64 characters, unique among the shop's variants; left out, it stays.")]
    public string? Sku { get; init; }

    [Description("The complete new choices, 1 to 5, each name once (letter case ignored); they replace the old ones. Left out, they stay.")]
    [InputType(typeof(ListGraphType<NonNullGraphType<VariantOptionInputType>>))]
    public List<VariantOptionInput>? Options { get; init; }
}

public sealed class UpdateProductVariantInputType : AutoRegisteringInputObjectGraphType<UpdateProductVariantInput>;

public sealed class AdjustInventoryInputType : AutoRegisteringInputObjectGraphType<AdjustInventoryInput>;

public sealed class SetLowStockThresholdInputType : AutoRegisteringInputObjectGraphType<SetLowStockThresholdInput>;
