using System.Text.Json;
using GoShop.BuildingBlocks.Internal;
using GoShop.Cart.Caching;
using GoShop.Cart.Carts;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Contracts.Cart;
using Microsoft.EntityFrameworkCore;
using CouponInCart = GoShop.Contracts.Cart.CartCoupon;

namespace GoShop.Cart.Internal;

/// <summary>
/// Cart's internal API, under <c>/internal</c> (key-checked, never behind the gateway): <c>/internal/carts/{userId}</c>, for
/// ordering: the buyer's cart as it stands (flagged lines too: ordering checks them again), and adding lines (reorder)
/// with the checks addToCart makes. Client: <see cref="CartDirectory"/> in Contracts.
/// </summary>
public static class CartInternalApi
{
    public static WebApplication MapCartInternalApi(this WebApplication app)
    {
        var carts = app.MapInternalApi().MapGroup("/carts");

        // From PostgreSQL, not the Redis copy: an order is placed from exactly what is committed.
        carts.MapGet("/{userId:guid}", async (Guid userId, CartDbContext db, CancellationToken ct) =>
            Results.Ok(Snapshot(await CartCache.LoadAsync(db, userId, ct))));

        carts.MapPost("/{userId:guid}/lines", async (
            Guid userId, AddCartLinesRequest request, CartLines lines, CartDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (request.Lines is not { Count: > 0 } asked || asked.Count > ShoppingCart.MaxLines || asked.Any(l => l is null))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["lines"] = [$"Between 1 and {ShoppingCart.MaxLines} lines are required."],
                });
            }
            // One transaction for the lines and the memory of the request id, taken under a lock on that id, so a
            // retry that overtakes a slow first attempt waits for it and then answers what it answered.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (request.RequestId is { } requestId)
            {
                await db.LockAsync("cart-lines-request", requestId.ToString(), ct);
                if (await db.LinesRequests.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == requestId, ct) is { } earlier)
                {
                    return earlier.UserId == userId
                        ? Results.Ok(JsonSerializer.Deserialize<AddCartLinesResult>(earlier.Answer, Json))
                        : Results.Problem("This request id was used for another buyer.", statusCode: StatusCodes.Status409Conflict);
                }
            }
            var added = await lines.AddEachAsync(userId, asked.Select(l => new LineRequest(l.ProductId, l.VariantId, l.Quantity)).ToList(),
                QuantityOverflow.Refuse, ct);
            if (!added.Succeeded)
                return Results.Problem(added.Error.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: added.Error.Code);
            var answer = new AddCartLinesResult(added.Value.Cart.Id, added.Value.Added,
                added.Value.Outcomes.Where(o => o.Error is not null)
                    .Select(o => new CartLineRejection(o.Request.ProductId, o.Request.VariantId, o.Error!.Code, o.Error.Message))
                    .ToList());
            if (request.RequestId is { } id)
                db.LinesRequests.Add(LinesRequest.Remember(id, userId, JsonSerializer.Serialize(answer, Json), clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Results.Ok(answer);
        });
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CartSnapshot Snapshot(CartState state) => new(
        state.CartId,
        state.UserId,
        state.Items.Select(i => new CartLine(i.Id, i.ProductId, i.VariantId, i.ShopId, i.Quantity)).ToList(),
        state.Coupons.Select(c => new CouponInCart(c.ShopId, c.Code)).ToList());
}
