using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Shops;
using NetTopologySuite.Geometries;

namespace GoShop.Shops.Domain;

/// <summary>
/// A seller's shop. Its slug is chosen once, when it opens, and stays (links to the shop keep working after a
/// rename). Status moves ACTIVE ⇄ SUSPENDED (admins, or with its owner's account) and to CLOSED (owner or admin), which
/// is final: a closed shop refuses every change. Location is a WGS-84 point (SRID 4326) so PostGIS measures distances on the globe.
/// </summary>
public sealed class Shop
{
    public const int Srid = 4326;

    private Shop()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string? Description { get; private set; }

    public string Address { get; private set; } = "";

    public string? City { get; private set; }

    public Point Location { get; private set; } = null!;

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public Guid? LogoMediaId { get; private set; }

    public Guid? BannerMediaId { get; private set; }

    public List<string> Categories { get; private set; } = [];

    public ShopStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// Suspended only because its owner's account is (see <see cref="HideWithOwner"/>): reinstating the owner brings
    /// back exactly these shops. False for a shop an admin suspended for its own reasons.
    /// </summary>
    public bool HiddenWithOwner { get; private set; }

    /// <summary>0 to 5: the average of the shop's published shop reviews, as the reviews subgraph last announced it.</summary>
    public decimal RatingAverage { get; private set; }

    /// <summary>How many published shop reviews <see cref="RatingAverage"/> averages.</summary>
    public int RatingCount { get; private set; }

    /// <summary>The version of the reviews subgraph's summary the rating comes from (0: none yet).</summary>
    public long RatingVersion { get; private set; }

    public GeoPoint Position => new(Location.Y, Location.X);

    public bool IsClosed => Status == ShopStatus.Closed;

    /// <summary>
    /// Takes the reviews subgraph's summary of version <paramref name="version"/> unless a newer one was taken already
    /// (events may arrive out of order or twice); false when it was older and changed nothing. The shop's profile did
    /// not change, so neither does <see cref="UpdatedAt"/>.
    /// </summary>
    public bool ApplyPublishedRatings(decimal average, int count, long version)
    {
        if (version <= RatingVersion)
            return false;
        RatingVersion = version;
        RatingAverage = count == 0 ? 0 : Math.Clamp(average, 0, 5);
        RatingCount = count;
        return true;
    }

    public static Shop Open(Guid ownerId, string slug, ShopProfile profile, DateTimeOffset now, Guid? id = null)
    {
        var shop = new Shop
        {
            Id = id ?? Guid.CreateVersion7(),
            OwnerId = ownerId,
            Slug = slug,
            Status = ShopStatus.Active,
            CreatedAt = now,
        };
        shop.Apply(profile, now);
        return shop;
    }

    public static Point PointOf(GeoPoint position) => new(position.Lng, position.Lat) { SRID = Srid };

    public Result UpdateProfile(ShopProfile profile, DateTimeOffset now)
    {
        if (IsClosed)
            return ShopErrors.ShopClosed;
        Apply(profile, now);
        return Result.Success;
    }

    /// <summary>Lets go of a picture the media subgraph deleted (logo, banner or both); answers whether it used it.</summary>
    public bool ForgetMedia(Guid mediaId, DateTimeOffset now)
    {
        if (LogoMediaId != mediaId && BannerMediaId != mediaId)
            return false;
        if (LogoMediaId == mediaId)
            LogoMediaId = null;
        if (BannerMediaId == mediaId)
            BannerMediaId = null;
        UpdatedAt = now;
        return true;
    }

    public Result Close(DateTimeOffset now)
    {
        if (IsClosed)
            return ShopErrors.ShopClosed;
        Status = ShopStatus.Closed;
        HiddenWithOwner = false;
        ClosedAt = now;
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>
    /// An admin suspends the shop. One already hidden with its owner stays suspended on the admin's word instead, so
    /// reinstating the owner no longer brings it back.
    /// </summary>
    public Result Suspend(DateTimeOffset now) => Status switch
    {
        ShopStatus.Closed => ShopErrors.ShopClosed,
        ShopStatus.Suspended when !HiddenWithOwner => ShopErrors.ShopAlreadySuspended,
        _ => MoveTo(ShopStatus.Suspended, now),
    };

    public Result Reactivate(DateTimeOffset now) => Status switch
    {
        ShopStatus.Closed => ShopErrors.ShopClosed,
        ShopStatus.Active => ShopErrors.ShopAlreadyActive,
        _ => MoveTo(ShopStatus.Active, now),
    };

    /// <summary>
    /// The owner's account was suspended: an active shop is hidden from buyers until the owner is reinstated. Answers
    /// whether the shop changed (a suspended or closed one stays as it is).
    /// </summary>
    public bool HideWithOwner(DateTimeOffset now)
    {
        if (Status != ShopStatus.Active)
            return false;
        MoveTo(ShopStatus.Suspended, now);
        HiddenWithOwner = true;
        return true;
    }

    /// <summary>The owner was reinstated: a shop hidden only because of the suspension is active again. Answers whether it changed.</summary>
    public bool ReturnWithOwner(DateTimeOffset now)
    {
        if (Status != ShopStatus.Suspended || !HiddenWithOwner)
            return false;
        MoveTo(ShopStatus.Active, now);
        return true;
    }

    /// <summary>The state other subgraphs keep a copy of, as the shop events carry it.</summary>
    public ShopSnapshot ToSnapshot() => new(
        Id, OwnerId, Name, Slug, Status.ToString().ToUpperInvariant(), Location.Y, Location.X, Address, [.. Categories]);

    private Result MoveTo(ShopStatus status, DateTimeOffset now)
    {
        Status = status;
        HiddenWithOwner = false;
        UpdatedAt = now;
        return Result.Success;
    }

    private void Apply(ShopProfile profile, DateTimeOffset now)
    {
        Name = profile.Name.Trim();
        Description = Blank(profile.Description);
        Address = profile.Address.Trim();
        City = Blank(profile.City);
        Location = PointOf(profile.Location);
        Phone = Blank(profile.Phone);
        Email = Blank(profile.Email);
        LogoMediaId = profile.LogoMediaId;
        BannerMediaId = profile.BannerMediaId;
        Categories = [.. profile.Categories.Distinct()];
        UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
