using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Testing;

namespace GoShop.BuildingBlocks.Tests.Authorization;

/// <summary>
/// .Authorize() and .AuthorizeWithRoles() on fields, enforced by the authorization visitor with tokens validated the
/// way every subgraph validates identity's: a refused field is an error on that field only.
/// </summary>
public sealed class AuthorizationTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    [Fact]
    public async Task Protected_field_without_a_token_is_UNAUTHENTICATED_and_the_rest_of_the_operation_still_runs()
    {
        var response = await app.Client().SendAsync("{ hello secret }");

        Assert.Equal("Hello, world!", response.Get("hello").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Get("secret").ValueKind);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Equal("secret", response.Errors[0].GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Protected_field_with_a_valid_token_answers_for_its_subject()
    {
        var userId = Guid.NewGuid();

        var response = await app.Client(app.Tokens.Issue(userId, [Roles.Buyer])).SendAsync("{ secret }");

        Assert.Equal($"for {userId}", response.EnsureNoErrors().Get("secret").GetString());
    }

    [Fact]
    public async Task Role_protected_field_is_FORBIDDEN_without_the_role_and_answered_with_it()
    {
        var buyer = await app.Client(app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer, Roles.Seller])).SendAsync("{ secret adminReport }");
        var admin = await app.Client(app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer, Roles.Admin])).SendAsync("{ adminReport }");
        var anonymous = await app.Client().SendAsync("{ adminReport }");

        Assert.Equal(["FORBIDDEN"], buyer.ErrorCodes);
        Assert.StartsWith("for ", buyer.Get("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal("all is well", admin.EnsureNoErrors().Get("adminReport").GetString());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
    }

    [Fact]
    public async Task Protected_field_resolved_by_name_is_refused_too()
    {
        var batch = Guid.NewGuid().ToString("N");
        await app.WithDbAsync(db =>
        {
            var category = new Category { Name = "Staff" };
            db.Categories.Add(category);
            db.Widgets.Add(new Widget { Name = "Gear", Batch = batch, CategoryId = category.Id });
            return db.SaveChangesAsync();
        });
        const string query = "query($batch: String!) { widgets(batch: $batch) { name batch } }";

        var anonymous = await app.Client().SendAsync(query, new { batch });
        var signedIn = await app.Client(app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer])).SendAsync(query, new { batch });

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal("Gear", anonymous.Get("widgets.0.name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.Get("widgets.0.batch").ValueKind);
        Assert.Equal(batch, signedIn.EnsureNoErrors().Get("widgets.0.batch").GetString());
    }

    [Fact]
    public async Task Token_signed_with_an_untrusted_key_is_UNAUTHENTICATED_with_the_reason()
    {
        var forged = app.Tokens.Issue(Guid.NewGuid(), [Roles.Admin], signingKey: app.Tokens.ForgedKey());

        var response = await app.Client(forged).SendAsync("{ secret }");

        AssertRefused(response, "The access token's signature is not valid.");
    }

    [Fact]
    public async Task Expired_token_is_UNAUTHENTICATED_with_the_reason()
    {
        var expired = app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer], lifetime: TimeSpan.FromMinutes(-5));

        var response = await app.Client(expired).SendAsync("{ secret }");

        AssertRefused(response, "The access token has expired; refresh it and try again.");
    }

    [Fact]
    public async Task Token_for_another_audience_is_UNAUTHENTICATED()
    {
        var elsewhere = app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer], audience: "someone-else");

        var response = await app.Client(elsewhere).SendAsync("{ secret }");

        AssertRefused(response, "The access token was not issued for this API.");
    }

    [Fact]
    public async Task Revoked_token_and_every_token_of_a_revoked_session_are_UNAUTHENTICATED()
    {
        var denyList = app.Service<AccessTokenDenyList>();
        var tokenId = Guid.NewGuid().ToString("N");
        var sessionId = Guid.NewGuid();
        var loggedOut = app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer], tokenId: tokenId);
        var ofRevokedSession = app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer], sessionId: sessionId);
        var unaffected = app.Tokens.Issue(Guid.NewGuid(), [Roles.Buyer]);

        await denyList.DenyTokenAsync(tokenId, TimeSpan.FromMinutes(1));
        await denyList.DenySessionAsync(sessionId, TimeSpan.FromMinutes(1));

        AssertRefused(await app.Client(loggedOut).SendAsync("{ secret }"), "The access token was revoked; sign in again.");
        AssertRefused(await app.Client(ofRevokedSession).SendAsync("{ secret }"), "The access token was revoked; sign in again.");
        (await app.Client(unaffected).SendAsync("{ secret }")).EnsureNoErrors();
    }

    private static void AssertRefused(GraphQLResponse response, string reason)
    {
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(reason, response.Errors[0].GetProperty("message").GetString());
    }
}
