using GoShop.BuildingBlocks.Domain;

namespace GoShop.Identity.Domain;

/// <summary>The expected failures of the identity domain, with their stable codes.</summary>
public static class IdentityErrors
{
    public static DomainError EmailTaken { get; } = new("EMAIL_TAKEN", "An account with this email already exists.", "email");
    public static DomainError InvalidCredentials { get; } = new("INVALID_CREDENTIALS", "The email or password is incorrect.");
    public static DomainError WrongPassword { get; } = new("WRONG_PASSWORD", "The current password is incorrect.", "currentPassword");
    public static DomainError AddressNotFound { get; } = new("ADDRESS_NOT_FOUND", "No address with this id belongs to you.", "addressId");
    public static DomainError AddressLimitReached { get; } = new("ADDRESS_LIMIT_REACHED", $"You can keep at most {User.MaxAddresses} addresses.");
    public static DomainError AlreadyShipper { get; } = new("ALREADY_SHIPPER", "You are already registered as a shipper.");
    public static DomainError IdNumberInUse { get; } = new("ID_NUMBER_IN_USE", "This ID number is already registered to another shipper.", "idNumber");
    public static DomainError AccountDeleted { get; } = new("ACCOUNT_DELETED", "This account has been deleted.");
}
