using System.Net;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Identity;
using GoShop.Testing;

namespace GoShop.Identity.Tests;

/// <summary>The internal address lookup ordering snapshots a delivery address through.</summary>
public sealed class AddressDirectoryTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task A_users_address_is_found_with_its_coordinates()
    {
        var account = await app.RegisterAsync();
        var addressId = await AddAddressAsync(account);

        var address = await Directory().FindAsync(account.Id, addressId, CancellationToken.None);

        Assert.NotNull(address);
        Assert.Equal(addressId, address.AddressId);
        Assert.Equal(account.Id, address.UserId);
        Assert.Equal("Nguyễn Văn An", address.RecipientName);
        Assert.Equal("Quận 1", address.District);
        Assert.Equal(10.7769, address.Latitude);
        Assert.Equal(106.7009, address.Longitude);
    }

    [Fact]
    public async Task Another_users_address_is_not_found()
    {
        var owner = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        var addressId = await AddAddressAsync(owner);

        Assert.Null(await Directory().FindAsync(stranger.Id, addressId, CancellationToken.None));
        Assert.Null(await Directory().FindAsync(owner.Id, Guid.CreateVersion7(), CancellationToken.None));
    }

    [Fact]
    public async Task A_users_default_address_is_their_first_until_they_pick_none_when_they_have_none()
    {
        var account = await app.RegisterAsync();
        var none = await Directory().DefaultAsync(account.Id, CancellationToken.None);
        var first = await AddAddressAsync(account);
        await AddAddressAsync(account);

        var found = await Directory().DefaultAsync(account.Id, CancellationToken.None);

        Assert.Null(none);
        Assert.Equal(first, found?.AddressId);
        Assert.Equal((10.7769, 106.7009), (found?.Latitude, found?.Longitude));
        Assert.Null(await Directory().DefaultAsync(Guid.CreateVersion7(), CancellationToken.None));
    }

    [Fact]
    public async Task The_lookup_refuses_a_caller_without_the_internal_key()
    {
        var account = await app.RegisterAsync();
        var addressId = await AddAddressAsync(account);

        using var response = await app.Factory.CreateClient().GetAsync($"/internal/users/{account.Id}/addresses/{addressId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private AddressDirectory Directory()
    {
        var http = app.Factory.CreateClient();
        http.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, InternalApiOptions.DevelopmentKey);
        return new AddressDirectory(http);
    }

    private static async Task<Guid> AddAddressAsync(Account account)
    {
        var payload = await account.Client.MutateAsync(Operations.AddAddress, Operations.HomeAddress());
        return Guid.Parse(payload.Succeeded().GetProperty("address").Text("id"));
    }
}
