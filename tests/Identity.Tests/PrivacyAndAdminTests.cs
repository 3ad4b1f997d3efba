using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Identity.Tests;

public sealed class PrivacyAndAdminTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Another_signed_in_user_sees_a_users_name_but_not_their_contact_details()
    {
        var owner = await app.RegisterAsync(fullName: "Ngô Bảo Châu");
        (await owner.Client.MutateAsync(Operations.AddAddress, Operations.HomeAddress())).Succeeded();
        var stranger = await app.RegisterAsync();

        var response = await EntitiesAsync(stranger.Client, owner.Id);

        var user = response.Get("_entities.0");
        Assert.Equal(owner.Id.ToString(), user.Text("id"));
        Assert.Equal("Ngô Bảo Châu", user.Text("fullName"));
        foreach (var field in new[] { "email", "phone", "addresses" })
            Assert.Equal(JsonValueKind.Null, user.GetProperty(field).ValueKind);
        Assert.Equal(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(["addresses", "email", "phone"], response.Errors.Select(e => e.GetProperty("path")[2].GetString()).Order());
        Assert.DoesNotContain(owner.Email, response.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_token_a_users_contact_details_are_unauthenticated()
    {
        var owner = await app.RegisterAsync(fullName: "Ngô Bảo Châu");

        var response = await EntitiesAsync(app.Client(), owner.Id);

        Assert.Equal("Ngô Bảo Châu", response.Get("_entities.0.fullName").GetString());
        Assert.Equal(JsonValueKind.Null, response.Get("_entities.0.email").ValueKind);
        Assert.All(response.ErrorCodes, code => Assert.Equal("UNAUTHENTICATED", code));
        Assert.Equal(3, response.Errors.Count);
    }

    [Fact]
    public async Task The_user_and_an_admin_see_the_contact_details()
    {
        var owner = await app.RegisterAsync();
        var admin = await app.RegisterAdminAsync();

        var asOwner = (await EntitiesAsync(owner.Client, owner.Id)).EnsureNoErrors();
        var asAdmin = (await EntitiesAsync(admin.Client, owner.Id)).EnsureNoErrors();

        Assert.Equal(owner.Email, asOwner.Get("_entities.0.email").GetString());
        Assert.Equal(owner.Email, asAdmin.Get("_entities.0.email").GetString());
    }

    [Fact]
    public async Task A_users_status_and_suspension_are_for_the_user_and_admins_only()
    {
        var owner = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        var admin = await app.RegisterAdminAsync();
        const string query = "query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on User { id fullName status suspensionReason suspendedAt } } }";
        var representations = new { r = new[] { new { __typename = "User", id = owner.Id } } };

        var asOwner = (await owner.Client.SendAsync(query, representations)).EnsureNoErrors();
        (await admin.Client.MutateAsync(Operations.SuspendUser, new { input = new { userId = owner.Id, reason = "Fake reviews" } })).Succeeded();
        var asAdmin = (await admin.Client.SendAsync(query, representations)).EnsureNoErrors();
        var asStranger = await stranger.Client.SendAsync(query, representations);
        var anonymous = await app.Client().SendAsync(query, representations);

        Assert.Equal("ACTIVE", asOwner.Get("_entities.0.status").GetString());
        Assert.Equal(JsonValueKind.Null, asOwner.Get("_entities.0.suspensionReason").ValueKind);
        Assert.Equal("SUSPENDED", asAdmin.Get("_entities.0.status").GetString());
        Assert.Equal("Fake reviews", asAdmin.Get("_entities.0.suspensionReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, asAdmin.Get("_entities.0.suspendedAt").ValueKind);
        foreach (var (response, code) in new[] { (asStranger, "FORBIDDEN"), (anonymous, "UNAUTHENTICATED") })
        {
            Assert.Equal(owner.Id.ToString(), response.Get("_entities.0.id").GetString());
            foreach (var field in new[] { "status", "suspensionReason", "suspendedAt" })
                Assert.Equal(JsonValueKind.Null, response.Get("_entities.0." + field).ValueKind);
            Assert.Equal([code, code, code], response.ErrorCodes);
            Assert.DoesNotContain("Fake reviews", response.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task User_by_id_is_for_admins_only()
    {
        var owner = await app.RegisterAsync();
        var buyer = await app.RegisterAsync();
        var admin = await app.RegisterAdminAsync();

        var anonymous = await app.Client().SendAsync(Operations.UserById, new { id = owner.Id });
        var asBuyer = await buyer.Client.SendAsync(Operations.UserById, new { id = owner.Id });
        var asOwner = await owner.Client.SendAsync(Operations.UserById, new { id = owner.Id });
        var asAdmin = await admin.Client.SendAsync(Operations.UserById, new { id = owner.Id });

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, anonymous.Get("user").ValueKind);
        Assert.Equal(["FORBIDDEN"], asBuyer.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, asBuyer.Get("user").ValueKind);
        Assert.Equal(["FORBIDDEN"], asOwner.ErrorCodes);
        asAdmin.EnsureNoErrors();
        Assert.Equal(owner.Email, asAdmin.Get("user.email").GetString());
        Assert.Equal("ACTIVE", asAdmin.Get("user.status").GetString());
    }

    [Fact]
    public async Task An_admin_asking_for_an_unknown_user_gets_null()
    {
        var admin = await app.RegisterAdminAsync();

        var response = (await admin.Client.SendAsync(Operations.UserById, new { id = Guid.CreateVersion7() })).EnsureNoErrors();

        Assert.Equal(JsonValueKind.Null, response.Get("user").ValueKind);
    }

    [Fact]
    public async Task Users_is_for_admins_only()
    {
        var buyer = await app.RegisterAsync();

        var anonymous = await app.Client().SendAsync(Operations.Users, new { first = 5 });
        var asBuyer = await buyer.Client.SendAsync(Operations.Users, new { first = 5 });

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], asBuyer.ErrorCodes);
    }

    [Fact]
    public async Task Users_pages_newest_first_with_cursors_and_a_total()
    {
        var admin = await app.RegisterAdminAsync();
        var tag = NewTag();
        var registered = new List<string>();
        for (var i = 0; i < 5; i++)
            registered.Add((await app.RegisterAsync($"{tag}-{i}@example.com")).Id.ToString());
        registered.Reverse();

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await admin.Client.SendAsync(Operations.Users, new { search = tag, first = 2, after })).EnsureNoErrors().Get("users");
            pages++;
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            Assert.Equal(after is not null, page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            var edges = page.GetProperty("edges").EnumerateArray().ToList();
            seen.AddRange(edges.Select(e => e.GetProperty("node").Text("id")));
            Assert.Equal(edges[^1].Text("cursor"), page.GetProperty("pageInfo").Text("endCursor"));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").Text("endCursor") : null;
        }
        while (after is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(registered, seen);
    }

    [Fact]
    public async Task Users_finds_users_by_part_of_their_email_or_name()
    {
        var admin = await app.RegisterAdminAsync();
        var tag = NewTag();
        var match = await app.RegisterAsync($"Ann.{tag}@Example.com", fullName: "Ann Smith");
        await app.RegisterAsync($"bob-{Guid.NewGuid():N}@example.com", fullName: "Bob " + tag.ToUpperInvariant());

        var byEmail = (await admin.Client.SendAsync(Operations.Users, new { search = $"ann.{tag}@EXAMPLE" })).EnsureNoErrors().Get("users");
        var byTag = (await admin.Client.SendAsync(Operations.Users, new { search = tag })).EnsureNoErrors().Get("users");
        var wildcard = (await admin.Client.SendAsync(Operations.Users, new { search = "%" + tag })).EnsureNoErrors().Get("users");

        Assert.Equal(match.Id.ToString(), Assert.Single(byEmail.GetProperty("edges").EnumerateArray()).GetProperty("node").Text("id"));
        Assert.Equal(2, byTag.GetProperty("totalCount").GetInt32());
        // LIKE wildcards in the search are literal characters.
        Assert.Equal(0, wildcard.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Users_filters_by_role()
    {
        var admin = await app.RegisterAdminAsync();
        var tag = NewTag();
        var buyer = await app.RegisterAsync($"{tag}-buyer@example.com");
        var shipper = await app.RegisterAsync($"{tag}-shipper@example.com");
        (await shipper.Client.MutateAsync(Operations.RegisterAsShipper,
            new { input = new { vehicleType = "MOTORBIKE", plateNumber = "59X1-23456", idNumber = "0" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999) } })).Succeeded();

        var shippers = (await admin.Client.SendAsync(Operations.Users, new { search = tag, role = "SHIPPER" })).EnsureNoErrors().Get("users");
        var buyers = (await admin.Client.SendAsync(Operations.Users, new { search = tag, role = "BUYER" })).EnsureNoErrors().Get("users");
        var admins = (await admin.Client.SendAsync(Operations.Users, new { role = "ADMIN", first = 100 })).EnsureNoErrors().Get("users");

        Assert.Equal(shipper.Id.ToString(), Assert.Single(shippers.GetProperty("edges").EnumerateArray()).GetProperty("node").Text("id"));
        Assert.Equal(1, shippers.GetProperty("totalCount").GetInt32());
        Assert.Equal([shipper.Id.ToString(), buyer.Id.ToString()], buyers.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Text("id")));
        Assert.Contains(admin.Id.ToString(), admins.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Text("id")));
        Assert.All(admins.GetProperty("edges").EnumerateArray(), e => Assert.Contains("ADMIN", e.GetProperty("node").GetProperty("roles").Strings()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Users_refuses_a_page_size_outside_one_to_a_hundred(int first)
    {
        var admin = await app.RegisterAdminAsync();

        var response = await admin.Client.SendAsync(Operations.Users, new { first });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task Users_refuses_a_cursor_it_did_not_issue()
    {
        var admin = await app.RegisterAdminAsync();

        var response = await admin.Client.SendAsync(Operations.Users, new { after = "not-a-cursor" });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    private static Task<GraphQLResponse> EntitiesAsync(GraphQLClient client, Guid userId) =>
        client.SendAsync(Operations.UserEntities, new { r = new[] { new { __typename = "User", id = userId } } });

    /// <summary>A word only this test's users carry, so other tests' users in the same database do not show up.</summary>
    private static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..12];
}
