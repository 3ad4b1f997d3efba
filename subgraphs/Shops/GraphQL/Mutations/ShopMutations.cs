using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Types;
using GoShop.Shops.Registry;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Shops.GraphQL.Mutations;

public sealed record CreateShopInput
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    [Description("The street address buyers and shippers come to.")]
    public required string Address { get; init; }

    public required GeoPoint Location { get; init; }

    public string? City { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    [Description("An image uploaded with uploadMedia.")]
    public Guid? LogoMediaId { get; init; }

    [Description("An image uploaded with uploadMedia.")]
    public Guid? BannerMediaId { get; init; }

    [Description("Slugs of the categories the shop sells in, e.g. electronics (at most 10).")]
    public List<string>? Categories { get; init; }
}

public sealed record UpdateShopInput
{
    public required Guid ShopId { get; init; }

    [Description("A new name. The slug stays, so links to the shop keep working.")]
    public string? Name { get; init; }

    [Description("An empty string removes it.")]
    public string? Description { get; init; }

    public string? Address { get; init; }

    [Description("An empty string removes it.")]
    public string? City { get; init; }

    public GeoPoint? Location { get; init; }

    [Description("An empty string removes it.")]
    public string? Phone { get; init; }

    [Description("An empty string removes it.")]
    public string? Email { get; init; }

    public Guid? LogoMediaId { get; init; }

    public Guid? BannerMediaId { get; init; }

    public bool? RemoveLogo { get; init; }

    public bool? RemoveBanner { get; init; }

    [Description("Replaces the shop's categories.")]
    public List<string>? Categories { get; init; }
}

public sealed record DeleteShopInput
{
    public required Guid ShopId { get; init; }
}

public sealed record SetShopStatusInput
{
    public required Guid ShopId { get; init; }

    [Description("SUSPENDED to stop the shop, ACTIVE to reactivate it. Closing is deleteShop.")]
    public required ShopStatus Status { get; init; }
}

public sealed class CreateShopInputType : AutoRegisteringInputObjectGraphType<CreateShopInput>;

public sealed class UpdateShopInputType : AutoRegisteringInputObjectGraphType<UpdateShopInput>;

public sealed class DeleteShopInputType : AutoRegisteringInputObjectGraphType<DeleteShopInput>;

public sealed class SetShopStatusInputType : AutoRegisteringInputObjectGraphType<SetShopStatusInput>;

