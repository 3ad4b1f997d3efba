using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Mail;
using GoShop.BuildingBlocks.RateLimiting;
using GoShop.Identity.Account;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Mail;
using GoShop.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.Identity.Security;

/// <summary>
/// Resetting a forgotten password with an emailed code, and changing a known one. A new password signs out the other
/// sessions (all of them after a reset), and the owner is told by email and by a live account event.
/// </summary>
public sealed class PasswordDesk(
    IdentityDbContext db,
    PasswordHasher hasher,
    PasswordResetCodes resetCodes,
    SessionService sessions,
    LoginThrottle throttle,
    RedisRateLimiter limiter,
    IEmailSender mail,
    AccountEvents accountEvents,
    TimeProvider clock,
    IOptions<IdentityOptions> options,
    ILogger<PasswordDesk> logger)
{
    /// <summary>What <see cref="ChangeAsync"/> answers when the caller's rules refused the new password (the caller said why).</summary>
    public static DomainError NewPasswordRefused { get; } = new("WEAK_PASSWORD", "The new password is not acceptable.", "newPassword");

    private IdentityOptions Settings => options.Value;

    /// <summary>
    /// Emails a reset code when an active account uses the address. The answer is the same either way, and so is the
    /// limit of requests per address.
    /// </summary>
    public async Task<Result> RequestResetAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        // Counted per address whether or not an account uses it, so the limit reveals nothing either.
        var allowance = await limiter.HitAsync("reset-request:" + normalized, Settings.ResetRequestsPerHour, TimeSpan.FromHours(1));
        if (!allowance.Allowed)
            return IdentityErrors.TooManyResetRequests(allowance.RetryAfter);

        var user = await db.Users.AsNoTracking()
            .FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.Status == UserStatus.Active, cancellationToken);
        if (user is not null)
        {
            var code = await resetCodes.IssueAsync(normalized);
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
        return Result.Success;
    }

    /// <summary>Sets a new password (already checked) with the emailed code, and signs out every session.</summary>
    public async Task<Result> ResetAsync(string email, string code, string newPassword, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.Status == UserStatus.Active, cancellationToken);
        var (outcome, attemptsLeft) = await resetCodes.ConsumeAsync(normalized, code);
        switch (outcome)
        {
            case ResetCodeCheck.Wrong:
                return IdentityErrors.WrongResetCode(attemptsLeft);
            case ResetCodeCheck.Exhausted:
                return IdentityErrors.ResetCodeExhausted;
            case ResetCodeCheck.Missing:
                return IdentityErrors.ResetCodeInvalid;
        }
        if (user is null)
            return IdentityErrors.ResetCodeInvalid;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            user.ChangePassword(hasher.Hash(newPassword), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await sessions.RevokeAllAsync(user.Id, keep: null, "password reset", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await throttle.RecordSuccessAsync(normalized);
        await NotifyPasswordChangedAsync(user, sessionId: null, cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// Changes the signed-in user's password once the current one is proven (wrong ones count against the email's login
    /// lock). <paramref name="admits"/> judges the new password against the account (it must not be the owner's email
    /// or name); when it refuses, nothing changes.
    /// </summary>
    public async Task<Result<User>> ChangeAsync(
        AccountHolder holder, string? currentPassword, string newPassword, Func<User, bool> admits, CancellationToken cancellationToken)
    {
        var loaded = await ActiveAccount.LoadAsync(db, holder.UserId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var user = loaded.Value;
        if (await throttle.CheckAsync(user.NormalizedEmail, ipAddress: null) is { } wait)
            return IdentityErrors.TooManyWrongPasswords(wait);
        if (string.IsNullOrEmpty(currentPassword) || !hasher.Verify(currentPassword, user.PasswordHash))
        {
            await throttle.RecordFailureAsync(user.NormalizedEmail);
            return IdentityErrors.WrongPassword;
        }
        if (!admits(user))
            return NewPasswordRefused;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            user.ChangePassword(hasher.Hash(newPassword), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await sessions.RevokeAllAsync(user.Id, keep: holder.SessionId, "password changed", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await NotifyPasswordChangedAsync(user, holder.SessionId, cancellationToken);
        return user;
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
