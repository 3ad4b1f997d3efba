using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace GoShop.BuildingBlocks.GraphQL.Connections;

public static class ConnectionQueryExtensions
{
    /// <summary>
    /// Pages a query by its UUIDv7 id, which is ordered by creation time: newest first when
    /// <paramref name="newestFirst"/>. Fetches one row more than asked to learn whether a next page exists.
    /// </summary>
    public static async Task<Connection<T>> ToConnectionByIdAsync<T>(
        this IQueryable<T> query,
        Expression<Func<T, Guid>> idSelector,
        PageRequest page,
        bool newestFirst,
        CancellationToken cancellationToken)
    {
        var filtered = query;
        if (page.After is { } after)
        {
            var afterId = Cursor.ToId(after);
            var comparison = newestFirst
                ? Expression.LessThan(idSelector.Body, Expression.Constant(afterId))
                : Expression.GreaterThan(idSelector.Body, Expression.Constant(afterId));
            filtered = filtered.Where(Expression.Lambda<Func<T, bool>>(comparison, idSelector.Parameters));
        }
        var ordered = newestFirst ? filtered.OrderByDescending(idSelector) : filtered.OrderBy(idSelector);
        var rows = await ordered.Take(page.First + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > page.First;
        if (hasNext)
            rows.RemoveAt(rows.Count - 1);
        var getId = idSelector.Compile();
        var edges = rows.Select(row => new Edge<T>(Cursor.FromId(getId(row)), row)).ToList();
        var pageInfo = new PageInfo(hasNext, page.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, ct => query.CountAsync(ct));
    }
}
