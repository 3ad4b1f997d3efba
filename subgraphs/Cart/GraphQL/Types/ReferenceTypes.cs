using GoShop.BuildingBlocks.GraphQL.Federation;

namespace GoShop.Cart.GraphQL.Types;

// Other subgraphs' entities, known here only by id: key-only stubs, not resolvable here (the gateway asks their owners
// for the other fields).

/// <summary>catalog's Product.</summary>
public sealed class ProductType() : KeyOnlyEntityType<ProductType>("Product");

/// <summary>catalog's ProductVariant.</summary>
public sealed class ProductVariantType() : KeyOnlyEntityType<ProductVariantType>("ProductVariant");

/// <summary>The shops subgraph's Shop.</summary>
public sealed class ShopType() : KeyOnlyEntityType<ShopType>("Shop");

/// <summary>The media subgraph's Media.</summary>
public sealed class MediaType() : KeyOnlyEntityType<MediaType>("Media");
