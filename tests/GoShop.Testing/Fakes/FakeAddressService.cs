using System.Collections.Concurrent;
using GoShop.Contracts.Identity;

namespace GoShop.Testing.Fakes;

/// <summary>
/// Identity's <c>GET /internal/users/{userId}/addresses/{addressId}</c> and <c>.../addresses/default</c> (a user's first
/// address, as identity makes it), for the <see cref="AddressDirectory"/> client.
/// </summary>
public sealed class FakeAddressService : FakeInternalService
{
    private readonly ConcurrentDictionary<(Guid UserId, Guid AddressId), AddressSnapshot> _addresses = new();
    private readonly ConcurrentDictionary<Guid, AddressSnapshot> _defaults = new();

    /// <summary>An address of a user in Hồ Chí Minh City, at a point on the map unless <paramref name="located"/> is false.</summary>
    public AddressSnapshot Add(Guid userId, bool located = true, double latitude = 10.7626, double longitude = 106.6602)
    {
        var address = new AddressSnapshot(Guid.CreateVersion7(), userId, "Nguyễn Văn An", "+84 901 234 567", "12 Nguyễn Trãi",
            null, "Phường 2", "Quận 5", "TP. Hồ Chí Minh", "VN", "700000", located ? latitude : null, located ? longitude : null);
        _addresses[(userId, address.AddressId)] = address;
        _defaults.TryAdd(userId, address);
        return address;
    }

    protected override Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken) =>
        Task.FromResult(
            IsGet(request) && segments is ["users", var owner, "addresses", "default"]
                ? Guid.TryParse(owner, out var ownerId) && _defaults.TryGetValue(ownerId, out var preferred) ? Json(preferred) : NotFound()
            : IsGet(request)
            && segments is ["users", var user, "addresses", var address]
            && Guid.TryParse(user, out var userId) && Guid.TryParse(address, out var addressId)
            && _addresses.TryGetValue((userId, addressId), out var found)
                ? Json(found)
                : NotFound());
}
