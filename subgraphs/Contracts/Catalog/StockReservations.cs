using System.Net;
using System.Net.Http.Json;

namespace GoShop.Contracts.Catalog;

/// <summary>One line of a reservation: a product, or one variant of it, and how many.</summary>
public sealed record StockLine(Guid ProductId, Guid? VariantId, int Quantity);

/// <summary>Hold stock for an order, all lines or none, for <see cref="HoldSeconds"/>.</summary>
public sealed record ReserveStockRequest(Guid OrderId, IReadOnlyList<StockLine> Lines, int HoldSeconds);

/// <summary>Why a line could not be reserved: OUT_OF_STOCK, PRODUCT_NOT_FOUND or NOT_FOR_SALE.</summary>
public sealed record StockShortage(Guid ProductId, Guid? VariantId, int Requested, int Available, string Reason);

/// <summary>
/// Where an order's reservation stands. <see cref="Status"/> is one of <see cref="ReservationStatuses"/>; a rejected
/// reservation lists its <see cref="Shortages"/> and holds nothing.
/// </summary>
public sealed record ReservationOutcome(
    Guid OrderId,
    string Status,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<StockLine> Lines,
    IReadOnlyList<StockShortage> Shortages);

public static class ReservationStatuses
{
    /// <summary>The stock is held until the reservation expires, is committed or is released.</summary>
    public const string Held = "HELD";

    /// <summary>The held stock was sold (a SALE in the ledger).</summary>
    public const string Committed = "COMMITTED";

    /// <summary>The held stock went back on sale at the caller's request.</summary>
    public const string Released = "RELEASED";

    /// <summary>The hold ran out before it was committed; the stock went back on sale.</summary>
    public const string Expired = "EXPIRED";

    /// <summary>Some line could not be reserved, so nothing was.</summary>
    public const string Rejected = "REJECTED";
}

/// <summary>
/// Catalog's internal stock reservations (<c>/internal/reservations</c>), for ordering. Every call is
/// idempotent per order id: a repeat answers the first outcome. Register with
/// <c>AddInternalApiClient&lt;StockReservations&gt;(configuration)</c>.
/// </summary>
public class StockReservations(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Catalog;

    public const string Route = "internal/reservations";

    /// <summary>
    /// Reserves every line or none. A repeat with the same order id and lines answers the first outcome; the same
    /// order id with other lines is refused (<see cref="HttpRequestException"/> with status 409).
    /// </summary>
    public virtual async Task<ReservationOutcome> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Route, request, cancellationToken);
        return await ReadAsync(response, cancellationToken) ?? throw new InvalidOperationException("Catalog answered no reservation.");
    }

    /// <summary>Turns a held reservation into a sale. Answers the reservation's status: COMMITTED, or why not.</summary>
    public virtual Task<ReservationOutcome?> CommitAsync(Guid orderId, CancellationToken cancellationToken) =>
        PostAsync($"{Route}/{orderId}/commit", cancellationToken);

    /// <summary>Puts held stock back on sale. Answers the reservation's status: RELEASED, or what it already was.</summary>
    public virtual Task<ReservationOutcome?> ReleaseAsync(Guid orderId, CancellationToken cancellationToken) =>
        PostAsync($"{Route}/{orderId}/release", cancellationToken);

    /// <summary>The reservation of an order, or null when it never reserved anything.</summary>
    public virtual async Task<ReservationOutcome?> FindAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{Route}/{orderId}", cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private async Task<ReservationOutcome?> PostAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(path, content: null, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<ReservationOutcome?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ReservationOutcome>(cancellationToken);
    }
}
