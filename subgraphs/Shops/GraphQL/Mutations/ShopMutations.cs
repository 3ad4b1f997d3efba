using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.Media;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Types;
using GoShop.Shops.Registry;
using GraphQL.Types;
using GraphQL;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Shops.GraphQL.Mutations;

[Description("A new shop's profile.")]
public sealed record CreateShopInput
{
    [Description("2 to 100 characters. The shop's slug is made from it (dien-may-xanh for Điện Máy Xanh; numbered when taken).")]
    public required string Name { get; init; }

    [Description("What the shop says about itself, at most 2,000 characters.")]
    public string? Description { get; init; }

    [Description("The street address buyers and shippers come to, 5 to 300 characters.")]
    public required string Address { get; init; }

    [Description("Where the shop is on the map: shippers pick parcels up there, and shopsNear measures from it.")]
    public required GeoPoint Location { get; init; }

    [Description("The shop's city, at most 100 characters, e.g. Hà Nội.")]
    public string? City { get; init; }

    [Description("A phone number of 8 to 15 digits; spaces, dots, dashes, parentheses and a leading + are allowed.")]
    public string? Phone { get; init; }

    [Description("An email address for buyers.")]
    public string? Email { get; init; }

    [Description("The logo: an image you uploaded with uploadMedia (admins may use anyone's).")]
    public Guid? LogoMediaId { get; init; }

    [Description("The banner: an image you uploaded with uploadMedia (admins may use anyone's).")]
    public Guid? BannerMediaId { get; init; }

    [Description("Slugs of the categories the shop sells in, e.g. electronics: at most 10, each lower-case letters and digits joined by " +
        "single dashes, at most 50 characters. Letter case and repeats are folded away.")]
    public List<string>? Categories { get; init; }
}

[Description("Which shop to change, and the changes; fields left out stay as they are.")]
public sealed record UpdateShopInput
{
    [Description("The shop to change.")]
    public required Guid ShopId { get; init; }

    [Description("A new name, 2 to 100 characters. The slug stays, so links to the shop keep working.")]
    public string? Name { get; init; }

    [Description("At most 2,000 characters; an empty string removes it.")]
    public string? Description { get; init; }

    [Description("A new street address, 5 to 300 characters.")]
    public string? Address { get; init; }

    [Description("At most 100 characters; an empty string removes it.")]
    public string? City { get; init; }

    [Description("A new position on the map.")]
    public GeoPoint? Location { get; init; }

    [Description("8 to 15 digits (spaces, dots, dashes, parentheses and a leading + allowed); an empty string removes it.")]
    public string? Phone { get; init; }

    [Description("An email address; an empty string removes it.")]
    public string? Email { get; init; }

    [Description("A new logo: an image you uploaded with uploadMedia (admins may use anyone's).")]
    public Guid? LogoMediaId { get; init; }

    [Description("A new banner: an image you uploaded with uploadMedia (admins may use anyone's).")]
    public Guid? BannerMediaId { get; init; }

    [Description("True removes the logo; it wins over logoMediaId.")]
    public bool? RemoveLogo { get; init; }

    [Description("True removes the banner; it wins over bannerMediaId.")]
    public bool? RemoveBanner { get; init; }

    [Description("Replaces the shop's categories (same rules as in createShop: at most 10 slugs); an empty list removes them all.")]
    public List<string>? Categories { get; init; }
}

[Description("Which shop to close.")]
public sealed record DeleteShopInput
{
    [Description("The shop to close.")]
    public required Guid ShopId { get; init; }
}

[Description("Which shop to suspend or reactivate.")]
public sealed record SetShopStatusInput
{
    [Description("The shop to change.")]
    public required Guid ShopId { get; init; }

    [Description("SUSPENDED to stop the shop, ACTIVE to reactivate it. Closing is deleteShop.")]
    public required ShopStatus Status { get; init; }
}

public sealed class CreateShopInputType : AutoRegisteringInputObjectGraphType<CreateShopInput>;

public sealed class UpdateShopInputType : AutoRegisteringInputObjectGraphType<UpdateShopInput>;

public sealed class DeleteShopInputType : AutoRegisteringInputObjectGraphType<DeleteShopInput>;

public sealed class SetShopStatusInputType : AutoRegisteringInputObjectGraphType<SetShopStatusInput>;

/// <summary>createShop, updateShop, deleteShop and setShopStatus. Each change publishes ShopCreated or ShopUpdated in its transaction.</summary>
public sealed class ShopMutations(ShopRegistry registry, UploadedMedia media, ICurrentUser currentUser)
{
    public const int MaxCategories = 10;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateShopPayloadType>, ShopPayload>("createShop")
            .Description("Opens a shop owned by the signed-in user, who becomes a SELLER (in access tokens issued from then on). The shop is ACTIVE " +
                "(SUSPENDED while the owner's account is suspended). One person runs at most 5 shops that are not closed. " +
                "userErrors: REQUIRED, TOO_SHORT, TOO_LONG, INVALID_PHONE, INVALID_EMAIL, TOO_MANY_CATEGORIES, INVALID_CATEGORY, MEDIA_UNAVAILABLE, " +
                "MEDIA_NOT_FOUND, MEDIA_NOT_AN_IMAGE, MEDIA_NOT_YOURS, SHOP_LIMIT_REACHED.")
            .Authorize()
            .Argument<NonNullGraphType<CreateShopInputType>>("input", "The new shop's profile.")
            .ResolveAsync(async context => await context.Service<ShopMutations>().CreateAsync(context.GetArgument<CreateShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateShopPayloadType>, ShopPayload>("updateShop")
            .Description("Changes a shop's profile (its owner or an admin). Fields left out stay as they are; a closed shop cannot change. " +
                "userErrors: SHOP_NOT_FOUND, FORBIDDEN, SHOP_CLOSED, REQUIRED, TOO_SHORT, TOO_LONG, INVALID_PHONE, INVALID_EMAIL, TOO_MANY_CATEGORIES, " +
                "INVALID_CATEGORY, MEDIA_UNAVAILABLE, MEDIA_NOT_FOUND, MEDIA_NOT_AN_IMAGE, MEDIA_NOT_YOURS.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateShopInputType>>("input", "The shop and its changes.")
            .ResolveAsync(async context => await context.Service<ShopMutations>().UpdateAsync(context.GetArgument<UpdateShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteShopPayloadType>, ShopPayload>("deleteShop")
            .Description("Closes a shop for good (its owner or an admin). The shop stays readable with status CLOSED; past orders still point at it. " +
                "userErrors: SHOP_NOT_FOUND, FORBIDDEN, SHOP_CLOSED.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteShopInputType>>("input", "The shop to close.")
            .ResolveAsync(async context => await context.Service<ShopMutations>().DeleteAsync(context.GetArgument<DeleteShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetShopStatusPayloadType>, ShopPayload>("setShopStatus")
            .Description("Suspends or reactivates a shop (admins only). A shop an admin suspends stays suspended when its owner's account is " +
                "reinstated. userErrors: INVALID_STATUS, SHOP_NOT_FOUND, SHOP_CLOSED, SHOP_ALREADY_SUSPENDED, SHOP_ALREADY_ACTIVE.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<SetShopStatusInputType>>("input", "The shop and its new status.")
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
        if (mediaId is { } id && await media.ImageProblemAsync([id], field, "A logo or banner", adminsMayUseAny: true, cancellationToken) is { } problem)
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
