using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Contracts.Identity;
using GoShop.Identity.Account;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Types;
using GoShop.Identity.Security;
using GoShop.Identity.Sessions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Identity.GraphQL.Mutations.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

public sealed record UpdateProfileInput
{
    public string? FullName { get; init; }

    [Description("A phone number; an empty string removes it.")]
    public string? Phone { get; init; }
}

public sealed record DeleteAccountInput
{
    [Description("The current password, to confirm.")]
    public required string Password { get; init; }
}

public sealed record RegisterAsShipperInput
{
    public required VehicleType VehicleType { get; init; }

    [Description("The vehicle's licence plate (for a bicycle, any identifying mark).")]
    public required string PlateNumber { get; init; }

    [Description("National ID (CCCD/CMND) or passport number. Only its last four digits are kept in clear.")]
    public required string IdNumber { get; init; }
}

public sealed class UpdateProfileInputType : AutoRegisteringInputObjectGraphType<UpdateProfileInput>;

public sealed class DeleteAccountInputType : AutoRegisteringInputObjectGraphType<DeleteAccountInput>;

public sealed class RegisterAsShipperInputType : AutoRegisteringInputObjectGraphType<RegisterAsShipperInput>;

/// <summary>updateProfile, deleteAccount and registerAsShipper.</summary>
public sealed class ProfileMutations(
    IdentityDbContext db,
    PasswordHasher hasher,
    SessionService sessions,
    AccountEvents accountEvents,
    AccessTokenDenyList denyList,
    ICurrentUser currentUser,
    TimeProvider clock,
    IOptions<IdentityOptions> options)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UpdateProfilePayloadType>, UserPayload>("updateProfile")
            .Description("Changes the name or phone of the signed-in user. Fields left out stay as they are.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateProfileInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProfileMutations>()
                .UpdateProfileAsync(context.GetArgument<UpdateProfileInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteAccountPayloadType>, AcknowledgementPayload>("deleteAccount")
            .Description("Deletes the signed-in user's account: personal data is erased and every session signed out. Orders and reviews stay, anonymised.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteAccountInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProfileMutations>()
                .DeleteAccountAsync(context.GetArgument<DeleteAccountInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RegisterAsShipperPayloadType>, UserPayload>("registerAsShipper")
            .Description("Makes the signed-in user a shipper. The SHIPPER role appears in access tokens issued from now on (refresh the token).")
            .Authorize()
            .Argument<NonNullGraphType<RegisterAsShipperInputType>>("input")
            .ResolveAsync(async context => await context.Service<ProfileMutations>()
                .RegisterAsShipperAsync(context.GetArgument<RegisterAsShipperInput>("input"), context.CancellationToken));
    }

    public async Task<UserPayload> UpdateProfileAsync(UpdateProfileInput input, CancellationToken cancellationToken)
    {
        var user = await SignedInAccount.LoadAsync(db, currentUser, cancellationToken);
        var check = new InputCheck()
            .Text(input.FullName, "fullName", maxLength: 100, required: false)
            .Phone(input.Phone, "phone", required: false);
        if (input.FullName is not null && string.IsNullOrWhiteSpace(input.FullName))
            check.Add("REQUIRED", "Full name cannot be blank.", "fullName");
        if (check.HasErrors)
            return Fail<UserPayload>(check);

        var now = clock.GetUtcNow();
        user.UpdateProfile(input.FullName, input.Phone, clearPhone: input.Phone is not null && string.IsNullOrWhiteSpace(input.Phone), now);
        db.Publish(new UserProfileUpdated(user.Id, user.FullName, user.Phone, now));
        await db.SaveChangesAsync(cancellationToken);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.ProfileUpdated, currentUser.SessionId);
        return new UserPayload { User = user };
    }

    public async Task<AcknowledgementPayload> DeleteAccountAsync(DeleteAccountInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked: an address added at this moment is then either erased with the rest or refused.
        var user = await SignedInAccount.LoadAsync(db, currentUser, cancellationToken, withAddresses: true, lockForUpdate: true);
        if (string.IsNullOrEmpty(input.Password) || !hasher.Verify(input.Password, user.PasswordHash))
            return Fail<AcknowledgementPayload>(IdentityErrors.WrongPassword with { Field = "password" });

        var now = clock.GetUtcNow();
        user.Delete(now);
        db.Publish(new UserDeleted(user.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, keep: null, "account deleted", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await denyList.DenyPresentedTokenAsync(currentUser, now);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.SessionRevoked, detail: "account deleted");
        return new AcknowledgementPayload();
    }

    public async Task<UserPayload> RegisterAsShipperAsync(RegisterAsShipperInput input, CancellationToken cancellationToken)
    {
        var plate = input.PlateNumber?.Trim() ?? "";
        var idNumber = new string((input.IdNumber ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        var check = new InputCheck();
        if (plate.Length is < 3 or > 15 || !plate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ' '))
            check.Add("INVALID_PLATE_NUMBER", "The plate number is 3 to 15 letters, digits, dashes, dots or spaces.", "plateNumber");
        if (idNumber.Length is < 6 or > 20 || !idNumber.All(char.IsAsciiLetterOrDigit))
            check.Add("INVALID_ID_NUMBER", "The ID number is 6 to 20 letters or digits.", "idNumber");
        if (check.HasErrors)
            return Fail<UserPayload>(check);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked, so two registrations of one user at once answer ALREADY_SHIPPER to the second.
        var user = await SignedInAccount.LoadAsync(db, currentUser, cancellationToken, lockForUpdate: true);
        if (user.ShipperProfile is not null)
            return Fail<UserPayload>(IdentityErrors.AlreadyShipper);
        var idHash = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(options.Value.IdNumberHashKey), Encoding.UTF8.GetBytes(idNumber)));
        if (await db.Users.AnyAsync(u => u.Id != user.Id && u.ShipperProfile != null && u.ShipperProfile.IdNumberHash == idHash, cancellationToken))
            return Fail<UserPayload>(IdentityErrors.IdNumberInUse);

        var now = clock.GetUtcNow();
        var registered = user.RegisterAsShipper(input.VehicleType, plate, idNumber[^4..], idHash, now);
        if (!registered.Succeeded)
            return Fail<UserPayload>(registered.Error);
        db.Publish(new ShipperRegistered(user.Id, user.FullName, input.VehicleType.ToString().ToUpperInvariant(), user.ShipperProfile!.PlateNumber, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Fail<UserPayload>(IdentityErrors.IdNumberInUse);
        }
        await accountEvents.PublishAsync(user.Id, AccountEventKind.BecameShipper, currentUser.SessionId);
        return new UserPayload { User = user };
    }
}
