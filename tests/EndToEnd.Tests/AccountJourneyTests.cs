using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class AccountJourneyTests(Platform platform)
{
    [Fact]
    public async Task A_newcomer_registers_logs_in_reads_me_and_manages_addresses_through_the_gateway()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.com";
        var anonymous = platform.Client();

        (await anonymous.MutateAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { user { id } userErrors { code } } }",
            new { input = new { email, password = "Gateway-journey-7", fullName = "Phạm Thị Dung", phone = "+84 904 567 890" } })).Succeeded();

        var login = (await anonymous.MutateAsync(
            "mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresAt user { id email } userErrors { code } } }",
            new { input = new { email, password = "Gateway-journey-7" } })).Succeeded();
        var me = platform.Client(login.GetProperty("accessToken").GetString());

        var profile = (await me.SendAsync("{ me { id email fullName phone roles addresses { id } } }")).EnsureNoErrors();
        Assert.Equal(email, profile.Get("me.email").GetString());
        Assert.Equal("Phạm Thị Dung", profile.Get("me.fullName").GetString());
        Assert.Equal(0, profile.Get("me.addresses").GetArrayLength());

        const string addAddress = """
            mutation($input: AddAddressInput!) {
              addAddress(input: $input) { address { id isDefault city } userErrors { code field message } }
            }
            """;
        var home = (await me.MutateAsync(addAddress, new
        {
            input = new { recipientName = "Phạm Thị Dung", phone = "+84 904 567 890", line1 = "1 Đồng Khởi", district = "Quận 1", city = "Hồ Chí Minh", country = "VN" },
        })).Succeeded().GetProperty("address");
        Assert.True(home.GetProperty("isDefault").GetBoolean());

        var office = (await me.MutateAsync(addAddress, new
        {
            input = new { recipientName = "Phạm Thị Dung", phone = "+84 904 567 890", line1 = "2 Tràng Tiền", district = "Hoàn Kiếm", city = "Hà Nội", country = "VN", location = new { lat = 21.0245, lng = 105.8570 } },
        })).Succeeded().GetProperty("address");
        Assert.False(office.GetProperty("isDefault").GetBoolean());

        (await me.MutateAsync(
            "mutation($input: SetDefaultAddressInput!) { setDefaultAddress(input: $input) { address { id isDefault } userErrors { code } } }",
            new { input = new { addressId = office.GetProperty("id").GetString() } })).Succeeded();

        var after = (await me.SendAsync("{ me { defaultAddress { id city location { lat lng } } addresses { id isDefault } } }")).EnsureNoErrors();
        Assert.Equal(office.GetProperty("id").GetString(), after.Get("me.defaultAddress.id").GetString());
        Assert.Equal(21.0245, after.Get("me.defaultAddress.location.lat").GetDouble());
        Assert.Equal(1, after.Get("me.addresses").EnumerateArray().Count(a => a.GetProperty("isDefault").GetBoolean()));
    }

    [Fact]
    public async Task The_gateway_passes_on_authentication_errors_with_their_code()
    {
        var response = await platform.Client().SendAsync("{ me { id } }");

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_bad_login_is_a_user_error_through_the_gateway()
    {
        var payload = await platform.Client().MutateAsync(
            "mutation($input: LoginInput!) { login(input: $input) { accessToken userErrors { code field message } } }",
            new { input = new { email = "nobody@example.com", password = "Not-the-password-1" } });

        Assert.Equal(["INVALID_CREDENTIALS"], payload.UserErrorCodes());
    }
}
