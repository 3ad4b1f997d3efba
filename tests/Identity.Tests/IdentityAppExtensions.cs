using System.Text.Json;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Security;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AuthRoles = GoShop.BuildingBlocks.Auth.Roles;

namespace GoShop.Identity.Tests;

/// <summary>
/// What several test classes need beyond the fixture: signing in, an admin (the demo seeder is off in tests), a look
/// into the database to prove what was or was not written.
/// </summary>
public static class IdentityAppExtensions
{
    public static Task<JsonElement> LoginAsync(this IdentityApp app, string email, string password) =>
        app.Client().MutateAsync(Operations.Login, new { input = new { email, password } });

    public static Task<JsonElement> RefreshAsync(this IdentityApp app, string refreshToken) =>
        app.Client().MutateAsync(Operations.RefreshToken, new { input = new { refreshToken } });

    /// <summary>Registers an account, makes it an admin in the database and signs in again, so its token carries ADMIN.</summary>
    public static async Task<Account> RegisterAdminAsync(this IdentityApp app)
    {
        var account = await app.RegisterAsync(fullName: "Test Admin");
        await app.InDatabaseAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == account.Id);
            user.GrantRole(AuthRoles.Admin, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var session = (await app.LoginAsync(account.Email, account.Password)).Succeeded();
        return account with
        {
            RefreshToken = session.Text("refreshToken"),
            Client = app.Client(session.Text("accessToken")),
        };
    }

    public static async Task<T> InDatabaseAsync<T>(this IdentityApp app, Func<IdentityDbContext, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IdentityDbContext>());
    }

    public static Task InDatabaseAsync(this IdentityApp app, Func<IdentityDbContext, Task> work) =>
        app.InDatabaseAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>The user as stored, with addresses and shipper profile, read past every API rule.</summary>
    public static Task<User> StoredUserAsync(this IdentityApp app, Guid id) =>
        app.InDatabaseAsync(db => db.Users.AsNoTracking().Include(u => u.Addresses).SingleAsync(u => u.Id == id));

    /// <summary>Whether the stored password hash of a user matches a password.</summary>
    public static async Task<bool> PasswordIsAsync(this IdentityApp app, Guid userId, string password)
    {
        var user = await app.StoredUserAsync(userId);
        return app.Service<PasswordHasher>().Verify(password, user.PasswordHash);
    }

    public static IReadOnlyList<string> Strings(this JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToList();

    public static string FirstErrorMessage(this JsonElement payload) =>
        payload.GetProperty("userErrors")[0].Text("message");

    /// <summary>The input path of a payload's first userError, e.g. ["input", "email"].</summary>
    public static IReadOnlyList<string?> FirstErrorField(this JsonElement payload) =>
        payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(e => e.GetString()).ToList();
}