/// <summary>createShop, updateShop, deleteShop and setShopStatus. Each change publishes ShopCreated or ShopUpdated in its transaction.</summary>
public sealed class ShopMutations(ShopRegistry registry, ShopMedia media, ICurrentUser currentUser)
{
    public const int MaxCategories = 10;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateShopPayloadType>, ShopPayload>("createShop")
            .Description("Opens a shop owned by the signed-in user, who becomes a SELLER (in access tokens issued from then on).")
            .Authorize()
            .Argument<NonNullGraphType<CreateShopInputType>>("input")
            .ResolveAsync(async context => await context.Service<ShopMutations>().CreateAsync(context.GetArgument<CreateShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateShopPayloadType>, ShopPayload>("updateShop")
            .Description("Changes a shop's profile (owner or admin). Fields left out stay as they are.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateShopInputType>>("input")
            .ResolveAsync(async context => await context.Service<ShopMutations>().UpdateAsync(context.GetArgument<UpdateShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteShopPayloadType>, ShopPayload>("deleteShop")
            .Description("Closes a shop for good (owner or admin). The shop stays readable with status CLOSED; past orders still point at it.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteShopInputType>>("input")
            .ResolveAsync(async context => await context.Service<ShopMutations>().DeleteAsync(context.GetArgument<DeleteShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetShopStatusPayloadType>, ShopPayload>("setShopStatus")
            .Description("Suspends or reactivates a shop (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<SetShopStatusInputType>>("input")
            .ResolveAsync(async context => await context.Service<ShopMutations>().SetStatusAsync(context.GetArgument<SetShopStatusInput>("input"), context.CancellationToken));
    }

    public async Task<ShopPayload> CreateAsync(CreateShopInput input, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireId();
        var profile = new ShopProfile(input.Name ?? "", input.Description, input.Address ?? "", input.City, input.Location, input.Phone,
            input.Email, input.LogoMediaId, input.BannerMediaId, Normalize(input.Categories ?? []));
        var check = Validate(profile);
        await CheckMediaAsync(check, input.LogoMediaId, "logoMediaId", cancellationToken);
        await CheckMediaAsync(check, input.BannerMediaId, "bannerMediaId", cancellationToken);
        if (check.HasErrors)
            return Fail<ShopPayload>(check);
        return Answer(await registry.OpenAsync(ownerId, profile, cancellationToken));
    }

    public async Task<ShopPayload> UpdateAsync(UpdateShopInput input, CancellationToken cancellationToken)
    {
        var changes = new ShopChanges(input.Name, input.Description, input.Address, input.City, input.Location, input.Phone, input.Email,
            input.LogoMediaId, input.BannerMediaId, input.RemoveLogo == true, input.RemoveBanner == true,
            input.Categories is { } categories ? Normalize(categories) : null);
        // The input is judged as the profile it makes, so only once the shop is found and the caller may change it.
        InputCheck? check = null;
        var updated = await registry.UpdateProfileAsync(currentUser.RequireId(), currentUser.IsAdmin(), input.ShopId, changes, async (profile, shop) =>
        {
            check = Validate(profile);
            if (input.LogoMediaId is { } logo && logo != shop.LogoMediaId && input.RemoveLogo != true)
                await CheckMediaAsync(check, logo, "logoMediaId", cancellationToken);
            if (input.BannerMediaId is { } banner && banner != shop.BannerMediaId && input.RemoveBanner != true)
                await CheckMediaAsync(check, banner, "bannerMediaId", cancellationToken);
            return !check.HasErrors;
        }, cancellationToken);
        return check is { HasErrors: true } ? Fail<ShopPayload>(check) : Answer(updated);
    }

    public async Task<ShopPayload> DeleteAsync(DeleteShopInput input, CancellationToken cancellationToken) =>
        Answer(await registry.CloseAsync(currentUser.RequireId(), currentUser.IsAdmin(), input.ShopId, cancellationToken));

    public async Task<ShopPayload> SetStatusAsync(SetShopStatusInput input, CancellationToken cancellationToken) =>
        Answer(await registry.ChangeStatusAsync(currentUser.RequireId(), currentUser.IsAdmin(), input.ShopId, input.Status, cancellationToken));

    private static ShopPayload Answer(Result<Shop> result) =>
        result.Succeeded ? new ShopPayload { Shop = result.Value } : Fail<ShopPayload>(result.Error);

    private async Task CheckMediaAsync(InputCheck check, Guid? mediaId, string field, CancellationToken cancellationToken)
    {
        if (mediaId is { } id && await media.ProblemAsync(id, field, cancellationToken) is { } problem)
            check.Add(problem);
    }

    private static List<string> Normalize(IEnumerable<string> categories) =>
        categories.Select(c => (c ?? "").Trim().ToLowerInvariant()).Distinct().ToList();

    private static InputCheck Validate(ShopProfile profile)
    {
        var check = new InputCheck()
            .Text(profile.Name, "name", maxLength: 100, minLength: 2)
            .Text(profile.Description, "description", maxLength: 2000, required: false)
            .Text(profile.Address, "address", maxLength: 300, minLength: 5)
            .Text(profile.City, "city", maxLength: 100, required: false)
            .Phone(profile.Phone, "phone", required: false);
        if (!string.IsNullOrWhiteSpace(profile.Email))
            check.Email(profile.Email, "email");
        if (profile.Categories.Count > MaxCategories)
            check.Add("TOO_MANY_CATEGORIES", $"A shop sells in at most {MaxCategories} categories.", "categories");
        if (profile.Categories.Any(c => !IsCategorySlug(c)))
            check.Add("INVALID_CATEGORY", "Categories are slugs: lower-case letters and digits joined by dashes, e.g. home-appliances.", "categories");
        return check;
    }

    private static bool IsCategorySlug(string category) =>
        category.Length is > 0 and <= 50 && category.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !category.StartsWith('-') && !category.EndsWith('-') && !category.Contains("--", StringComparison.Ordinal);
}
