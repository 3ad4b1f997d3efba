using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Catalog.Domain;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL.Types;

/// <summary>A payload that answers the changed product.</summary>
public sealed record ProductPayload : Payload
{
    public Product? Product { get; init; }
}

public abstract class ProductPayloadTypeBase : PayloadType<ProductPayload>
{
    protected ProductPayloadTypeBase(string name)
    {
        Name = name;
        Field<ProductType, Product>("product")
            .Description("The product as the mutation left it; null when userErrors is not empty.")
            .Resolve(context => context.Source.Product);
    }
}

public sealed class CreateProductPayloadType() : ProductPayloadTypeBase("CreateProductPayload");

public sealed class UpdateProductPayloadType() : ProductPayloadTypeBase("UpdateProductPayload");

public sealed class SetProductPricePayloadType() : ProductPayloadTypeBase("SetProductPricePayload");

public sealed class SetProductDiscountPayloadType() : ProductPayloadTypeBase("SetProductDiscountPayload");

public sealed class RemoveProductDiscountPayloadType() : ProductPayloadTypeBase("RemoveProductDiscountPayload");

public sealed class AddProductMediaPayloadType() : ProductPayloadTypeBase("AddProductMediaPayload");

public sealed class RemoveProductMediaPayloadType() : ProductPayloadTypeBase("RemoveProductMediaPayload");

public sealed class SetLowStockThresholdPayloadType() : ProductPayloadTypeBase("SetLowStockThresholdPayload");

public sealed record DeleteProductPayload : Payload
{
    public Guid? DeletedProductId { get; init; }
}

public sealed class DeleteProductPayloadType : PayloadType<DeleteProductPayload>
{
    public DeleteProductPayloadType()
    {
        Name = "DeleteProductPayload";
        Field(p => p.DeletedProductId, type: typeof(IdGraphType)).Description("The id of the product deleted; null when userErrors is not empty.");
    }
}

public sealed record VariantPayload : Payload
{
    public ProductVariant? Variant { get; init; }

    public Product? Product { get; init; }
}

public abstract class VariantPayloadTypeBase : PayloadType<VariantPayload>
{
    protected VariantPayloadTypeBase(string name)
    {
        Name = name;
        Field<ProductVariantType, ProductVariant>("variant")
            .Description("The variant as the mutation left it; null when userErrors is not empty.")
            .Resolve(context => context.Source.Variant);
        Field<ProductType, Product>("product")
            .Description("The variant's product; null when userErrors is not empty.")
            .Resolve(context => context.Source.Product);
    }
}

public sealed class CreateProductVariantPayloadType() : VariantPayloadTypeBase("CreateProductVariantPayload");

public sealed class UpdateProductVariantPayloadType() : VariantPayloadTypeBase("UpdateProductVariantPayload");

public sealed record AdjustInventoryPayload : Payload
{
    public Product? Product { get; init; }

    public ProductVariant? Variant { get; init; }

    public InventoryMovement? Movement { get; init; }
}

public sealed class AdjustInventoryPayloadType : PayloadType<AdjustInventoryPayload>
{
    public AdjustInventoryPayloadType()
    {
        Name = "AdjustInventoryPayload";
        Field<ProductType, Product>("product")
            .Description("The product whose stock changed; null when userErrors is not empty.")
            .Resolve(context => context.Source.Product);
        Field<ProductVariantType, ProductVariant>("variant").Description("The variant adjusted; null when the product's own stock was adjusted or userErrors is not empty.").Resolve(context => context.Source.Variant);
        Field<InventoryMovementType, InventoryMovement>("movement").Description("The ledger entry written (an ADJUSTMENT); null when userErrors is not empty.").Resolve(context => context.Source.Movement);
    }
}

public sealed record CategoryPayload : Payload
{
    public Category? Category { get; init; }
}

public abstract class CategoryPayloadTypeBase : PayloadType<CategoryPayload>
{
    protected CategoryPayloadTypeBase(string name)
    {
        Name = name;
        Field<CategoryType, Category>("category")
            .Description("The category as the mutation left it; null when userErrors is not empty.")
            .Resolve(context => context.Source.Category);
    }
}

public sealed class CreateCategoryPayloadType() : CategoryPayloadTypeBase("CreateCategoryPayload");

public sealed class UpdateCategoryPayloadType() : CategoryPayloadTypeBase("UpdateCategoryPayload");

public sealed record DeleteCategoryPayload : Payload
{
    public Guid? DeletedCategoryId { get; init; }
}

public sealed class DeleteCategoryPayloadType : PayloadType<DeleteCategoryPayload>
{
    public DeleteCategoryPayloadType()
    {
        Name = "DeleteCategoryPayload";
        Field(p => p.DeletedCategoryId, type: typeof(IdGraphType)).Description("The id of the category deleted; null when userErrors is not empty.");
    }
}
