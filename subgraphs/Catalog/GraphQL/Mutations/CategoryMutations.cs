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

/// <summary>createCategory, updateCategory (rename, move) and deleteCategory; admins only.</summary>
public sealed class CategoryMutations(CategoryTree tree)
{
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
