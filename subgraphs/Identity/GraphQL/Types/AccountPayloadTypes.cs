using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Identity.Domain;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

/// <summary>A payload whose only news is whether the request went through.</summary>
public sealed record AcknowledgementPayload : Payload
{
    public bool Success => UserErrors.Count == 0;
}

public abstract class AcknowledgementPayloadTypeBase : PayloadType<AcknowledgementPayload>
{
    protected AcknowledgementPayloadTypeBase(string name, string successDescription)
    {
        Name = name;
        Field(p => p.Success).Description(successDescription);
    }
}

public sealed class LogoutPayloadType() : AcknowledgementPayloadTypeBase("LogoutPayload", "The session is closed.");

public sealed class RevokeSessionPayloadType : AcknowledgementPayloadTypeBase
{
    public RevokeSessionPayloadType()
        : base("RevokeSessionPayload", "The session is signed out: its refresh token no longer works and its access tokens are refused.") =>
        Description = "What revokeSession answers: success, or userErrors and no change.";
}

public sealed class RequestPasswordResetPayloadType() : AcknowledgementPayloadTypeBase("RequestPasswordResetPayload",
    "The request was taken. A code is emailed if an account uses that address; the answer is the same either way.");

public sealed class ResetPasswordPayloadType() : AcknowledgementPayloadTypeBase("ResetPasswordPayload",
    "The password was changed and every session signed out.");

public sealed class DeleteAccountPayloadType() : AcknowledgementPayloadTypeBase("DeleteAccountPayload",
    "The account is deleted and its personal data erased.");

/// <summary>A payload that answers the changed user.</summary>
public sealed record UserPayload : Payload
{
    public User? User { get; init; }
}

public abstract class UserPayloadTypeBase : PayloadType<UserPayload>
{
    protected UserPayloadTypeBase(string name)
    {
        Name = name;
        Field<UserType, User>("user")
            .Description("The user after the change; null when there are userErrors.")
            .Resolve(context => context.Source.User);
    }
}

public sealed class ChangePasswordPayloadType() : UserPayloadTypeBase("ChangePasswordPayload");

public sealed class UpdateProfilePayloadType() : UserPayloadTypeBase("UpdateProfilePayload");

public sealed class RegisterAsShipperPayloadType() : UserPayloadTypeBase("RegisterAsShipperPayload");

public sealed class DeleteAddressPayloadType() : UserPayloadTypeBase("DeleteAddressPayload");

/// <summary>A payload that answers a changed address and its owner.</summary>
public sealed record AddressPayload : Payload
{
    public UserAddress? Address { get; init; }

    public User? User { get; init; }
}

public abstract class AddressPayloadTypeBase : PayloadType<AddressPayload>
{
    protected AddressPayloadTypeBase(string name)
    {
        Name = name;
        Field<AddressType, UserAddress>("address")
            .Description("The address after the change; null when there are userErrors.")
            .Resolve(context => context.Source.Address);
        Field<UserType, User>("user")
            .Description("Its owner after the change, e.g. with a new defaultAddress; null when there are userErrors.")
            .Resolve(context => context.Source.User);
    }
}

public sealed class AddAddressPayloadType() : AddressPayloadTypeBase("AddAddressPayload");

public sealed class UpdateAddressPayloadType() : AddressPayloadTypeBase("UpdateAddressPayload");

public sealed class SetDefaultAddressPayloadType() : AddressPayloadTypeBase("SetDefaultAddressPayload");
