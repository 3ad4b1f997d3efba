using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.RateLimiting;
using GoShop.Identity.Account;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Types;
using GoShop.Identity.Mail;
using GoShop.Identity.Security;
using GoShop.Identity.Sessions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Identity.GraphQL.Mutations.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

public sealed record RequestPasswordResetInput
{
    public required string Email { get; init; }
}

public sealed record ResetPasswordInput
{
    public required string Email { get; init; }

    [Description("The 6-digit code from the email.")]
    public required string Code { get; init; }

    public required string NewPassword { get; init; }
}

public sealed record ChangePasswordInput
{
    public required string CurrentPassword { get; init; }

    public required string NewPassword { get; init; }
}

public sealed class RequestPasswordResetInputType : AutoRegisteringInputObjectGraphType<RequestPasswordResetInput>;

public sealed class ResetPasswordInputType : AutoRegisteringInputObjectGraphType<ResetPasswordInput>;

public sealed class ChangePasswordInputType : AutoRegisteringInputObjectGraphType<ChangePasswordInput>;

/// <summary>requestPasswordReset, resetPassword and changePassword.</summary>
public sealed class PasswordMutations(
    IdentityDbContext db,
    PasswordHasher hasher,
    PasswordResetCodes resetCodes,
    SessionService sessions,
    LoginThrottle throttle,
    RedisRateLimiter limiter,
    IEmailSender mail,
    AccountEvents accountEvents,
    ICurrentUser currentUser,
    TimeProvider clock,
    IOptions<IdentityOptions> options,
    ILogger<PasswordMutations> logger)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RequestPasswordResetPayloadType>, AcknowledgementPayload>("requestPasswordReset")
            .Description("Emails a 6-digit code to reset the password. The answer never tells whether an account uses the address.")
            .Argument<NonNullGraphType<RequestPasswordResetInputType>>("input")
            .ResolveAsync(async context => await context.Service<PasswordMutations>()
                .RequestResetAsync(context.GetArgument<RequestPasswordResetInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ResetPasswordPayloadType>, AcknowledgementPayload>("resetPassword")
            .Description("Sets a new password with the emailed code, and signs out every session.")
            .Argument<NonNullGraphType<ResetPasswordInputType>>("input")
            .ResolveAsync(async context => await context.Service<PasswordMutations>()
                .ResetAsync(context.GetArgument<ResetPasswordInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ChangePasswordPayloadType>, UserPayload>("changePassword")
            .Description("Changes the password of the signed-in user and signs out every other session.")
            .Authorize()
            .Argument<NonNullGraphType<ChangePasswordInputType>>("input")
            .ResolveAsync(async context => await context.Service<PasswordMutations>()
                .ChangeAsync(context.GetArgument<ChangePasswordInput>("input"), context.CancellationToken));
    }

    private IdentityOptions Settings => options.Value;

    public async Task<AcknowledgementPayload> RequestResetAsync(RequestPasswordResetInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Email(input.Email);
        if (check.HasErrors)
            return Fail<AcknowledgementPayload>(check);
        var email = EmailAddress.Normalize(input.Email);
        // Counted per address whether or not an account uses it, so the limit reveals nothing either.
        var allowance = await limiter.HitAsync("reset-request:" + email, Settings.ResetRequestsPerHour, TimeSpan.FromHours(1));
        if (!allowance.Allowed)
        {
            return Fail<AcknowledgementPayload>("TOO_MANY_REQUESTS",
                $"Too many reset requests for this address. Try again in {Minutes(allowance.RetryAfter)}.", "email");
        }

        var user = await db.Users.AsNoTracking()
            .FirstOrDefaultAsync(u => u.NormalizedEmail == email && u.Status == UserStatus.Active, cancellationToken);
        if (user is not null)
        {
            var code = await resetCodes.IssueAsync(email);
            try
            {
                await mail.SendAsync(IdentityEmails.PasswordResetCode(user.Email, user.FullName, code, Settings.ResetCodeMinutes), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Answering with an error here would tell the caller the account exists.
                logger.LogError(ex, "Could not send the password reset code to user {UserId}", user.Id);
            }
        }
        return new AcknowledgementPayload();
    }

    public async Task<AcknowledgementPayload> ResetAsync(ResetPasswordInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Email(input.Email);
        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length != 6 || !input.Code.Trim().All(char.IsAsciiDigit))
            check.Add("INVALID_RESET_CODE", "The code is the 6 digits from the email.", "code");
        if (check.HasErrors)
            return Fail<AcknowledgementPayload>(check);

        var email = EmailAddress.Normalize(input.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email && u.Status == UserStatus.Active, cancellationToken);
        // Checked before the code, so a weak password does not cost one of the code's attempts, and without the
        // account's name, so the answer cannot tell whether an account uses the address.
        check.Password(input.NewPassword, "newPassword", input.Email);
        if (check.HasErrors)
            return Fail<AcknowledgementPayload>(check);

        var (outcome, attemptsLeft) = await resetCodes.ConsumeAsync(email, input.Code.Trim());
        switch (outcome)
        {
            case ResetCodeCheck.Wrong:
                return Fail<AcknowledgementPayload>("INVALID_RESET_CODE",
                    $"The code is not right. {attemptsLeft} attempt{(attemptsLeft == 1 ? "" : "s")} left.", "code");
            case ResetCodeCheck.Exhausted:
                return Fail<AcknowledgementPayload>("RESET_CODE_EXHAUSTED",
                    "Too many wrong codes: this code no longer works. Ask for a new one.", "code");
            case ResetCodeCheck.Missing:
                return Fail<AcknowledgementPayload>("INVALID_RESET_CODE", "The code is not valid or has expired. Ask for a new one.", "code");
        }
        if (user is null)
            return Fail<AcknowledgementPayload>("INVALID_RESET_CODE", "The code is not valid or has expired. Ask for a new one.", "code");

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            user.ChangePassword(hasher.Hash(input.NewPassword), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await sessions.RevokeAllAsync(user.Id, keep: null, "password reset", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await throttle.RecordSuccessAsync(email);
        await NotifyPasswordChangedAsync(user, sessionId: null, cancellationToken);
        return new AcknowledgementPayload();
    }

    public async Task<UserPayload> ChangeAsync(ChangePasswordInput input, CancellationToken cancellationToken)
    {
        var user = await SignedInAccount.LoadAsync(db, currentUser, cancellationToken);
        if (await throttle.CheckAsync(user.NormalizedEmail, ipAddress: null) is { } wait)
            return Fail<UserPayload>("TOO_MANY_ATTEMPTS", $"Too many wrong passwords. Try again in {Minutes(wait)}.");
        if (string.IsNullOrEmpty(input.CurrentPassword) || !hasher.Verify(input.CurrentPassword, user.PasswordHash))
        {
            await throttle.RecordFailureAsync(user.NormalizedEmail);
            return Fail<UserPayload>(IdentityErrors.WrongPassword);
        }
        var check = new InputCheck().Password(input.NewPassword, "newPassword", user.Email, user.FullName);
        if (input.NewPassword == input.CurrentPassword)
            check.Add("SAME_PASSWORD", "The new password must differ from the current one.", "newPassword");
        if (check.HasErrors)
            return Fail<UserPayload>(check);

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            user.ChangePassword(hasher.Hash(input.NewPassword), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await sessions.RevokeAllAsync(user.Id, keep: currentUser.SessionId, "password changed", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await NotifyPasswordChangedAsync(user, currentUser.SessionId, cancellationToken);
        return new UserPayload { User = user };
    }

    private async Task NotifyPasswordChangedAsync(User user, Guid? sessionId, CancellationToken cancellationToken)
    {
        await accountEvents.PublishAsync(user.Id, AccountEventKind.PasswordChanged, sessionId);
        try
        {
            await mail.SendAsync(IdentityEmails.PasswordChanged(user.Email, user.FullName), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send the password-changed notice to user {UserId}", user.Id);
        }
    }
}
