using System.ComponentModel;
using GoShop.Catalog.Domain;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL.Mutations;

public sealed record ProductAttributeInput : INameValueInput
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}

public sealed record VariantOptionInput : INameValueInput
{
    [Description("e.g. Màu or Size.")]
    public required string Name { get; init; }

    [Description("e.g. Đỏ or XL.")]
    public required string Value { get; init; }
}

public sealed record DimensionsInput
{
    public required decimal LengthCm { get; init; }

    public required decimal WidthCm { get; init; }

    public required decimal HeightCm { get; init; }
}

public sealed record CreateProductInput
{
    public required Guid ShopId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public Guid? CategoryId { get; init; }

    [Description("The brand's name; a brand is created the first time it is named.")]
    public string? Brand { get; init; }

    public string? Model { get; init; }

    [Description("The list price in VND, above 0.")]
    public required decimal Price { get; init; }

    [Description("Units on hand to start with, 0 or more (the first ADJUSTMENT in the ledger).")]
    public required int InitialStock { get; init; }

    [Description("Shipping weight in grams.")]
    public required int WeightGrams { get; init; }

    [InputType(typeof(ListGraphType<NonNullGraphType<ProductAttributeInputType>>))]
    public List<ProductAttributeInput>? Attributes { get; init; }

    [InputType(typeof(DimensionsInputType))]
    public DimensionsInput? Dimensions { get; init; }

    [Description("Low-stock warning level (default 5).")]
    public int? LowStockThreshold { get; init; }

    [Description("ACTIVE (the default) lists it at once; DRAFT keeps it hidden.")]
    public ProductStatus? Status { get; init; }
}

public sealed record UpdateProductInput
{
    public required Guid ProductId { get; init; }

    public string? Title { get; init; }

    [Description("An empty string removes it.")]
    public string? Description { get; init; }

    public Guid? CategoryId { get; init; }

    [Description("An empty string removes it.")]
    public string? Brand { get; init; }

    [Description("An empty string removes it.")]
    public string? Model { get; init; }

    [Description("Replaces every attribute.")]
    [InputType(typeof(ListGraphType<NonNullGraphType<ProductAttributeInputType>>))]
    public List<ProductAttributeInput>? Attributes { get; init; }

    public int? WeightGrams { get; init; }

    [InputType(typeof(DimensionsInputType))]
    public DimensionsInput? Dimensions { get; init; }

    [Description("DRAFT, ACTIVE or ARCHIVED.")]
    public ProductStatus? Status { get; init; }

    public int? LowStockThreshold { get; init; }
}

public sealed record DeleteProductInput
{
    public required Guid ProductId { get; init; }
}

public sealed record SetProductPriceInput
{
    public required Guid ProductId { get; init; }

    [Description("Set a variant's price instead of the product's.")]
    public Guid? VariantId { get; init; }

    public required decimal Price { get; init; }
}

public sealed record SetProductDiscountInput
{
    public required Guid ProductId { get; init; }

    [Description("Below the list price.")]
    public required decimal SalePrice { get; init; }

    [Description("Default: now.")]
    public DateTimeOffset? StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }
}

public sealed record RemoveProductDiscountInput
{
    public required Guid ProductId { get; init; }
}

public sealed record ProductMediaInput
{
    public required Guid ProductId { get; init; }

    [Description("The id uploadMedia answered.")]
    public required Guid MediaId { get; init; }
}

public sealed record CreateProductVariantInput
{
    public required Guid ProductId { get; init; }

    [Description("Unique within the shop.")]
    public required string Sku { get; init; }

    [InputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<VariantOptionInputType>>>))]
    public required List<VariantOptionInput> Options { get; init; }

    public required decimal Price { get; init; }

    public required int InitialStock { get; init; }
}

public sealed record AdjustInventoryInput
{
    public required Guid ProductId { get; init; }

    [Description("Adjust a variant's stock instead of the product's own.")]
    public Guid? VariantId { get; init; }

    [Description("Units to add (positive) or take away (negative); on hand cannot drop below what is reserved.")]
    public required int Delta { get; init; }

    [Description("Why, for the ledger: a stock count, a delivery, damage...")]
    public required string Reason { get; init; }
}

public sealed record SetLowStockThresholdInput
{
    public required Guid ProductId { get; init; }

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
    public AddProductMediaInputType() => Name = "AddProductMediaInput";
}

public sealed class RemoveProductMediaInputType : AutoRegisteringInputObjectGraphType<ProductMediaInput>
{
    public RemoveProductMediaInputType() => Name = "RemoveProductMediaInput";
}

public sealed class CreateProductVariantInputType : AutoRegisteringInputObjectGraphType<CreateProductVariantInput>;

public sealed record UpdateProductVariantInput
{
    public required Guid VariantId { get; init; }

    [Description("A new SKU, unique within the shop; left out, it stays.")]
    public string? Sku { get; init; }

    [Description("The complete new option values (they replace the old ones); left out, they stay.")]
    [InputType(typeof(ListGraphType<NonNullGraphType<VariantOptionInputType>>))]
    public List<VariantOptionInput>? Options { get; init; }
}

public sealed class UpdateProductVariantInputType : AutoRegisteringInputObjectGraphType<UpdateProductVariantInput>;

public sealed class AdjustInventoryInputType : AutoRegisteringInputObjectGraphType<AdjustInventoryInput>;

public sealed class SetLowStockThresholdInputType : AutoRegisteringInputObjectGraphType<SetLowStockThresholdInput>;
