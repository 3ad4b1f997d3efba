using AuthRoles = GoShop.BuildingBlocks.Auth.Roles;
using GoShop.BuildingBlocks.Domain;

namespace GoShop.Identity.Domain;

/// <summary>
/// A person with a GoShop account: credentials, profile, roles, shipping addresses and, for shippers, who they are.
/// Invariants kept here: exactly one default address whenever there is any (the first becomes default; removing the
/// default promotes the most recently used other one), at most <see cref="MaxAddresses"/> addresses, roles without
/// duplicates, nothing personal left after deletion, and a suspension reason and time exactly while suspended.
/// </summary>
public sealed class User
{
    public const int MaxAddresses = 20;

    private readonly List<Address> _addresses = [];

    private User()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public string FullName { get; private set; } = "";

    public string? Phone { get; private set; }

    public List<string> Roles { get; private set; } = [];

    public UserStatus Status { get; private set; }

    public Guid? DefaultAddressId { get; private set; }

    public ShipperProfile? ShipperProfile { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Why an admin suspended the account, while it is suspended.</summary>
    public string? SuspensionReason { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }

    public IReadOnlyList<Address> Addresses => _addresses;

    public bool IsActive => Status == UserStatus.Active;

    public static User Register(string email, string passwordHash, string fullName, string? phone, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        Email = email.Trim(),
        NormalizedEmail = EmailAddress.Normalize(email),
        PasswordHash = passwordHash,
        FullName = fullName.Trim(),
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
        Roles = [AuthRoles.Buyer],
        Status = UserStatus.Active,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public bool HasRole(string role) => Roles.Contains(role);

    public void GrantRole(string role, DateTimeOffset now)
    {
        if (HasRole(role))
            return;
        Roles = [.. Roles, role];
        UpdatedAt = now;
    }

    public void UpdateProfile(string? fullName, string? phone, bool clearPhone, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(fullName))
            FullName = fullName.Trim();
        if (clearPhone)
            Phone = null;
        else if (!string.IsNullOrWhiteSpace(phone))
            Phone = phone.Trim();
        UpdatedAt = now;
    }

    public void ChangePassword(string newPasswordHash, DateTimeOffset now)
    {
        PasswordHash = newPasswordHash;
        UpdatedAt = now;
    }

    public Result<Address> AddAddress(AddressDetails details, DateTimeOffset now)
    {
        if (_addresses.Count >= MaxAddresses)
            return IdentityErrors.AddressLimitReached;
        var address = new Address(Id, details, now);
        _addresses.Add(address);
        DefaultAddressId ??= address.Id;
        UpdatedAt = now;
        return address;
    }

    public Result<Address> UpdateAddress(Guid addressId, AddressDetails details, DateTimeOffset now)
    {
        if (FindAddress(addressId) is not { } address)
            return IdentityErrors.AddressNotFound;
        address.Apply(details, now);
        UpdatedAt = now;
        return address;
    }

    public Result<Address> SetDefaultAddress(Guid addressId, DateTimeOffset now)
    {
        if (FindAddress(addressId) is not { } address)
            return IdentityErrors.AddressNotFound;
        DefaultAddressId = address.Id;
        UpdatedAt = now;
        return address;
    }

    public Result RemoveAddress(Guid addressId, DateTimeOffset now)
    {
        if (FindAddress(addressId) is not { } address)
            return IdentityErrors.AddressNotFound;
        _addresses.Remove(address);
        if (DefaultAddressId == addressId)
        {
            DefaultAddressId = _addresses
                .OrderByDescending(a => a.UpdatedAt)
                .ThenByDescending(a => a.Id)
                .FirstOrDefault()?.Id;
        }
        UpdatedAt = now;
        return Result.Success;
    }

    public Result RegisterAsShipper(VehicleType vehicleType, string plateNumber, string idNumberLast4, string idNumberHash, DateTimeOffset now)
    {
        if (ShipperProfile is not null || HasRole(AuthRoles.Shipper))
            return IdentityErrors.AlreadyShipper;
        ShipperProfile = new ShipperProfile(vehicleType, plateNumber.Trim().ToUpperInvariant(), idNumberLast4, idNumberHash, now);
        GrantRole(AuthRoles.Shipper, now);
        return Result.Success;
    }

    /// <summary>
    /// Takes the account off the marketplace until <see cref="Reinstate"/>: the caller revokes its sessions and
    /// refuses its sign-ins. A deleted account stays deleted.
    /// </summary>
    public Result Suspend(string reason, DateTimeOffset now)
    {
        if (Status == UserStatus.Deleted)
            return IdentityErrors.AccountDeleted;
        if (Status == UserStatus.Suspended)
            return IdentityErrors.AlreadySuspended;
        Status = UserStatus.Suspended;
        SuspensionReason = reason.Trim();
        SuspendedAt = now;
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>Lifts a suspension; the user signs in again like before (their old sessions stay revoked).</summary>
    public Result Reinstate(DateTimeOffset now)
    {
        if (Status == UserStatus.Deleted)
            return IdentityErrors.AccountDeleted;
        if (Status != UserStatus.Suspended)
            return IdentityErrors.NotSuspended;
        Status = UserStatus.Active;
        SuspensionReason = null;
        SuspendedAt = null;
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>
    /// Deletes the account the way privacy law expects: the row stays (orders and reviews elsewhere still point at
    /// the id) but every personal detail is gone and nobody can sign in to it again.
    /// </summary>
    public void Delete(DateTimeOffset now)
    {
        Status = UserStatus.Deleted;
        Email = $"deleted-{Id:N}@deleted.goshop.invalid";
        NormalizedEmail = Email;
        PasswordHash = "";
        FullName = "Deleted user";
        Phone = null;
        _addresses.Clear();
        DefaultAddressId = null;
        ShipperProfile = null;
        Roles = [];
        SuspensionReason = null;
        SuspendedAt = null;
        DeletedAt = now;
        UpdatedAt = now;
    }

    private Address? FindAddress(Guid addressId) => _addresses.FirstOrDefault(a => a.Id == addressId);
}
