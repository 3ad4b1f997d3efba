using System.Security.Cryptography;
using System.Text;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Identity;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Security;
using GoShop.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GoShop.Identity.Account;

/// <summary>A signed-in user's request to deliver for GoShop: the plate number trimmed, the ID number in capitals without spaces or dashes.</summary>
public sealed record ShipperApplication(VehicleType VehicleType, string PlateNumber, string IdNumber);

/// <summary>
/// Changes the signed-in user makes to their own account: the profile, becoming a shipper, deleting the account. Each
/// publishes its integration event in its transaction and tells the owner's open apps after the commit.
/// </summary>
public sealed class AccountDesk(
    IdentityDbContext db,
    PasswordHasher hasher,
    SessionService sessions,
    AccountEvents accountEvents,
    AccessTokenDenyList denyList,
    TimeProvider clock,
    IOptions<IdentityOptions> options)
{
    /// <summary>Changes the name or the phone (already checked); null leaves either as it is.</summary>
    public async Task<Result<User>> UpdateProfileAsync(AccountHolder holder, string? fullName, string? phone, bool clearPhone, CancellationToken cancellationToken)
    {
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        var now = clock.GetUtcNow();
        user.UpdateProfile(fullName, phone, clearPhone, now);
        db.Publish(new UserProfileUpdated(user.Id, user.FullName, user.Phone, now));
        await db.SaveChangesAsync(cancellationToken);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.ProfileUpdated, holder.SessionId);
        return user;
    }

    /// <summary>
    /// Deletes the account once its password is proven: personal data is erased, every session is signed out and the
    /// presented access token refused at once.
    /// </summary>
    public async Task<Result> DeleteAsync(AccountHolder holder, string? password, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked: an address added at this moment is then either erased with the rest or refused.
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken, withAddresses: true, lockForUpdate: true);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        if (string.IsNullOrEmpty(password) || !hasher.Verify(password, user.PasswordHash))
            return IdentityErrors.WrongPassword with { Field = "password" };

        var now = clock.GetUtcNow();
        user.Delete(now);
        db.Publish(new UserDeleted(user.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, keep: null, "account deleted", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await holder.DenyTokenAsync(denyList, now);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.SessionRevoked, detail: "account deleted");
        return Result.Success;
    }

    /// <summary>
    /// Makes the user a shipper. Only a keyed hash and the last four digits of the ID number are kept; one ID number
    /// serves one shipper.
    /// </summary>
    public async Task<Result<User>> RegisterAsShipperAsync(AccountHolder holder, ShipperApplication application, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked, so two registrations of one user at once answer ALREADY_SHIPPER to the second.
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken, lockForUpdate: true);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        if (user.ShipperProfile is not null)
            return IdentityErrors.AlreadyShipper;
        var idNumber = application.IdNumber;
        var idHash = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(options.Value.IdNumberHashKey), Encoding.UTF8.GetBytes(idNumber)));
        if (await db.Users.AnyAsync(u => u.Id != user.Id && u.ShipperProfile != null && u.ShipperProfile.IdNumberHash == idHash, cancellationToken))
            return IdentityErrors.IdNumberInUse;

        var now = clock.GetUtcNow();
        var registered = user.RegisterAsShipper(application.VehicleType, application.PlateNumber, idNumber[^4..], idHash, now);
        if (!registered.Succeeded)
            return registered.Error;
        db.Publish(new ShipperRegistered(user.Id, user.FullName, application.VehicleType.ToString().ToUpperInvariant(), user.ShipperProfile!.PlateNumber, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return IdentityErrors.IdNumberInUse;
        }
        await accountEvents.PublishAsync(user.Id, AccountEventKind.BecameShipper, holder.SessionId);
        return user;
    }
}
