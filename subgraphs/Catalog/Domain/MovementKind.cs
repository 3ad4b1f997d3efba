using System.ComponentModel;

namespace GoShop.Catalog.Domain;

/// <summary>What moved stock, and how each kind changes the stock row.</summary>
public enum MovementKind
{
    /// <summary>A seller counted, received or wrote off stock: on hand changes by the signed quantity.</summary>
    [Description("A seller added or took away stock (adjustInventory, or the opening stock of a new product or variant): on hand changes.")]
    Adjustment,

    /// <summary>An order holds stock: reserved grows.</summary>
    [Description("An order being placed holds stock: reserved grows.")]
    Reservation,

    /// <summary>A hold ended without a sale (released or expired): reserved shrinks.</summary>
    [Description("A hold ended without a sale (the order was cancelled or not placed, or the hold expired): reserved shrinks.")]
    Release,

    /// <summary>A held unit was sold: it leaves on hand and reserved together.</summary>
    [Description("Held units were sold when their order was delivered: on hand and reserved shrink together.")]
    Sale,

    /// <summary>A sold unit came back with a return of its order: on hand grows.</summary>
    [Description("Sold units came back when the parcel of one of the order's returns reached the shop: on hand grows (returnId names the return).")]
    Return,
}
