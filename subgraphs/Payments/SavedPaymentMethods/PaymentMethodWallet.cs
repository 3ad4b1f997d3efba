using GoShop.BuildingBlocks.Domain;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.SavedPaymentMethods;

/// <summary>A card or wallet the provider tokenised, as the buyer gives it: only what may be kept of it.</summary>
public sealed record NewPaymentMethod(PaymentGateway Gateway, string Token, string Brand, string Last4, int? ExpiryMonth, int? ExpiryYear, bool MakeDefault);

/// <summary>
/// A buyer's saved payment methods. Changes run under the buyer's advisory lock, so the one-default rule (a unique
/// index) is kept by clearing the old default before setting the new one, never by two requests racing.
/// </summary>
public sealed class PaymentMethodWallet(PaymentsDbContext db, TimeProvider clock)
{
    private const string WalletLock = "payment-methods";

    /// <summary>Saves the method; the buyer's first one, or one saved with <see cref="NewPaymentMethod.MakeDefault"/>, becomes the default.</summary>
    public async Task<Result<SavedPaymentMethod>> SaveAsync(Guid userId, NewPaymentMethod method, CancellationToken cancellationToken)
    {
        var saved = SavedPaymentMethod.Save(userId, method.Gateway, method.Token, method.Brand, method.Last4, method.ExpiryMonth, method.ExpiryYear, false,
            clock.GetUtcNow());
        if (!saved.Succeeded)
            return saved.Error;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(WalletLock, userId.ToString(), cancellationToken);
        var token = saved.Value.Token;
        if (await db.SavedPaymentMethods.AnyAsync(m => m.UserId == userId && m.Gateway == method.Gateway && m.Token == token, cancellationToken))
            return PaymentErrors.MethodAlreadySaved;
        var mine = await db.SavedPaymentMethods.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        db.SavedPaymentMethods.Add(saved.Value);
        await MakeDefaultAsync(saved.Value, method.MakeDefault || mine.Count == 0, mine, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved.Value;
    }

    /// <summary>Deletes one of the buyer's methods and answers it; the newest of the others becomes the default when the default goes.</summary>
    public async Task<Result<SavedPaymentMethod>> DeleteAsync(Guid userId, Guid paymentMethodId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(WalletLock, userId.ToString(), cancellationToken);
        var mine = await db.SavedPaymentMethods.Where(m => m.UserId == userId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (mine.SingleOrDefault(m => m.Id == paymentMethodId) is not { } method)
            return PaymentErrors.MethodNotFound;
        db.SavedPaymentMethods.Remove(method);
        await db.SaveChangesAsync(cancellationToken);
        if (method.IsDefault && mine.LastOrDefault(m => m.Id != method.Id) is { } next)
            await MakeDefaultAsync(next, true, mine.Where(m => m.Id != method.Id).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return method;
    }

    public async Task<Result<SavedPaymentMethod>> SetDefaultAsync(Guid userId, Guid paymentMethodId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(WalletLock, userId.ToString(), cancellationToken);
        var mine = await db.SavedPaymentMethods.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        if (mine.SingleOrDefault(m => m.Id == paymentMethodId) is not { } method)
            return PaymentErrors.MethodNotFound;
        await MakeDefaultAsync(method, true, mine, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return method;
    }

    /// <summary>Clears the old default first (one default per user, by a unique index), then sets the new one.</summary>
    private async Task MakeDefaultAsync(SavedPaymentMethod method, bool makeDefault, IEnumerable<SavedPaymentMethod> others, CancellationToken cancellationToken)
    {
        if (makeDefault)
        {
            foreach (var other in others.Where(m => m.Id != method.Id && m.IsDefault))
                other.MakeDefault(false);
            await db.SaveChangesAsync(cancellationToken);
            method.MakeDefault(true);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
