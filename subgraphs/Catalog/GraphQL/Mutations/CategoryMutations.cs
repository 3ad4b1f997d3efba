using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Catalog.GraphQL.Mutations.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

public sealed record CreateCategoryInput
{
    [Description("The Vietnamese name.")]
    public required string Name { get; init; }

    [Description("The English name.")]
    public string? NameEn { get; init; }

    [Description("Default: made from the English name, else the Vietnamese one.")]
    public string? Slug { get; init; }

    [Description("Leave out for a top-level category.")]
    public Guid? ParentId { get; init; }

    [Description("Display order among its siblings (default: last).")]
    public int? Position { get; init; }
}

public sealed record UpdateCategoryInput
{
    public required Guid CategoryId { get; init; }

    public string? Name { get; init; }

    [Description("An empty string removes it.")]
    public string? NameEn { get; init; }

    public string? Slug { get; init; }

    [Description("Move the category (and everything under it) under this one.")]
    public Guid? ParentId { get; init; }

    [Description("Move the category (and everything under it) to the top level.")]
    public bool? MoveToTopLevel { get; init; }
}

public sealed record DeleteCategoryInput
{
    public required Guid CategoryId { get; init; }
}

public sealed class CreateCategoryInputType : AutoRegisteringInputObjectGraphType<CreateCategoryInput>;

public sealed class UpdateCategoryInputType : AutoRegisteringInputObjectGraphType<UpdateCategoryInput>;

public sealed class DeleteCategoryInputType : AutoRegisteringInputObjectGraphType<DeleteCategoryInput>;

/// <summary>
/// createCategory, updateCategory (rename, move) and deleteCategory; admins only. Changes to the tree take one
/// advisory lock, so two moves at once can never build a cycle between them.
/// </summary>
public sealed class CategoryMutations(CatalogDbContext db, TimeProvider clock)
{
    private const long TreeLock = 0x6361_7465_676f_7279; // "category"

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateCategoryPayloadType>, CategoryPayload>("createCategory")
            .Description("Adds a category, at the top level or under another one. Admins only.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<CreateCategoryInputType>>("input")
            .ResolveAsync(async context => await context.Service<CategoryMutations>().CreateAsync(context.GetArgument<CreateCategoryInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateCategoryPayloadType>, CategoryPayload>("updateCategory")
            .Description("Renames a category or moves it, with everything under it. Admins only.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<UpdateCategoryInputType>>("input")
            .ResolveAsync(async context => await context.Service<CategoryMutations>().UpdateAsync(context.GetArgument<UpdateCategoryInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteCategoryPayloadType>, DeleteCategoryPayload>("deleteCategory")
            .Description("Deletes a category that has no subcategories and no products. Admins only.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<DeleteCategoryInputType>>("input")
            .ResolveAsync(async context => await context.Service<CategoryMutations>().DeleteAsync(context.GetArgument<DeleteCategoryInput>("input"), context.CancellationToken));
    }

    public async Task<CategoryPayload> CreateAsync(CreateCategoryInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Name, "name", Category.MaxName)
            .Text(input.NameEn, "nameEn", Category.MaxName, required: false)
            .Count(input.Position, "position", 0, 10_000);
        var slug = SlugOf(check, input.Slug, input.NameEn.Trimmed() ?? input.Name);
        if (check.HasErrors)
            return Fail<CategoryPayload>(check);

        await using var transaction = await BeginTreeChangeAsync(cancellationToken);
        Category? parent = null;
        if (input.ParentId is { } parentId && (parent = await db.Categories.SingleOrDefaultAsync(c => c.Id == parentId, cancellationToken)) is null)
            return Fail<CategoryPayload>(CatalogErrors.ParentCategoryNotFound);
        if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
            return Fail<CategoryPayload>(CatalogErrors.CategorySlugTaken);
        var position = input.Position ?? await db.Categories.CountAsync(c => c.ParentId == input.ParentId, cancellationToken);
        var created = Category.Create(input.Name.Trim(), input.NameEn.Trimmed(), slug, parent, position, clock.GetUtcNow());
        if (!created.Succeeded)
            return Fail<CategoryPayload>(created.Error);
        db.Categories.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CategoryPayload { Category = created.Value };
    }

    public async Task<CategoryPayload> UpdateAsync(UpdateCategoryInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Name, "name", Category.MaxName, required: false)
            .Text(input.NameEn, "nameEn", Category.MaxName, required: false);
        if (input.Name is not null && string.IsNullOrWhiteSpace(input.Name))
            check.Add("REQUIRED", "Name cannot be blank.", "name");
        var slug = input.Slug is null ? null : SlugOf(check, input.Slug, input.Slug);
        if (input.ParentId is not null && input.MoveToTopLevel == true)
            check.Add("CONFLICTING_MOVE", "Give a parentId or moveToTopLevel, not both.", "moveToTopLevel");
        if (check.HasErrors)
            return Fail<CategoryPayload>(check);

        await using var transaction = await BeginTreeChangeAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == input.CategoryId, cancellationToken);
        if (category is null)
            return Fail<CategoryPayload>(CatalogErrors.CategoryNotFound);
        if (slug is not null && slug != category.Slug && await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
            return Fail<CategoryPayload>(CatalogErrors.CategorySlugTaken);
        var now = clock.GetUtcNow();
        if (input.ParentId is not null || input.MoveToTopLevel == true)
        {
            Category? parent = null;
            if (input.ParentId is { } parentId && (parent = await db.Categories.SingleOrDefaultAsync(c => c.Id == parentId, cancellationToken)) is null)
                return Fail<CategoryPayload>(CatalogErrors.ParentCategoryNotFound);
            var id = category.Id;
            var descendants = await db.Categories.Where(c => c.Id != id && c.Path.Contains(id)).ToListAsync(cancellationToken);
            var moved = category.MoveUnder(parent, descendants, now);
            if (!moved.Succeeded)
                return Fail<CategoryPayload>(moved.Error);
        }
        category.Rename(input.Name?.Trim(), input.NameEn?.Trim(), slug, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CategoryPayload { Category = category };
    }

    public async Task<DeleteCategoryPayload> DeleteAsync(DeleteCategoryInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginTreeChangeAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == input.CategoryId, cancellationToken);
        if (category is null)
            return Fail<DeleteCategoryPayload>(CatalogErrors.CategoryNotFound);
        if (await db.Categories.AnyAsync(c => c.ParentId == category.Id, cancellationToken))
            return Fail<DeleteCategoryPayload>(CatalogErrors.CategoryHasChildren);
        // Deleted products still point at their category (orders show it), so they count too.
        if (await db.Products.AnyAsync(p => p.CategoryId == category.Id, cancellationToken))
            return Fail<DeleteCategoryPayload>(CatalogErrors.CategoryHasProducts);
        db.Categories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeleteCategoryPayload { DeletedCategoryId = category.Id };
    }

    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginTreeChangeAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TreeLock})", cancellationToken);
        return transaction;
    }

    private static string SlugOf(InputCheck check, string? requested, string fallback)
    {
        var slug = Slugs.From(requested.Trimmed() ?? fallback ?? "");
        if (slug.Length == 0)
            check.Add("INVALID_SLUG", "A slug needs at least one letter or digit.", "slug");
        else if (slug.Length > Category.MaxSlug)
            check.Add("TOO_LONG", $"Slug must be at most {Category.MaxSlug} characters.", "slug");
        return slug;
    }
}
