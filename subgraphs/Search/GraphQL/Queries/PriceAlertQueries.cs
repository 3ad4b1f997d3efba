using System.Data;
using GoShop.BuildingBlocks.Auth;
using GoShop.Search.Data;
using GoShop.Search.Domain;
using GoShop.Search.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.GraphQL.Queries;

/// <summary>priceAlerts: the signed-in buyer's own.</summary>
public static class PriceAlertQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceAlertType>>>, IReadOnlyList<PriceAlert>>("priceAlerts")
            .Description($"The signed-in buyer's price alerts, ACTIVE first, newest first within each status (at most {PriceAlert.MaxActivePerBuyer} " +
                "active, and the 100 latest triggered). Signed-in buyers only.")
            .Authorize()
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var userId = services.GetRequiredService<ICurrentUser>().RequireId();
                var db = services.GetRequiredService<SearchDbContext>();
                // Both reads from one snapshot: an alert that fires between them would otherwise be listed twice.
                await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, context.CancellationToken);
                var active = await db.PriceAlerts.AsNoTracking().Where(a => a.UserId == userId && a.Status == PriceAlertStatus.Active)
                    .OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(context.CancellationToken);
                var triggered = await db.PriceAlerts.AsNoTracking().Where(a => a.UserId == userId && a.Status == PriceAlertStatus.Triggered)
                    .OrderByDescending(a => a.TriggeredAt).ThenBy(a => a.Id).Take(100).ToListAsync(context.CancellationToken);
                return [.. active, .. triggered];
            });
    }
}
