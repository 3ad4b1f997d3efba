using GoShop.BuildingBlocks.Internal;
using GoShop.Catalog.Inventory;
using GoShop.Contracts.Catalog;

namespace GoShop.Catalog.Internal;

/// <summary>
/// Catalog's internal API, under <c>/internal</c> (key-checked, never behind the gateway): stock reservations
/// (<c>/internal/reservations</c>) for ordering and the product lookup (<c>/internal/products/lookup</c>) for cart and
/// ordering. Clients: <see cref="StockReservations"/> and <see cref="ProductDirectory"/> in Contracts.
/// </summary>
public static class CatalogInternalApi
{
    public static WebApplication MapCatalogInternalApi(this WebApplication app)
    {
        var api = app.MapInternalApi();

        api.MapPost("/reservations", async (ReserveStockRequest request, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.ReserveAsync(request, ct)));
        api.MapGet("/reservations/{orderId:guid}", async (Guid orderId, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.GetAsync(orderId, ct)));
        api.MapPost("/reservations/{orderId:guid}/commit", async (Guid orderId, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.CommitAsync(orderId, ct)));
        api.MapPost("/reservations/{orderId:guid}/release", async (Guid orderId, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.ReleaseAsync(orderId, ct)));

        api.MapPost("/products/lookup", async (List<ProductKey> keys, ProductLookup lookup, CancellationToken ct) =>
            keys.Count > ProductLookup.MaxKeys
                ? Results.Problem($"At most {ProductLookup.MaxKeys} products per lookup.", statusCode: StatusCodes.Status400BadRequest)
                : Results.Ok(await lookup.FindAsync(keys, ct)));
        api.MapGet("/products/export", async (Guid? after, int? size, ProductExport export, CancellationToken ct) =>
            size is < 1 or > CatalogExport.MaxPageSize
                ? Results.Problem($"A page holds 1 to {CatalogExport.MaxPageSize} products.", statusCode: StatusCodes.Status400BadRequest)
                : Results.Ok(await export.PageAsync(after, size ?? 500, ct)));
        api.MapGet("/categories", async (ProductExport export, CancellationToken ct) => Results.Ok(await export.CategoriesAsync(ct)));
        return app;
    }

    private static IResult Answer(ReservationAnswer answer) =>
        answer.Outcome is { } outcome ? Results.Ok(outcome) : Results.Problem(answer.Problem, statusCode: answer.StatusCode);
}
