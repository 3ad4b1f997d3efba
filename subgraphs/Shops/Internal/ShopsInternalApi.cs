using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using GoShop.Shops.Coupons;
using GoShop.Shops.Data;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Internal;

/// <summary>
/// Shops' internal API, under <c>/internal</c> (key-checked, never behind the gateway):
/// <list type="bullet">
/// <item><c>GET /internal/shops/{id}</c>: a shop's current snapshot, for a subgraph that has not yet heard of a shop
/// through the events (a seller lists a product a moment after opening the shop). Client: <see cref="ShopDirectory"/>.</item>
/// <item><c>/internal/coupons/{quote|redemptions|releases}</c>: coupons priced, redeemed and given back. Client:
/// <see cref="CouponClient"/>. A malformed request is a 400 with the problems; a coupon that does not apply is a normal
/// answer with a reason code.</item>
/// </list>
/// </summary>
public static class ShopsInternalApi
{
    public static WebApplication MapShopsInternalApi(this WebApplication app)
    {
        var api = app.MapInternalApi();
        api.MapGet("/shops/{id:guid}", async (Guid id, ShopsDbContext db, CancellationToken cancellationToken) =>
            await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } shop
                ? Results.Ok(shop.ToSnapshot())
                : Results.NotFound());

        var coupons = api.MapGroup("/coupons");
        coupons.MapPost("/quote", async (CouponQuoteRequest request, CouponDesk desk, CancellationToken cancellationToken) =>
            Problems(request.Code, request.Subtotal, request.Lines) is { } problems
                ? Results.ValidationProblem(problems)
                : Results.Ok(await desk.QuoteAsync(request, cancellationToken)));
        coupons.MapPost("/redemptions", async (CouponRedemptionRequest request, CouponDesk desk, CancellationToken cancellationToken) =>
            Problems(request.Code, request.Subtotal, request.Lines) is { } problems
                ? Results.ValidationProblem(problems)
                : Results.Ok(await desk.RedeemAsync(request, cancellationToken)));
        coupons.MapPost("/releases", async (CouponReleaseRequest request, CouponDesk desk, CancellationToken cancellationToken) =>
            Results.Ok(await desk.ReleaseAsync(request, cancellationToken)));
        return app;
    }

    private static Dictionary<string, string[]>? Problems(string? code, CouponMoney? subtotal, IReadOnlyList<CouponLine>? lines)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(code))
            problems["code"] = ["The coupon code is required."];
        if (subtotal is null || subtotal.Amount < 0 || string.IsNullOrWhiteSpace(subtotal.Currency))
            problems["subtotal"] = ["The subtotal is a non-negative amount with its currency."];
        if (lines is null || lines.Any(l => l is null || l.Amount < 0))
            problems["lines"] = ["The lines are required (possibly empty), each with a non-negative amount."];
        return problems.Count > 0 ? problems : null;
    }
}
