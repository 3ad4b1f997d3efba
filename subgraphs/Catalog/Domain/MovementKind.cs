namespace GoShop.Catalog.Domain;

/// <summary>What moved stock, and how each kind changes the stock row.</summary>
public enum MovementKind
{
    /// <summary>A seller counted, received or wrote off stock: on hand changes by the signed quantity.</summary>
    Adjustment,

    /// <summary>An order holds stock: reserved grows.</summary>
    Reservation,

    /// <summary>A hold ended without a sale (released or expired): reserved shrinks.</summary>
    Release,

    /// <summary>A held unit was sold: it leaves on hand and reserved together.</summary>
    Sale,

    /// <summary>A sold unit came back: on hand grows.</summary>
    Return,
}
