using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Categories;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Catalog.GraphQL.Mutations.MutationResults;

namespace GoShop.Catalog.GraphQL.Mutations;

[Description("A new category for createCategory. Names are trimmed.")]
public sealed record CreateCategoryInput
{
    [Description("The Vietnamese name, 1 to 100 characters.")]
    public required string Name { get; init; }

    [Description("The English name, up to 100 characters; left out or blank, none.")]
    public string? NameEn { get; init; }

    [Description("Default: made from the English name, else the Vietnamese one. Whatever is given becomes lower-case letters and digits "
        + "joined by dashes (\"Điện thoại\" gives dien-thoai); it must keep at least one of them, be at most 100 characters and be unused by "
        + "other categories.")]
    public string? Slug { get; init; }

    [Description("The category to put it under (at most 5 levels deep); leave out for a top-level category.")]
    public Guid? ParentId { get; init; }

    [Description("Display order among its siblings, 0 to 10,000, lowest first (default: the number of siblings it has, which puts it last).")]
    public int? Position { get; init; }
}

[Description("The changes updateCategory makes: each field left out stays as it is. Names are trimmed.")]
public sealed record UpdateCategoryInput
{
    [Description("The category to change.")]
    public required Guid CategoryId { get; init; }

    [Description("The new Vietnamese name, 1 to 100 characters.")]
    public string? Name { get; init; }

    [Description("The new English name, up to 100 characters; an empty string removes it.")]
    public string? NameEn { get; init; }

    [Description("A new slug, made URL-friendly as in createCategory: at least one letter or digit, at most 100 characters, unused by other categories.")]
    public string? Slug { get; init; }

    [Description("Move the category (and everything under it) under this one; the tree stays at most 5 levels deep. Not with moveToTopLevel.")]
    public Guid? ParentId { get; init; }

    [Description("true moves the category (and everything under it) to the top level. Not with parentId.")]
    public bool? MoveToTopLevel { get; init; }
}

[Description("The category deleteCategory deletes.")]
public sealed record DeleteCategoryInput
{
    [Description("The category to delete.")]
    public required Guid CategoryId { get; init; }
}

public sealed class CreateCategoryInputType : AutoRegisteringInputObjectGraphType<CreateCategoryInput>;

public sealed class UpdateCategoryInputType : AutoRegisteringInputObjectGraphType<UpdateCategoryInput>;

public sealed class DeleteCategoryInputType : AutoRegisteringInputObjectGraphType<DeleteCategoryInput>;

/// <summary>createCategory, updateCategory (rename, move) and deleteCategory; admins only.</summary>
public sealed class CategoryMutations(CategoryTree tree)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateCategoryPayloadType>, CategoryPayload>("createCategory")
            .Description("Adds a category, at the top level or under another one (categories nest at most 5 levels deep). Admins only. "
                + "userErrors: REQUIRED, TOO_LONG, OUT_OF_RANGE, INVALID_SLUG, CATEGORY_NOT_FOUND, SLUG_TAKEN, CATEGORY_TOO_DEEP.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<CreateCategoryInputType>>("input", "The category to add.")
            .ResolveAsync(async context => await context.Service<CategoryMutations>().CreateAsync(context.GetArgument<CreateCategoryInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateCategoryPayloadType>, CategoryPayload>("updateCategory")
            .Description("Renames a category, changes its slug, or moves it with everything under it (the tree stays at most 5 levels deep). "
                + "Admins only. userErrors: REQUIRED, TOO_LONG, INVALID_SLUG, CONFLICTING_MOVE, CATEGORY_NOT_FOUND, SLUG_TAKEN, CATEGORY_CYCLE, "
                + "CATEGORY_TOO_DEEP.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<UpdateCategoryInputType>>("input", "The category and what to change.")
            .ResolveAsync(async context => await context.Service<CategoryMutations>().UpdateAsync(context.GetArgument<UpdateCategoryInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteCategoryPayloadType>, DeleteCategoryPayload>("deleteCategory")
            .Description("Deletes a category that has no subcategories and no products (deleted products count too). Admins only. "
                + "userErrors: CATEGORY_NOT_FOUND, CATEGORY_NOT_EMPTY.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<DeleteCategoryInputType>>("input", "The category to delete.")
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

        return Answer(await tree.CreateAsync(input.Name.Trim(), input.NameEn.Trimmed(), slug, input.ParentId, input.Position, cancellationToken));
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

        var edit = new CategoryEdit(input.CategoryId, input.Name?.Trim(), input.NameEn?.Trim(), slug, input.ParentId, input.MoveToTopLevel == true);
        return Answer(await tree.UpdateAsync(edit, cancellationToken));
    }

    public async Task<DeleteCategoryPayload> DeleteAsync(DeleteCategoryInput input, CancellationToken cancellationToken)
    {
        var deleted = await tree.DeleteAsync(input.CategoryId, cancellationToken);
        return deleted.Succeeded ? new DeleteCategoryPayload { DeletedCategoryId = deleted.Value.Id } : Fail<DeleteCategoryPayload>(deleted.Error);
    }

    private static CategoryPayload Answer(Result<Category> result) =>
        result.Succeeded ? new CategoryPayload { Category = result.Value } : Fail<CategoryPayload>(result.Error);

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
