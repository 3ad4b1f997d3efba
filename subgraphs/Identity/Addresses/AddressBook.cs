using GoShop.BuildingBlocks.Domain;
using GoShop.Identity.Account;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore.Storage;

namespace GoShop.Identity.Addresses;

/// <summary>
/// The signed-in user's address book. Every change runs on the locked account, so the User aggregate's rules (at most
/// 20 addresses, exactly one default whenever there is one) hold however many requests arrive at once; the owner's open
/// apps hear of it after the commit.
/// </summary>
public sealed class AddressBook(IdentityDbContext db, AccountEvents accountEvents, TimeProvider clock)
{
    /// <summary>What <see cref="UpdateAsync"/> answers when the caller's rules refused the changed address (the caller said why).</summary>
    public static DomainError ChangesRefused { get; } = new("INVALID_ADDRESS", "The changed address is not valid.");

    /// <summary>Adds an address (already checked); the first one, or one asked to be, becomes the default.</summary>
    public async Task<Result<(User User, Address Address)>> AddAsync(AccountHolder holder, AddressDetails details, bool makeDefault, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken, withAddresses: true, lockForUpdate: true);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        var now = clock.GetUtcNow();
        var added = user.AddAddress(details, now);
        if (!added.Succeeded)
            return added.Error;
        if (makeDefault)
            user.SetDefaultAddress(added.Value.Id, now);
        return await SaveAsync(holder, user, added.Value, transaction, cancellationToken);
    }

    /// <summary>
    /// Changes an address. <paramref name="admits"/> judges the details as they will be (fields left out keep their
    /// values); when it refuses, nothing changes.
    /// </summary>
    public async Task<Result<(User User, Address Address)>> UpdateAsync(
        AccountHolder holder, Guid addressId, AddressChanges changes, Func<AddressDetails, bool> admits, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken, withAddresses: true, lockForUpdate: true);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        if (user.Addresses.FirstOrDefault(a => a.Id == addressId) is not { } existing)
            return IdentityErrors.AddressNotFound;
        var details = changes.ApplyTo(existing);
        if (!admits(details))
            return ChangesRefused;
        var updated = user.UpdateAddress(addressId, details, clock.GetUtcNow());
        if (!updated.Succeeded)
            return updated.Error;
        return await SaveAsync(holder, user, updated.Value, transaction, cancellationToken);
    }

    /// <summary>Removes an address; removing the default makes the most recently changed other one the default.</summary>
    public async Task<Result<User>> DeleteAsync(AccountHolder holder, Guid addressId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken, withAddresses: true, lockForUpdate: true);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        var removed = user.RemoveAddress(addressId, clock.GetUtcNow());
        if (!removed.Succeeded)
            return removed.Error;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.AddressesChanged, holder.SessionId);
        return user;
    }

    public async Task<Result<(User User, Address Address)>> SetDefaultAsync(AccountHolder holder, Guid addressId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken, withAddresses: true, lockForUpdate: true);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        var chosen = user.SetDefaultAddress(addressId, clock.GetUtcNow());
        if (!chosen.Succeeded)
            return chosen.Error;
        return await SaveAsync(holder, user, chosen.Value, transaction, cancellationToken);
    }

    private async Task<Result<(User User, Address Address)>> SaveAsync(
        AccountHolder holder, User user, Address address, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.AddressesChanged, holder.SessionId);
        return (user, address);
    }
}
