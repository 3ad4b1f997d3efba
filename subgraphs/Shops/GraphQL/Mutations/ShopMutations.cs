using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
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
public sealed class ShopMutations(ShopsDbContext db, ShopMedia media, ICurrentUser currentUser, TimeProvider clock, IOptions<ShopsOptions> options)
{
    public const int MaxCategories = 10;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateShopPayloadGraphType>, ShopPayload>("createShop")
            .Description("Opens a shop owned by the signed-in user, who becomes a SELLER (in access tokens issued from then on).")
            .Authorize()
            .Argument<NonNullGraphType<CreateShopInputType>>("input")
            .ResolveAsync(async context => await context.Service<ShopMutations>().CreateAsync(context.GetArgument<CreateShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateShopPayloadGraphType>, ShopPayload>("updateShop")
            .Description("Changes a shop's profile (owner or admin). Fields left out stay as they are.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateShopInputType>>("input")
            .ResolveAsync(async context => await context.Service<ShopMutations>().UpdateAsync(context.GetArgument<UpdateShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteShopPayloadGraphType>, ShopPayload>("deleteShop")
            .Description("Closes a shop for good (owner or admin). The shop stays readable with status CLOSED; past orders still point at it.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteShopInputType>>("input")
            .ResolveAsync(async context => await context.Service<ShopMutations>().DeleteAsync(context.GetArgument<DeleteShopInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetShopStatusPayloadGraphType>, ShopPayload>("setShopStatus")
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync("shop-owner", ownerId.ToString(), cancellationToken);
        var limit = options.Value.MaxOpenShopsPerOwner;
        if (await db.Shops.CountAsync(s => s.OwnerId == ownerId && s.Status != ShopStatus.Closed, cancellationToken) >= limit)
            return Fail<ShopPayload>(ShopErrors.ShopLimitReached(limit));
        // One slug allocation at a time: shops open rarely, and two names may fold to one slug.
        await db.LockAsync("shop-slug", "", cancellationToken);
        var slug = await FreeSlugAsync(ShopSlug.From(profile.Name), cancellationToken);

        var now = clock.GetUtcNow();
        var shop = Shop.Open(ownerId, slug, profile, now);
        db.Shops.Add(shop);
        db.Publish(new ShopCreated(shop.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ShopPayload { Shop = shop };
    }

    public async Task<ShopPayload> UpdateAsync(UpdateShopInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, currentUser, input.ShopId, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<ShopPayload>(loaded.Error);
        var shop = loaded.Value;
        var profile = new ShopProfile(
            input.Name ?? shop.Name,
            input.Description ?? shop.Description,
            input.Address ?? shop.Address,
            input.City ?? shop.City,
            input.Location ?? shop.Position,
            input.Phone ?? shop.Phone,
            input.Email ?? shop.Email,
            input.RemoveLogo == true ? null : input.LogoMediaId ?? shop.LogoMediaId,
            input.RemoveBanner == true ? null : input.BannerMediaId ?? shop.BannerMediaId,
            input.Categories is { } categories ? Normalize(categories) : shop.Categories);
        var check = Validate(profile);
        if (input.LogoMediaId is { } logo && logo != shop.LogoMediaId && input.RemoveLogo != true)
            await CheckMediaAsync(check, logo, "logoMediaId", cancellationToken);
        if (input.BannerMediaId is { } banner && banner != shop.BannerMediaId && input.RemoveBanner != true)
            await CheckMediaAsync(check, banner, "bannerMediaId", cancellationToken);
        if (check.HasErrors)
            return Fail<ShopPayload>(check);

        var now = clock.GetUtcNow();
        var updated = shop.UpdateProfile(profile, now);
        if (!updated.Succeeded)
            return Fail<ShopPayload>(updated.Error);
        return await SaveAsync(shop, now, transaction, cancellationToken);
    }

    public async Task<ShopPayload> DeleteAsync(DeleteShopInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, currentUser, input.ShopId, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<ShopPayload>(loaded.Error);
        var now = clock.GetUtcNow();
        var closed = loaded.Value.Close(now);
        if (!closed.Succeeded)
            return Fail<ShopPayload>(closed.Error);
        return await SaveAsync(loaded.Value, now, transaction, cancellationToken);
    }

    public async Task<ShopPayload> SetStatusAsync(SetShopStatusInput input, CancellationToken cancellationToken)
    {
        if (input.Status == ShopStatus.Closed)
            return Fail<ShopPayload>(new DomainError("INVALID_STATUS", "Close a shop with deleteShop.", "status"));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, currentUser, input.ShopId, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<ShopPayload>(loaded.Error);
        var now = clock.GetUtcNow();
        var changed = input.Status == ShopStatus.Suspended ? loaded.Value.Suspend(now) : loaded.Value.Reactivate(now);
        if (!changed.Succeeded)
            return Fail<ShopPayload>(changed.Error);
        return await SaveAsync(loaded.Value, now, transaction, cancellationToken);
    }

    private async Task<ShopPayload> SaveAsync(Shop shop, DateTimeOffset now, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        db.Publish(new ShopUpdated(shop.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ShopPayload { Shop = shop };
    }

    /// <summary>The slug itself when free, else the first free numbered variant (slug-2, slug-3, ...).</summary>
    private async Task<string> FreeSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var prefix = slug + "-%";
        var taken = (await db.Shops.Where(s => s.Slug == slug || EF.Functions.Like(s.Slug, prefix)).Select(s => s.Slug).ToListAsync(cancellationToken))
            .ToHashSet();
        if (!taken.Contains(slug))
            return slug;
        var number = 2;
        while (taken.Contains(ShopSlug.WithSuffix(slug, number)))
            number++;
        return ShopSlug.WithSuffix(slug, number);
    }

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
