using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;

namespace GoShop.Shops.Coupons;

/// <summary>
/// The internal coupon API under <c>/internal/coupons</c> (key-checked, never forwarded by the gateway); the typed
/// client is <see cref="CouponClient"/>. A malformed request is a 400 with the problems; a coupon that does not
/// apply is a normal answer with a reason code.
/// </summary>
public static class CouponEndpoints
{
    public static WebApplication MapCouponEndpoints(this WebApplication app)
    {
        var coupons = app.MapInternalApi().MapGroup("/coupons");
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
