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
    public static DomainError AccountSuspended { get; } = new("ACCOUNT_SUSPENDED", "This account is suspended. Contact GoShop support.");
    public static DomainError AlreadySuspended { get; } = new("ALREADY_SUSPENDED", "This account is already suspended.", "userId");
    public static DomainError NotSuspended { get; } = new("NOT_SUSPENDED", "This account is not suspended.", "userId");
    public static DomainError CannotSuspendSelf { get; } = new("CANNOT_SUSPEND_SELF", "You cannot suspend your own account.", "userId");
    public static DomainError UserNotFound { get; } = new("USER_NOT_FOUND", "No user has this id.", "userId");
    public static DomainError SessionNotFound { get; } = new("SESSION_NOT_FOUND", "None of your signed-in sessions has this id.", "sessionId");

    /// <summary>The signed-in user's account is gone (deleted since the token was issued): the API answers UNAUTHENTICATED.</summary>
    public static DomainError AccountGone { get; } = new("ACCOUNT_GONE", "This account no longer exists.");

    public static DomainError TooManySignInAttempts(TimeSpan wait) =>
        new("TOO_MANY_ATTEMPTS", $"Too many sign-in attempts. Try again in {Minutes(wait)}.");

    public static DomainError TooManyWrongPasswords(TimeSpan wait) =>
        new("TOO_MANY_ATTEMPTS", $"Too many wrong passwords. Try again in {Minutes(wait)}.");

    public static DomainError TooManyResetRequests(TimeSpan wait) =>
        new("TOO_MANY_REQUESTS", $"Too many reset requests for this address. Try again in {Minutes(wait)}.", "email");

    public static DomainError WrongResetCode(int attemptsLeft) =>
        new("INVALID_RESET_CODE", $"The code is not right. {attemptsLeft} attempt{(attemptsLeft == 1 ? "" : "s")} left.", "code");

    public static DomainError ResetCodeExhausted { get; } =
        new("RESET_CODE_EXHAUSTED", "Too many wrong codes: this code no longer works. Ask for a new one.", "code");

    public static DomainError ResetCodeInvalid { get; } = new("INVALID_RESET_CODE", "The code is not valid or has expired. Ask for a new one.", "code");

    /// <summary>A wait in whole minutes, rounded up ("Try again in 3 minutes.").</summary>
    private static string Minutes(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
