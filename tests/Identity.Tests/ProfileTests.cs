using System.Text.Json;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Tests;

public sealed class ProfileTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Update_profile_changes_the_name_and_phone()
    {
        var account = await app.RegisterAsync();

        var payload = await UpdateAsync(account.Client, new { fullName = "  Phạm Minh Châu ", phone = "+84 912 345 678" });

        var user = payload.Succeeded().GetProperty("user");
        Assert.Equal("Phạm Minh Châu", user.Text("fullName"));
        Assert.Equal("+84 912 345 678", user.Text("phone"));
        var me = (await account.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        Assert.Equal("Phạm Minh Châu", me.Get("me.fullName").GetString());
        Assert.Equal("+84 912 345 678", me.Get("me.phone").GetString());
    }

    [Fact]
    public async Task Update_profile_leaves_out_fields_as_they_are_and_an_empty_phone_clears_it()
    {
        var account = await app.RegisterAsync(fullName: "Đỗ Quang Huy");
        (await UpdateAsync(account.Client, new { phone = "0901 234 567" })).Succeeded();

        var cleared = await UpdateAsync(account.Client, new { phone = "" });

        var user = cleared.Succeeded().GetProperty("user");
        Assert.Equal(JsonValueKind.Null, user.GetProperty("phone").ValueKind);
        Assert.Equal("Đỗ Quang Huy", user.Text("fullName"));
        var stored = await app.StoredUserAsync(account.Id);
        Assert.Null(stored.Phone);
        Assert.Equal("Đỗ Quang Huy", stored.FullName);
    }

    public static TheoryData<string?, string?, string, string> BadProfiles => new()
    {
        { "   ", null, "REQUIRED", "fullName" },
        { "", null, "REQUIRED", "fullName" },
        { new string('x', 101), null, "TOO_LONG", "fullName" },
        { null, "call me maybe", "INVALID_PHONE", "phone" },
        { null, "123", "INVALID_PHONE", "phone" },
        { null, "+84 1234 5678 9012 345", "INVALID_PHONE", "phone" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task Update_profile_refuses_bad_input_and_changes_nothing(string? fullName, string? phone, string code, string field)
    {
        var account = await app.RegisterAsync(fullName: "Vũ Ngọc Lan");
        (await UpdateAsync(account.Client, new { phone = "0901 234 567" })).Succeeded();

        var payload = await UpdateAsync(account.Client, new { fullName, phone });

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", field], payload.FirstErrorField());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("user").ValueKind);
        var stored = await app.StoredUserAsync(account.Id);
        Assert.Equal("Vũ Ngọc Lan", stored.FullName);
        Assert.Equal("0901 234 567", stored.Phone);
    }

    [Fact]
    public async Task Update_profile_without_a_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.UpdateProfile, new { input = new { fullName = "Nobody" } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Delete_account_with_a_wrong_password_is_refused_and_changes_nothing()
    {
        var account = await app.RegisterAsync(fullName: "Hoàng Gia Bảo");
        (await account.Client.MutateAsync(Operations.AddAddress, Operations.HomeAddress())).Succeeded();

        var payload = await DeleteAsync(account.Client, "Not-my-password-1");

        Assert.Equal(["WRONG_PASSWORD"], payload.UserErrorCodes());
        Assert.Equal(["input", "password"], payload.FirstErrorField());
        Assert.False(payload.GetProperty("success").GetBoolean());
        var me = (await account.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        Assert.Equal("ACTIVE", me.Get("me.status").GetString());
        Assert.Equal(account.Email, me.Get("me.email").GetString());
        Assert.Equal("Hoàng Gia Bảo", me.Get("me.fullName").GetString());
        Assert.Equal(1, me.Get("me.addresses").GetArrayLength());
        (await app.RefreshAsync(account.RefreshToken)).Succeeded();
    }

    [Fact]
    public async Task Delete_account_erases_personal_data_and_signs_out_everywhere()
    {
        var admin = await app.RegisterAdminAsync();
        var account = await app.RegisterAsync(fullName: "Trịnh Công Sơn");
        var otherSession = (await app.LoginAsync(account.Email, account.Password)).Succeeded();
        (await UpdateAsync(account.Client, new { phone = "0901 234 567" })).Succeeded();
        (await account.Client.MutateAsync(Operations.AddAddress, Operations.HomeAddress())).Succeeded();
        (await RegisterAsShipperAsync(account.Client, "MOTORBIKE", "59X1-23456", NewIdNumber())).Succeeded();

        var payload = await DeleteAsync(account.Client, account.Password);

        Assert.True(payload.Succeeded().GetProperty("success").GetBoolean());
        Assert.Equal(["UNAUTHENTICATED"], (await account.Client.SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], (await app.Client(otherSession.Text("accessToken")).SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(account.RefreshToken)).UserErrorCodes());
        Assert.Equal(["INVALID_CREDENTIALS"], (await app.LoginAsync(account.Email, account.Password)).UserErrorCodes());

        var seenByAdmin = (await admin.Client.SendAsync(Operations.UserById, new { id = account.Id })).EnsureNoErrors().Get("user");
        Assert.Equal("Deleted user", seenByAdmin.Text("fullName"));
        Assert.Equal("DELETED", seenByAdmin.Text("status"));
        Assert.DoesNotContain(account.Email, seenByAdmin.Text("email"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, seenByAdmin.GetProperty("phone").ValueKind);
        Assert.Equal(0, seenByAdmin.GetProperty("addresses").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, seenByAdmin.GetProperty("shipperProfile").ValueKind);
        Assert.Empty(seenByAdmin.GetProperty("roles").Strings());

        var stored = await app.StoredUserAsync(account.Id);
        Assert.Equal("", stored.PasswordHash);
        Assert.Null(stored.ShipperProfile);
        Assert.Empty(stored.Addresses);
        Assert.NotNull(stored.DeletedAt);
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Addresses.CountAsync(a => a.UserId == account.Id)));
        Assert.True(await app.InDatabaseAsync(db => db.RefreshTokens.Where(t => t.UserId == account.Id).AllAsync(t => t.RevokedAt != null)));
    }

    [Fact]
    public async Task An_address_added_while_the_account_is_being_deleted_does_not_survive_it()
    {
        for (var round = 0; round < 5; round++)
        {
            var account = await app.RegisterAsync();
            var deletion = DeleteAsync(account.Client, account.Password);
            var additions = Enumerable.Range(0, 4)
                .Select(_ => app.Client(account.Client.AccessToken).SendAsync(Operations.AddAddress, Operations.HomeAddress()))
                .ToList();

            (await deletion).Succeeded();
            await Task.WhenAll(additions);

            Assert.Equal(0, await app.InDatabaseAsync(db => db.Addresses.CountAsync(a => a.UserId == account.Id)));
        }
    }

    [Fact]
    public async Task A_deleted_accounts_email_can_register_again_as_a_new_account()
    {
        var account = await app.RegisterAsync();
        (await DeleteAsync(account.Client, account.Password)).Succeeded();

        var again = await app.RegisterAsync(account.Email, "Another-horse-43", "Second Life");

        Assert.NotEqual(account.Id, again.Id);
        var me = (await again.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        Assert.Equal(account.Email, me.Get("me.email").GetString());
        Assert.Equal("Second Life", me.Get("me.fullName").GetString());
    }

    [Fact]
    public async Task Delete_account_without_a_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.DeleteAccount, new { input = new { password = "Correct-horse-42" } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Register_as_shipper_keeps_only_the_last_four_id_digits_and_adds_the_role_to_refreshed_tokens()
    {
        var account = await app.RegisterAsync();

        var payload = await RegisterAsShipperAsync(account.Client, "MOTORBIKE", " 59x1-234.56 ", "0790 9100-1234");

        var user = payload.Succeeded().GetProperty("user");
        Assert.Contains("SHIPPER", user.GetProperty("roles").Strings());
        var profile = user.GetProperty("shipperProfile");
        Assert.Equal("MOTORBIKE", profile.Text("vehicleType"));
        Assert.Equal("59X1-234.56", profile.Text("plateNumber"));
        var masked = profile.Text("idNumberMasked");
        Assert.EndsWith("1234", masked, StringComparison.Ordinal);
        Assert.Equal("1234", new string(masked.Where(char.IsAsciiDigit).ToArray()));
        var stored = await app.StoredUserAsync(account.Id);
        Assert.Equal("1234", stored.ShipperProfile!.IdNumberLast4);
        Assert.Matches("^[0-9a-f]{64}$", stored.ShipperProfile.IdNumberHash);

        Assert.DoesNotContain("SHIPPER", AccessTokenClaims.Roles(account.Client.AccessToken!));
        var refreshed = (await app.RefreshAsync(account.RefreshToken)).Succeeded();
        Assert.Contains("SHIPPER", refreshed.GetProperty("user").GetProperty("roles").Strings());
        Assert.Equal(["BUYER", "SHIPPER"], AccessTokenClaims.Roles(refreshed.Text("accessToken")).Order());
    }

    [Fact]
    public async Task Registering_as_shipper_twice_is_refused_and_keeps_the_first_profile()
    {
        var account = await app.RegisterAsync();
        (await RegisterAsShipperAsync(account.Client, "VAN", "51C-111.11", NewIdNumber())).Succeeded();

        var again = await RegisterAsShipperAsync(account.Client, "CAR", "30A-999.99", NewIdNumber());

        Assert.Equal(["ALREADY_SHIPPER"], again.UserErrorCodes());
        var stored = await app.StoredUserAsync(account.Id);
        Assert.Equal("51C-111.11", stored.ShipperProfile!.PlateNumber);
        Assert.Equal(["BUYER", "SHIPPER"], stored.Roles.Order());
    }

    [Fact]
    public async Task An_id_number_already_registered_by_another_account_is_refused()
    {
        var first = await app.RegisterAsync();
        var second = await app.RegisterAsync();
        var idNumber = NewIdNumber();
        (await RegisterAsShipperAsync(first.Client, "MOTORBIKE", "59X1-23456", idNumber)).Succeeded();

        // The same number typed differently is the same person.
        var payload = await RegisterAsShipperAsync(second.Client, "BICYCLE", "BIKE-01", string.Join(" ", idNumber.Chunk(4).Select(c => new string(c))));

        Assert.Equal(["ID_NUMBER_IN_USE"], payload.UserErrorCodes());
        Assert.Equal(["input", "idNumber"], payload.FirstErrorField());
        await AssertNotShipperAsync(second);
    }

    [Theory]
    [InlineData("AB", "079091001234", "INVALID_PLATE_NUMBER", "plateNumber")]
    [InlineData("59X1_23456", "079091001234", "INVALID_PLATE_NUMBER", "plateNumber")]
    [InlineData("59X1-2345678901234", "079091001234", "INVALID_PLATE_NUMBER", "plateNumber")]
    [InlineData("59X1-23456", "12345", "INVALID_ID_NUMBER", "idNumber")]
    [InlineData("59X1-23456", "123456789012345678901", "INVALID_ID_NUMBER", "idNumber")]
    [InlineData("59X1-23456", "0790#9100#1234", "INVALID_ID_NUMBER", "idNumber")]
    public async Task Register_as_shipper_refuses_bad_input_and_changes_nothing(string plateNumber, string idNumber, string code, string field)
    {
        var account = await app.RegisterAsync();

        var payload = await RegisterAsShipperAsync(account.Client, "CAR", plateNumber, idNumber);

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", field], payload.FirstErrorField());
        await AssertNotShipperAsync(account);
    }

    [Fact]
    public async Task Register_as_shipper_with_an_unknown_vehicle_type_is_a_bad_request()
    {
        var account = await app.RegisterAsync();

        var response = await account.Client.SendAsync(Operations.RegisterAsShipper,
            new { input = new { vehicleType = "PLANE", plateNumber = "VN-A321", idNumber = NewIdNumber() } });

        Assert.Contains(Assert.Single(response.ErrorCodes), new[] { "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED" });
        await AssertNotShipperAsync(account);
    }

    [Fact]
    public async Task Register_as_shipper_without_a_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.RegisterAsShipper,
            new { input = new { vehicleType = "CAR", plateNumber = "51C-111.11", idNumber = NewIdNumber() } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    private static Task<JsonElement> UpdateAsync(GraphQLClient client, object input) =>
        client.MutateAsync(Operations.UpdateProfile, new { input });

    private static Task<JsonElement> DeleteAsync(GraphQLClient client, string password) =>
        client.MutateAsync(Operations.DeleteAccount, new { input = new { password } });

    private static Task<JsonElement> RegisterAsShipperAsync(GraphQLClient client, string vehicleType, string plateNumber, string idNumber) =>
        client.MutateAsync(Operations.RegisterAsShipper, new { input = new { vehicleType, plateNumber, idNumber } });

    /// <summary>A 12-digit citizen ID no other test uses (ID numbers are unique across the database).</summary>
    private static string NewIdNumber() => "0" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);

    private async Task AssertNotShipperAsync(Account account)
    {
        var me = (await account.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        Assert.Equal(["BUYER"], me.Get("me.roles").Strings());
        Assert.Equal(JsonValueKind.Null, me.Get("me.shipperProfile").ValueKind);
        Assert.Null((await app.StoredUserAsync(account.Id)).ShipperProfile);
    }
}
