using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Catalog;
using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Events;

/// <summary>
/// A category catalog added: copied with its names and path, so every instance's index feed names it (facets, suggestions,
/// the words of its products) from its first product on, instead of from the next read of catalog's tree.
/// </summary>
public sealed class CategoryCreatedHandler(SearchDbContext db, TimeProvider clock, ILogger<CategoryCreatedHandler> logger)
    : IntegrationEventHandler<CategoryCreated, SearchDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CategoryCreated message, CancellationToken cancellationToken)
    {
        await Db.LockAsync("search.category", "tree", cancellationToken);
        var category = message.Category;
        var copy = await Db.Categories.SingleOrDefaultAsync(c => c.Id == category.Id, cancellationToken);
        if (copy is null)
            Db.Categories.Add(copy = CategoryCopy.Create(category.Id));
        // A rename or move handled first is newer: the copy keeps it.
        copy.Apply(category.ParentId, category.Name, category.NameEn, category.Path, message.OccurredAt);
    }
}

/// <summary>
/// Catalog's category renames and moves: the category and those under it are copied with their new names and paths,
/// and the products under it take the new path; the copies' transaction stamps make every instance's index feed read
/// the names, then re-index those products in the background.
/// </summary>
public sealed class CategoryUpdatedHandler(SearchDbContext db, TimeProvider clock, ILogger<CategoryUpdatedHandler> logger)
    : IntegrationEventHandler<CategoryUpdated, SearchDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CategoryUpdated message, CancellationToken cancellationToken)
    {
        // Catalog changes its tree one change at a time; so does search.
        await Db.LockAsync("search.category", "tree", cancellationToken);
        var summaries = new[] { message.Category }.Concat(message.Descendants).ToList();
        var ids = summaries.Select(c => c.Id).ToList();
        var copies = await Db.Categories.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var applied = false;
        foreach (var summary in summaries)
        {
            if (!copies.TryGetValue(summary.Id, out var copy))
                Db.Categories.Add(copy = CategoryCopy.Create(summary.Id));
            applied |= copy.Apply(summary.ParentId, summary.Name, summary.NameEn, summary.Path, message.OccurredAt) && summary == message.Category;
        }
        if (!applied)
            return;
        // Every product under the category has it in its path, before and after a move: the part down to it becomes its
        // new path, the part under it stays. One statement for the whole subtree; a rename alone rewrites the same path,
        // which is enough to stamp the rows for the feed.
        var category = message.Category.Id;
        Guid[] path = [.. message.Category.Path];
        await Db.Database.ExecuteSqlAsync($"""
            UPDATE product_copies SET category_path = {path} || category_path[array_position(category_path, {category}) + 1:]
            WHERE {category} = ANY(category_path)
            """, cancellationToken);
    }
}
