using GoShop.BuildingBlocks.Domain;
using GoShop.Identity.Domain;
using AuthRoles = GoShop.BuildingBlocks.Auth.Roles;

namespace GoShop.Identity.Tests.Domain;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_normalises_the_email_and_makes_an_active_buyer()
    {
        var user = User.Register("  Ann.Lee@Example.COM ", "hash", "  Ann Lee ", "  ", Now);

        Assert.Equal("Ann.Lee@Example.COM", user.Email);
        Assert.Equal("ann.lee@example.com", user.NormalizedEmail);
        Assert.Equal("Ann Lee", user.FullName);
        Assert.Null(user.Phone);
        Assert.Equal([AuthRoles.Buyer], user.Roles);
        Assert.True(user.IsActive);
        Assert.Null(user.DefaultAddressId);
        Assert.Equal(7, user.Id.Version);
    }

    [Fact]
    public void Granting_a_role_twice_keeps_one()
    {
        var user = NewUser();

        user.GrantRole(AuthRoles.Seller, Now);
        user.GrantRole(AuthRoles.Seller, Now);

        Assert.Equal([AuthRoles.Buyer, AuthRoles.Seller], user.Roles);
    }

    [Fact]
    public void Update_profile_ignores_a_blank_name_and_clears_the_phone_only_when_asked()
    {
        var user = User.Register("a@example.com", "hash", "Ann Lee", "0901 234 567", Now);

        user.UpdateProfile("  ", null, clearPhone: false, Now);
        Assert.Equal("Ann Lee", user.FullName);
        Assert.Equal("0901 234 567", user.Phone);

        user.UpdateProfile(" Ann Tran ", null, clearPhone: true, Now.AddMinutes(1));
        Assert.Equal("Ann Tran", user.FullName);
        Assert.Null(user.Phone);
        Assert.Equal(Now.AddMinutes(1), user.UpdatedAt);
    }

    [Fact]
    public void The_first_address_becomes_the_default_and_later_ones_do_not()
    {
        var user = NewUser();

        var first = user.AddAddress(Details("Hồ Chí Minh"), Now);
        var second = user.AddAddress(Details("Hà Nội"), Now.AddMinutes(1));

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Equal(first.Value.Id, user.DefaultAddressId);
        Assert.Equal(2, user.Addresses.Count);
        Assert.All(user.Addresses, a => Assert.Equal(user.Id, a.UserId));
    }

    [Fact]
    public void An_address_is_stored_trimmed_with_blank_optional_fields_dropped_and_the_country_upper_cased()
    {
        var user = NewUser();

        var address = user.AddAddress(
            new AddressDetails(" Ann ", " 0901 234 567 ", " 1 Main St ", "  ", "", " Q1 ", " HCM ", " vn ", " ", new GeoPoint(10.5, 106.5)), Now).Value!;

        Assert.Equal("Ann", address.RecipientName);
        Assert.Equal("0901 234 567", address.Phone);
        Assert.Equal("1 Main St", address.Line1);
        Assert.Null(address.Line2);
        Assert.Null(address.Ward);
        Assert.Null(address.PostalCode);
        Assert.Equal("VN", address.Country);
        Assert.Equal(new GeoPoint(10.5, 106.5), address.Location);
    }

    [Fact]
    public void Set_default_moves_the_default_and_refuses_an_address_of_someone_else()
    {
        var user = NewUser();
        var first = user.AddAddress(Details("Hồ Chí Minh"), Now).Value!;
        var second = user.AddAddress(Details("Hà Nội"), Now).Value!;

        Assert.True(user.SetDefaultAddress(second.Id, Now).Succeeded);
        Assert.Equal(second.Id, user.DefaultAddressId);

        var unknown = user.SetDefaultAddress(Guid.CreateVersion7(), Now);
        Assert.Equal(IdentityErrors.AddressNotFound, unknown.Error);
        Assert.Equal(second.Id, user.DefaultAddressId);
        Assert.NotEqual(first.Id, user.DefaultAddressId);
    }

    [Fact]
    public void Removing_the_default_promotes_the_most_recently_changed_other_address()
    {
        var user = NewUser();
        var home = user.AddAddress(Details("Hồ Chí Minh"), Now).Value!;
        var office = user.AddAddress(Details("Hà Nội"), Now.AddMinutes(1)).Value!;
        var newest = user.AddAddress(Details("Đà Nẵng"), Now.AddMinutes(2)).Value!;
        user.UpdateAddress(office.Id, Details("Hải Phòng"), Now.AddMinutes(3));

        Assert.True(user.RemoveAddress(home.Id, Now.AddMinutes(4)).Succeeded);

        Assert.Equal(office.Id, user.DefaultAddressId);
        Assert.Equal(new[] { office.Id, newest.Id }.Order(), user.Addresses.Select(a => a.Id).Order());
    }

    [Fact]
    public void Removing_another_address_keeps_the_default()
    {
        var user = NewUser();
        var home = user.AddAddress(Details("Hồ Chí Minh"), Now).Value!;
        var office = user.AddAddress(Details("Hà Nội"), Now.AddMinutes(1)).Value!;

        user.RemoveAddress(office.Id, Now.AddMinutes(2));

        Assert.Equal(home.Id, user.DefaultAddressId);
    }

    [Fact]
    public void Removing_the_last_address_leaves_no_default()
    {
        var user = NewUser();
        var only = user.AddAddress(Details("Hồ Chí Minh"), Now).Value!;

        user.RemoveAddress(only.Id, Now);

        Assert.Empty(user.Addresses);
        Assert.Null(user.DefaultAddressId);
    }

    [Fact]
    public void Removing_or_changing_an_unknown_address_fails_and_changes_nothing()
    {
        var user = NewUser();
        var home = user.AddAddress(Details("Hồ Chí Minh"), Now).Value!;

        var removed = user.RemoveAddress(Guid.CreateVersion7(), Now.AddMinutes(1));
        var updated = user.UpdateAddress(Guid.CreateVersion7(), Details("Huế"), Now.AddMinutes(1));

        Assert.Equal(IdentityErrors.AddressNotFound, removed.Error);
        Assert.Equal(IdentityErrors.AddressNotFound, updated.Error);
        Assert.Equal("Hồ Chí Minh", Assert.Single(user.Addresses).City);
        Assert.Equal(home.Id, user.DefaultAddressId);
        Assert.Equal(Now, user.UpdatedAt);
    }

    [Fact]
    public void A_user_keeps_at_most_twenty_addresses()
    {
        var user = NewUser();
        for (var i = 0; i < User.MaxAddresses; i++)
            Assert.True(user.AddAddress(Details($"City {i}"), Now).Succeeded);

        var extra = user.AddAddress(Details("One too many"), Now);

        Assert.Equal(IdentityErrors.AddressLimitReached, extra.Error);
        Assert.Equal(20, user.Addresses.Count);
        Assert.DoesNotContain(user.Addresses, a => a.City == "One too many");
    }

    [Fact]
    public void Registering_as_shipper_adds_the_profile_and_the_role()
    {
        var user = NewUser();

        var registered = user.RegisterAsShipper(VehicleType.Van, " 51c-111.11 ", "1234", "hash-of-id", Now);

        Assert.True(registered.Succeeded);
        Assert.Equal(VehicleType.Van, user.ShipperProfile!.VehicleType);
        Assert.Equal("51C-111.11", user.ShipperProfile.PlateNumber);
        Assert.Equal("1234", user.ShipperProfile.IdNumberLast4);
        Assert.Equal(Now, user.ShipperProfile.RegisteredAt);
        Assert.Equal([AuthRoles.Buyer, AuthRoles.Shipper], user.Roles);
    }

    [Fact]
    public void Registering_as_shipper_twice_fails_and_keeps_the_first_profile()
    {
        var user = NewUser();
        user.RegisterAsShipper(VehicleType.Van, "51C-111.11", "1234", "first", Now);

        var again = user.RegisterAsShipper(VehicleType.Car, "30A-999.99", "9876", "second", Now);

        Assert.Equal(IdentityErrors.AlreadyShipper, again.Error);
        Assert.Equal("51C-111.11", user.ShipperProfile!.PlateNumber);
        Assert.Equal("first", user.ShipperProfile.IdNumberHash);
        Assert.Equal([AuthRoles.Buyer, AuthRoles.Shipper], user.Roles);
    }

    [Fact]
    public void A_user_given_the_shipper_role_otherwise_cannot_register_as_shipper_again()
    {
        var user = NewUser();
        user.GrantRole(AuthRoles.Shipper, Now);

        var registered = user.RegisterAsShipper(VehicleType.Bicycle, "BIKE-01", "1234", "hash", Now);

        Assert.Equal(IdentityErrors.AlreadyShipper, registered.Error);
        Assert.Null(user.ShipperProfile);
    }

    [Fact]
    public void Delete_erases_every_personal_detail_and_closes_the_account()
    {
        var user = User.Register("ann@example.com", "hash", "Ann Lee", "0901 234 567", Now);
        user.AddAddress(Details("Hồ Chí Minh"), Now);
        user.RegisterAsShipper(VehicleType.Motorbike, "59X1-23456", "1234", "hash-of-id", Now);
        var later = Now.AddDays(30);

        user.Delete(later);

        Assert.Equal(UserStatus.Deleted, user.Status);
        Assert.False(user.IsActive);
        Assert.DoesNotContain("ann", user.Email, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".invalid", user.Email, StringComparison.Ordinal);
        Assert.Equal(user.Email, user.NormalizedEmail);
        Assert.Equal("", user.PasswordHash);
        Assert.Equal("Deleted user", user.FullName);
        Assert.Null(user.Phone);
        Assert.Empty(user.Addresses);
        Assert.Null(user.DefaultAddressId);
        Assert.Null(user.ShipperProfile);
        Assert.Empty(user.Roles);
        Assert.Equal(later, user.DeletedAt);
    }

    [Fact]
    public void Two_deleted_accounts_never_share_an_email()
    {
        var first = NewUser();
        var second = NewUser();

        first.Delete(Now);
        second.Delete(Now);

        Assert.NotEqual(first.NormalizedEmail, second.NormalizedEmail);
    }

    [Fact]
    public void Suspend_keeps_the_trimmed_reason_and_the_time_and_stops_the_account_being_active()
    {
        var user = NewUser();
        var later = Now.AddDays(1);

        var suspended = user.Suspend("  Sold counterfeit goods  ", later);

        Assert.True(suspended.Succeeded);
        Assert.Equal(UserStatus.Suspended, user.Status);
        Assert.False(user.IsActive);
        Assert.Equal("Sold counterfeit goods", user.SuspensionReason);
        Assert.Equal(later, user.SuspendedAt);
        Assert.Equal(later, user.UpdatedAt);
    }

    [Fact]
    public void Suspending_a_suspended_user_fails_and_keeps_the_first_reason()
    {
        var user = NewUser();
        user.Suspend("First reason", Now);

        var again = user.Suspend("Second reason", Now.AddHours(1));

        Assert.Equal(IdentityErrors.AlreadySuspended, again.Error);
        Assert.Equal("ALREADY_SUSPENDED", again.Error!.Code);
        Assert.Equal("First reason", user.SuspensionReason);
        Assert.Equal(Now, user.SuspendedAt);
    }

    [Fact]
    public void Reinstate_makes_a_suspended_user_active_and_forgets_the_suspension()
    {
        var user = NewUser();
        user.Suspend("Spam", Now);
        var later = Now.AddDays(2);

        var reinstated = user.Reinstate(later);

        Assert.True(reinstated.Succeeded);
        Assert.Equal(UserStatus.Active, user.Status);
        Assert.True(user.IsActive);
        Assert.Null(user.SuspensionReason);
        Assert.Null(user.SuspendedAt);
        Assert.Equal(later, user.UpdatedAt);
    }

    [Fact]
    public void Reinstating_an_active_user_fails_and_changes_nothing()
    {
        var user = NewUser();

        var reinstated = user.Reinstate(Now.AddHours(1));

        Assert.Equal(IdentityErrors.NotSuspended, reinstated.Error);
        Assert.Equal("NOT_SUSPENDED", reinstated.Error!.Code);
        Assert.Equal(UserStatus.Active, user.Status);
        Assert.Equal(Now, user.UpdatedAt);
    }

    [Fact]
    public void A_deleted_user_can_be_neither_suspended_nor_reinstated()
    {
        var user = NewUser();
        user.Delete(Now);

        var suspended = user.Suspend("Too late", Now.AddHours(1));
        var reinstated = user.Reinstate(Now.AddHours(1));

        Assert.Equal(IdentityErrors.AccountDeleted, suspended.Error);
        Assert.Equal(IdentityErrors.AccountDeleted, reinstated.Error);
        Assert.Equal(UserStatus.Deleted, user.Status);
        Assert.Null(user.SuspensionReason);
        Assert.Null(user.SuspendedAt);
    }

    [Fact]
    public void Deleting_a_suspended_user_erases_the_suspension_reason_too()
    {
        var user = NewUser();
        user.Suspend("Harassed a shipper", Now);

        user.Delete(Now.AddDays(1));

        Assert.Equal(UserStatus.Deleted, user.Status);
        Assert.Null(user.SuspensionReason);
        Assert.Null(user.SuspendedAt);
    }

    private static User NewUser() => User.Register($"user-{Guid.NewGuid():N}@example.com", "hash", "Test Buyer", null, Now);

    private static AddressDetails Details(string city) =>
        new("Nguyễn Văn An", "+84 901 234 567", "12 Lê Lợi", null, "Bến Nghé", "Quận 1", city, "VN", "700000", null);
}
