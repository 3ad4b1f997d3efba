using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.GraphQL.Types;
using GoShop.Identity.Security;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Identity.GraphQL.Mutations.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

[Description("Whose password to reset.")]
public sealed record RequestPasswordResetInput
{
    [Description("The account's email; the code is sent there.")]
    public required string Email { get; init; }
}

[Description("The emailed code and the new password.")]
public sealed record ResetPasswordInput
{
    [Description("The email the code was sent to.")]
    public required string Email { get; init; }

    [Description("The 6-digit code from the email.")]
    public required string Code { get; init; }

    [Description("The new password: 10 to 128 characters mixing letters with at least one digit or symbol; not one or two characters repeated, not a commonly used password, and not containing your email's name.")]
    public required string NewPassword { get; init; }
}

[Description("The current password and the new one.")]
public sealed record ChangePasswordInput
{
    [Description("The password now, to prove it is you.")]
    public required string CurrentPassword { get; init; }

    [Description("The new password: 10 to 128 characters mixing letters with at least one digit or symbol; not one or two characters repeated, not a commonly used password, not containing your email's name or your name, and not the current one.")]
    public required string NewPassword { get; init; }
}

public sealed class RequestPasswordResetInputType : AutoRegisteringInputObjectGraphType<RequestPasswordResetInput>;

public sealed class ResetPasswordInputType : AutoRegisteringInputObjectGraphType<ResetPasswordInput>;

public sealed class ChangePasswordInputType : AutoRegisteringInputObjectGraphType<ChangePasswordInput>;

/// <summary>requestPasswordReset, resetPassword and changePassword.</summary>
public sealed class PasswordMutations(PasswordDesk passwords, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RequestPasswordResetPayloadType>, AcknowledgementPayload>("requestPasswordReset")
            .Description("Emails a 6-digit code to reset the password, when an active account uses the address: it works for 10 minutes and " +
                "5 tries (by default), and a new request replaces it. At most 3 requests per address an hour (by default). The answer never tells " +
                "whether an account uses the address. No sign-in needed. userErrors: REQUIRED, INVALID_EMAIL, TOO_MANY_REQUESTS.")
            .Argument<NonNullGraphType<RequestPasswordResetInputType>>("input", "The account's email.")
            .ResolveAsync(async context => await context.Service<PasswordMutations>()
                .RequestResetAsync(context.GetArgument<RequestPasswordResetInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ResetPasswordPayloadType>, AcknowledgementPayload>("resetPassword")
            .Description("Sets a new password with the emailed code, and signs out every session. A code works once; a wrong one costs a try, " +
                "and the last try burns it (RESET_CODE_EXHAUSTED). No sign-in needed. " +
                "userErrors: REQUIRED, INVALID_EMAIL, INVALID_RESET_CODE, WEAK_PASSWORD, RESET_CODE_EXHAUSTED.")
            .Argument<NonNullGraphType<ResetPasswordInputType>>("input", "The email, the code and the new password.")
            .ResolveAsync(async context => await context.Service<PasswordMutations>()
                .ResetAsync(context.GetArgument<ResetPasswordInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ChangePasswordPayloadType>, UserPayload>("changePassword")
            .Description("Changes the password of the signed-in user and signs out every other session. Wrong current passwords count toward " +
                "the email's sign-in lock (TOO_MANY_ATTEMPTS). userErrors: TOO_MANY_ATTEMPTS, WRONG_PASSWORD, WEAK_PASSWORD, SAME_PASSWORD.")
            .Authorize()
            .Argument<NonNullGraphType<ChangePasswordInputType>>("input", "The current and the new password.")
            .ResolveAsync(async context => await context.Service<PasswordMutations>()
                .ChangeAsync(context.GetArgument<ChangePasswordInput>("input"), context.CancellationToken));
    }

    public async Task<AcknowledgementPayload> RequestResetAsync(RequestPasswordResetInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Email(input.Email);
        if (check.HasErrors)
            return Fail<AcknowledgementPayload>(check);
        return Acknowledged(await passwords.RequestResetAsync(input.Email, cancellationToken));
    }

    public async Task<AcknowledgementPayload> ResetAsync(ResetPasswordInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Email(input.Email);
        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length != 6 || !input.Code.Trim().All(char.IsAsciiDigit))
            check.Add("INVALID_RESET_CODE", "The code is the 6 digits from the email.", "code");
        if (check.HasErrors)
            return Fail<AcknowledgementPayload>(check);
        // Checked before the code, so a weak password does not cost one of the code's attempts, and without the
        // account's name, so the answer cannot tell whether an account uses the address.
        check.Password(input.NewPassword, "newPassword", input.Email);
        if (check.HasErrors)
            return Fail<AcknowledgementPayload>(check);
        return Acknowledged(await passwords.ResetAsync(input.Email, input.Code.Trim(), input.NewPassword, cancellationToken));
    }

    public async Task<UserPayload> ChangeAsync(ChangePasswordInput input, CancellationToken cancellationToken)
    {
        // The new password must not be the owner's email or name, so it is judged once the account is loaded and the
        // current password proven.
        InputCheck? check = null;
        var changed = await passwords.ChangeAsync(currentUser.Holder(), input.CurrentPassword, input.NewPassword, user =>
        {
            check = new InputCheck().Password(input.NewPassword, "newPassword", user.Email, user.FullName);
            if (input.NewPassword == input.CurrentPassword)
                check.Add("SAME_PASSWORD", "The new password must differ from the current one.", "newPassword");
            return !check.HasErrors;
        }, cancellationToken);
        if (check is { HasErrors: true })
            return Fail<UserPayload>(check);
        return changed.Succeeded ? new UserPayload { User = changed.Value } : Refused<UserPayload>(changed.Error);
    }

    private static AcknowledgementPayload Acknowledged(Result result) =>
        result.Succeeded ? new AcknowledgementPayload() : Fail<AcknowledgementPayload>(result.Error);
}
