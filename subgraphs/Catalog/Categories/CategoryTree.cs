using GoShop.BuildingBlocks.Domain;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GoShop.Catalog.Categories;

/// <summary>A category's new names (trimmed; an empty English name removes it) or place; null leaves each as it is.</summary>
public sealed record CategoryEdit(Guid CategoryId, string? Name, string? NameEn, string? Slug, Guid? ParentId, bool MoveToTopLevel);

/// <summary>
/// The admins' category tree: adding, renaming, moving and deleting categories. Changes to the tree take one advisory
/// lock, so two moves at once can never build a cycle between them.
/// </summary>
public sealed class CategoryTree(CatalogDbContext db, TimeProvider clock)
{
    private const long TreeLock = 0x6361_7465_676f_7279; // "category"

    /// <param name="position">Display order among its siblings; null puts it last.</param>
    public async Task<Result<Category>> CreateAsync(string name, string? nameEn, string slug, Guid? parentId, int? position,
        CancellationToken cancellationToken)
    {
        await using var transaction = await BeginTreeChangeAsync(cancellationToken);
        Category? parent = null;
        if (parentId is { } id && (parent = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)) is null)
            return CatalogErrors.ParentCategoryNotFound;
        if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
            return CatalogErrors.CategorySlugTaken;
        var place = position ?? await db.Categories.CountAsync(c => c.ParentId == parentId, cancellationToken);
        var now = clock.GetUtcNow();
        var created = Category.Create(name, nameEn, slug, parent, place, now);
        if (!created.Succeeded)
            return created.Error;
        db.Categories.Add(created.Value);
        // Search names categories in its facets, suggestions and product documents; it learns a new one at once.
        db.Publish(new CategoryCreated(Summary(created.Value), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created.Value;
    }

    /// <summary>Renames a category or moves it, with everything under it.</summary>
    public async Task<Result<Category>> UpdateAsync(CategoryEdit edit, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginTreeChangeAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == edit.CategoryId, cancellationToken);
        if (category is null)
            return CatalogErrors.CategoryNotFound;
        if (edit.Slug is not null && edit.Slug != category.Slug && await db.Categories.AnyAsync(c => c.Slug == edit.Slug, cancellationToken))
            return CatalogErrors.CategorySlugTaken;
        var now = clock.GetUtcNow();
        var id = category.Id;
        var descendants = await db.Categories.Where(c => c.Id != id && c.Path.Contains(id)).ToListAsync(cancellationToken);
        if (edit.ParentId is not null || edit.MoveToTopLevel)
        {
            Category? parent = null;
            if (edit.ParentId is { } parentId && (parent = await db.Categories.SingleOrDefaultAsync(c => c.Id == parentId, cancellationToken)) is null)
                return CatalogErrors.ParentCategoryNotFound;
            var moved = category.MoveUnder(parent, descendants, now);
            if (!moved.Succeeded)
                return moved.Error;
        }
        category.Rename(edit.Name, edit.NameEn, edit.Slug, now);
        // Search keeps category names and paths in its product documents: it re-indexes the products under the category.
        db.Publish(new CategoryUpdated(Summary(category), descendants.Select(Summary).ToList(), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return category;
    }

    /// <summary>Deletes a category that has no subcategories and no products.</summary>
    public async Task<Result<Category>> DeleteAsync(Guid categoryId, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginTreeChangeAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
            return CatalogErrors.CategoryNotFound;
        if (await db.Categories.AnyAsync(c => c.ParentId == category.Id, cancellationToken))
            return CatalogErrors.CategoryHasChildren;
        // Deleted products still point at their category (orders show it), so they count too.
        if (await db.Products.AnyAsync(p => p.CategoryId == category.Id, cancellationToken))
            return CatalogErrors.CategoryHasProducts;
        db.Categories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return category;
    }

    private static CategorySummary Summary(Category category) => new(category.Id, category.ParentId, category.Name, category.NameEn, category.Path);

    private async Task<IDbContextTransaction> BeginTreeChangeAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TreeLock})", cancellationToken);
        return transaction;
    }
}
