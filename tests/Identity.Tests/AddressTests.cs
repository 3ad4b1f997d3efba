using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Identity.Tests;

public sealed class AddressTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task The_first_address_becomes_the_default_and_a_second_one_does_not()
    {
        var account = await app.RegisterAsync();

        var first = (await AddAsync(account, Operations.HomeAddress("Hồ Chí Minh", makeDefault: false))).Succeeded();
        var second = (await AddAsync(account, Operations.HomeAddress("Hà Nội"))).Succeeded();

        var firstId = first.GetProperty("address").Text("id");
        Assert.True(first.GetProperty("address").GetProperty("isDefault").GetBoolean());
        Assert.Equal(firstId, first.GetProperty("user").GetProperty("defaultAddress").Text("id"));
        Assert.False(second.GetProperty("address").GetProperty("isDefault").GetBoolean());
        Assert.Equal(firstId, second.GetProperty("user").GetProperty("defaultAddress").Text("id"));
        var me = await MyAddressesAsync(account);
        Assert.Equal(firstId, me.GetProperty("defaultAddress").Text("id"));
        Assert.Equal(firstId, Assert.Single(DefaultIds(me)));
    }

    [Fact]
    public async Task An_address_added_with_make_default_takes_over_the_default()
    {
        var account = await app.RegisterAsync();
        (await AddAsync(account, Operations.HomeAddress("Hồ Chí Minh"))).Succeeded();

        var second = (await AddAsync(account, Operations.HomeAddress("Hà Nội", makeDefault: true))).Succeeded();

        var secondId = second.GetProperty("address").Text("id");
        Assert.True(second.GetProperty("address").GetProperty("isDefault").GetBoolean());
        var me = await MyAddressesAsync(account);
        Assert.Equal(secondId, me.GetProperty("defaultAddress").Text("id"));
        Assert.Equal(secondId, Assert.Single(DefaultIds(me)));
    }

    [Fact]
    public async Task The_address_comes_back_as_stored_with_the_country_upper_cased()
    {
        var account = await app.RegisterAsync();

        var address = (await AddAsync(account, Operations.HomeAddress())).Succeeded().GetProperty("address");

        Assert.Equal("Nguyễn Văn An", address.Text("recipientName"));
        Assert.Equal("+84 901 234 567", address.Text("phone"));
        Assert.Equal("12 Lê Lợi", address.Text("line1"));
        Assert.Equal(JsonValueKind.Null, address.GetProperty("line2").ValueKind);
        Assert.Equal("Bến Nghé", address.Text("ward"));
        Assert.Equal("Quận 1", address.Text("district"));
        Assert.Equal("VN", address.Text("country"));
        Assert.Equal("700000", address.Text("postalCode"));
        Assert.Equal(10.7769, address.GetProperty("location").GetProperty("lat").GetDouble());
        Assert.Equal(106.7009, address.GetProperty("location").GetProperty("lng").GetDouble());
    }

    [Fact]
    public async Task Set_default_address_moves_the_default_so_exactly_one_address_is_default()
    {
        var account = await app.RegisterAsync();
        var first = await AddedIdAsync(account, "Hồ Chí Minh");
        var second = await AddedIdAsync(account, "Hà Nội");
        var third = await AddedIdAsync(account, "Đà Nẵng");

        var payload = (await SetDefaultAsync(account.Client, second)).Succeeded();

        Assert.Equal(second, payload.GetProperty("address").Text("id"));
        Assert.True(payload.GetProperty("address").GetProperty("isDefault").GetBoolean());
        Assert.Equal(second, payload.GetProperty("user").GetProperty("defaultAddress").Text("id"));
        var me = await MyAddressesAsync(account);
        Assert.Equal(second, Assert.Single(DefaultIds(me)));
        Assert.Equal(second, me.GetProperty("addresses")[0].Text("id"));
        Assert.Equal([first, second, third], me.GetProperty("addresses").EnumerateArray().Select(a => a.Text("id")).Order());
    }

    [Fact]
    public async Task Deleting_the_default_promotes_the_most_recently_changed_other_address()
    {
        var account = await app.RegisterAsync();
        var home = await AddedIdAsync(account, "Hồ Chí Minh");
        var office = await AddedIdAsync(account, "Hà Nội");
        var newest = await AddedIdAsync(account, "Đà Nẵng");
        // A later change than the newest address's creation; a second stays well inside the tokens' clock skew.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await UpdateAsync(account.Client, new { addressId = office, line1 = "5 Tràng Tiền" })).Succeeded();

        var payload = (await DeleteAsync(account.Client, home)).Succeeded();

        var user = payload.GetProperty("user");
        Assert.Equal(office, user.GetProperty("defaultAddress").Text("id"));
        Assert.Equal(office, Assert.Single(DefaultIds(user)));
        Assert.Equal([office, newest], user.GetProperty("addresses").EnumerateArray().Select(a => a.Text("id")));
        Assert.Equal(office, (await MyAddressesAsync(account)).GetProperty("defaultAddress").Text("id"));
    }

    [Fact]
    public async Task Deleting_another_address_keeps_the_default()
    {
        var account = await app.RegisterAsync();
        var home = await AddedIdAsync(account, "Hồ Chí Minh");
        var office = await AddedIdAsync(account, "Hà Nội");

        var payload = (await DeleteAsync(account.Client, office)).Succeeded();

        Assert.Equal(home, payload.GetProperty("user").GetProperty("defaultAddress").Text("id"));
        Assert.Equal(home, Assert.Single(payload.GetProperty("user").GetProperty("addresses").EnumerateArray()).Text("id"));
    }

    [Fact]
    public async Task Deleting_the_last_address_leaves_no_default()
    {
        var account = await app.RegisterAsync();
        var only = await AddedIdAsync(account, "Hồ Chí Minh");

        var payload = (await DeleteAsync(account.Client, only)).Succeeded();

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("user").GetProperty("defaultAddress").ValueKind);
        Assert.Equal(0, payload.GetProperty("user").GetProperty("addresses").GetArrayLength());
        var stored = await app.StoredUserAsync(account.Id);
        Assert.Null(stored.DefaultAddressId);
        Assert.Empty(stored.Addresses);
    }

    [Fact]
    public async Task Update_address_changes_only_the_fields_sent_and_an_empty_optional_field_removes_it()
    {
        var account = await app.RegisterAsync();
        var input = AddressInput(("line2", "Tầng 3"), ("country", "vn"));
        var id = (await AddAsync(account, new { input })).Succeeded().GetProperty("address").Text("id");

        var payload = await UpdateAsync(account.Client, new { addressId = id, city = "Thủ Đức", line2 = "", ward = "", country = "sg" });

        var address = payload.Succeeded().GetProperty("address");
        Assert.Equal("Thủ Đức", address.Text("city"));
        Assert.Equal("SG", address.Text("country"));
        Assert.Equal(JsonValueKind.Null, address.GetProperty("line2").ValueKind);
        Assert.Equal(JsonValueKind.Null, address.GetProperty("ward").ValueKind);
        Assert.Equal("Nguyễn Văn An", address.Text("recipientName"));
        Assert.Equal("+84 901 234 567", address.Text("phone"));
        Assert.Equal("12 Lê Lợi", address.Text("line1"));
        Assert.Equal("Quận 1", address.Text("district"));
        Assert.Equal("700000", address.Text("postalCode"));
        Assert.Equal(10.7769, address.GetProperty("location").GetProperty("lat").GetDouble());
        Assert.True(address.GetProperty("isDefault").GetBoolean());
        var stored = Assert.Single((await app.StoredUserAsync(account.Id)).Addresses);
        Assert.Null(stored.Line2);
        Assert.Equal("Thủ Đức", stored.City);
    }

    [Fact]
    public async Task Another_users_address_is_not_found_and_stays_as_it_is()
    {
        var owner = await app.RegisterAsync();
        var intruder = await app.RegisterAsync();
        var home = await AddedIdAsync(owner, "Hồ Chí Minh");
        var office = await AddedIdAsync(owner, "Hà Nội");
        await AddedIdAsync(intruder, "Cần Thơ");
        var before = (await MyAddressesAsync(owner)).GetRawText();

        var updated = await UpdateAsync(intruder.Client, new { addressId = office, city = "Huế" });
        var madeDefault = await SetDefaultAsync(intruder.Client, office);
        var deleted = await DeleteAsync(intruder.Client, home);

        Assert.Equal(["ADDRESS_NOT_FOUND"], updated.UserErrorCodes());
        Assert.Equal(["ADDRESS_NOT_FOUND"], madeDefault.UserErrorCodes());
        Assert.Equal(["ADDRESS_NOT_FOUND"], deleted.UserErrorCodes());
        Assert.Equal(["input", "addressId"], deleted.FirstErrorField());
        Assert.Equal(before, (await MyAddressesAsync(owner)).GetRawText());
        Assert.Single((await app.StoredUserAsync(intruder.Id)).Addresses);
    }

    [Fact]
    public async Task An_unknown_address_id_is_not_found()
    {
        var account = await app.RegisterAsync();
        var home = await AddedIdAsync(account, "Hồ Chí Minh");
        var unknown = Guid.CreateVersion7().ToString();

        Assert.Equal(["ADDRESS_NOT_FOUND"], (await UpdateAsync(account.Client, new { addressId = unknown, city = "Huế" })).UserErrorCodes());
        Assert.Equal(["ADDRESS_NOT_FOUND"], (await SetDefaultAsync(account.Client, unknown)).UserErrorCodes());
        Assert.Equal(["ADDRESS_NOT_FOUND"], (await DeleteAsync(account.Client, unknown)).UserErrorCodes());
        Assert.Equal(home, (await MyAddressesAsync(account)).GetProperty("defaultAddress").Text("id"));
    }

    public static TheoryData<string, string, string, string> BadAddresses => new()
    {
        { "recipientName", "   ", "REQUIRED", "recipientName" },
        { "recipientName", new string('n', 101), "TOO_LONG", "recipientName" },
        { "phone", "gọi cho tôi", "INVALID_PHONE", "phone" },
        { "phone", "", "REQUIRED", "phone" },
        { "line1", "", "REQUIRED", "line1" },
        { "district", " ", "REQUIRED", "district" },
        { "city", new string('c', 101), "TOO_LONG", "city" },
        { "country", "Vietnam", "INVALID_COUNTRY", "country" },
        { "country", "V1", "INVALID_COUNTRY", "country" },
        { "postalCode", new string('9', 21), "TOO_LONG", "postalCode" },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task Add_address_refuses_bad_input_and_adds_nothing(string property, string value, string code, string field)
    {
        var account = await app.RegisterAsync();

        var payload = await AddAsync(account, new { input = AddressInput((property, value)) });

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", field], payload.FirstErrorField());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("address").ValueKind);
        Assert.Empty((await app.StoredUserAsync(account.Id)).Addresses);
    }

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task Update_address_refuses_bad_input_and_changes_nothing(string property, string value, string code, string field)
    {
        var account = await app.RegisterAsync();
        var id = await AddedIdAsync(account, "Hồ Chí Minh");
        var before = (await MyAddressesAsync(account)).GetRawText();

        var payload = await UpdateAsync(account.Client, new Dictionary<string, object?> { ["addressId"] = id, [property] = value });

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", field], payload.FirstErrorField());
        Assert.Equal(before, (await MyAddressesAsync(account)).GetRawText());
    }

    [Theory]
    [InlineData(200, 106.7)]
    [InlineData(-90.5, 106.7)]
    [InlineData(10.7, 181)]
    public async Task A_location_off_the_globe_is_refused_before_anything_is_written(double lat, double lng)
    {
        var account = await app.RegisterAsync();
        var id = await AddedIdAsync(account, "Hồ Chí Minh");
        var before = (await MyAddressesAsync(account)).GetRawText();

        var added = await account.Client.SendAsync(Operations.AddAddress, new { input = AddressInput(("location", new { lat, lng })) });
        var updated = await account.Client.SendAsync(Operations.UpdateAddress, new { input = new { addressId = id, location = new { lat, lng } } });

        Assert.Single(added.Errors);
        Assert.Single(updated.Errors);
        Assert.Equal(before, (await MyAddressesAsync(account)).GetRawText());
    }

    [Theory]
    [InlineData(200, 106.7)]
    [InlineData(10.7, 181)]
    public async Task A_location_off_the_globe_is_a_bad_user_input_error(double lat, double lng)
    {
        var account = await app.RegisterAsync();

        var added = await account.Client.SendAsync(Operations.AddAddress, new { input = AddressInput(("location", new { lat, lng })) });

        Assert.Equal(["BAD_USER_INPUT"], added.ErrorCodes);
    }

    [Fact]
    public async Task The_twenty_first_address_is_refused()
    {
        var account = await app.RegisterAsync();
        for (var i = 1; i <= 20; i++)
            (await AddAsync(account, Operations.HomeAddress($"Thành phố {i}"))).Succeeded();

        var payload = await AddAsync(account, Operations.HomeAddress("Thành phố 21", makeDefault: true));

        Assert.Equal(["ADDRESS_LIMIT_REACHED"], payload.UserErrorCodes());
        var stored = await app.StoredUserAsync(account.Id);
        Assert.Equal(20, stored.Addresses.Count);
        Assert.DoesNotContain(stored.Addresses, a => a.City == "Thành phố 21");
        Assert.Equal("Thành phố 1", stored.Addresses.Single(a => a.Id == stored.DefaultAddressId).City);
    }

    [Fact]
    public async Task Additions_at_the_same_moment_never_pass_the_limit()
    {
        var account = await app.RegisterAsync();
        for (var i = 1; i <= 18; i++)
            (await AddAsync(account, Operations.HomeAddress($"Thành phố {i}"))).Succeeded();

        var payloads = await Task.WhenAll(Enumerable.Range(19, 6).Select(i => AddAsync(account, Operations.HomeAddress($"Thành phố {i}"))));

        Assert.Equal(2, payloads.Count(p => p.UserErrorCodes().Count == 0));
        Assert.All(payloads.Where(p => p.UserErrorCodes().Count > 0), p => Assert.Equal(["ADDRESS_LIMIT_REACHED"], p.UserErrorCodes()));
        Assert.Equal(20, (await app.StoredUserAsync(account.Id)).Addresses.Count);
    }

    [Fact]
    public async Task Deleting_the_default_and_its_successor_at_the_same_moment_leaves_an_existing_default()
    {
        for (var round = 0; round < 5; round++)
        {
            var account = await app.RegisterAsync();
            var home = await AddedIdAsync(account, "Hồ Chí Minh");
            await AddedIdAsync(account, "Hà Nội");
            var successor = await AddedIdAsync(account, "Đà Nẵng");

            await Task.WhenAll(DeleteAsync(app.Client(account.Client.AccessToken), home), DeleteAsync(app.Client(account.Client.AccessToken), successor));

            var stored = await app.StoredUserAsync(account.Id);
            Assert.Single(stored.Addresses);
            Assert.Equal(stored.Addresses[0].Id, stored.DefaultAddressId);
        }
    }

    [Theory]
    [InlineData(Operations.AddAddress)]
    [InlineData(Operations.UpdateAddress)]
    [InlineData(Operations.DeleteAddress)]
    [InlineData(Operations.SetDefaultAddress)]
    public async Task Every_address_mutation_needs_a_signed_in_user(string mutation)
    {
        var input = mutation == Operations.AddAddress
            ? Operations.HomeAddress()
            : new { input = new { addressId = Guid.CreateVersion7() } };

        var response = await app.Client().SendAsync(mutation, input);

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    private static Task<JsonElement> AddAsync(Account account, object variables) =>
        account.Client.MutateAsync(Operations.AddAddress, variables);

    private static async Task<string> AddedIdAsync(Account account, string city) =>
        (await AddAsync(account, Operations.HomeAddress(city))).Succeeded().GetProperty("address").Text("id");

    private static Task<JsonElement> UpdateAsync(GraphQLClient client, object input) =>
        client.MutateAsync(Operations.UpdateAddress, new { input });

    private static Task<JsonElement> DeleteAsync(GraphQLClient client, string addressId) =>
        client.MutateAsync(Operations.DeleteAddress, new { input = new { addressId } });

    private static Task<JsonElement> SetDefaultAsync(GraphQLClient client, string addressId) =>
        client.MutateAsync(Operations.SetDefaultAddress, new { input = new { addressId } });

    private static async Task<JsonElement> MyAddressesAsync(Account account) =>
        (await account.Client.SendAsync(Operations.MyAddresses)).EnsureNoErrors().Get("me");

    private static IEnumerable<string> DefaultIds(JsonElement user) =>
        user.GetProperty("addresses").EnumerateArray().Where(a => a.GetProperty("isDefault").GetBoolean()).Select(a => a.Text("id"));

    /// <summary>A valid addAddress input with some fields replaced.</summary>
    private static Dictionary<string, object?> AddressInput(params (string Property, object? Value)[] changes)
    {
        var input = new Dictionary<string, object?>
        {
            ["recipientName"] = "Nguyễn Văn An",
            ["phone"] = "+84 901 234 567",
            ["line1"] = "12 Lê Lợi",
            ["ward"] = "Bến Nghé",
            ["district"] = "Quận 1",
            ["city"] = "Hồ Chí Minh",
            ["country"] = "VN",
            ["postalCode"] = "700000",
            ["location"] = new { lat = 10.7769, lng = 106.7009 },
        };
        foreach (var (property, value) in changes)
            input[property] = value;
        return input;
    }
}
