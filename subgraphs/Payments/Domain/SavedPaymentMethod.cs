using GoShop.BuildingBlocks.Domain;

namespace GoShop.Payments.Domain;

/// <summary>
/// A card or wallet the buyer saved with a provider: only the provider's token and what a person needs to recognise it
/// (brand, last 4 digits, expiry). A card number or a security code is never stored; input that looks like one is refused.
/// </summary>
public sealed class SavedPaymentMethod
{
    public const int MaxToken = 200;
    public const int MaxBrand = 30;

    private SavedPaymentMethod()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public PaymentGateway Gateway { get; private set; }

    public string Token { get; private set; } = "";

    public string Brand { get; private set; } = "";

    public string Last4 { get; private set; } = "";

    public int? ExpiryMonth { get; private set; }

    public int? ExpiryYear { get; private set; }

    public bool IsDefault { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<SavedPaymentMethod> Save(Guid userId, PaymentGateway gateway, string token, string brand, string last4, int? expiryMonth,
        int? expiryYear, bool isDefault, DateTimeOffset at)
    {
        if (CardData.LooksLikeCardNumber(token) || CardData.LooksLikeCardNumber(brand))
            return PaymentErrors.LooksLikeCardNumber;
        return new SavedPaymentMethod
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Gateway = gateway,
            Token = token.Trim(),
            Brand = brand.Trim(),
            Last4 = last4,
            ExpiryMonth = expiryMonth,
            ExpiryYear = expiryYear,
            IsDefault = isDefault,
            CreatedAt = at,
        };
    }

    public void MakeDefault(bool isDefault) => IsDefault = isDefault;
}

/// <summary>Recognises card data that must never be accepted.</summary>
public static class CardData
{
    /// <summary>A run of 12 to 19 digits (spaces and dashes between them allowed) that passes the Luhn check: a PAN.</summary>
    public static bool LooksLikeCardNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return false;
        var digits = new List<int>();
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c - '0');
            }
            else if (c is not (' ' or '-'))
            {
                if (IsCardNumber(digits))
                    return true;
                digits.Clear();
            }
        }
        return IsCardNumber(digits);
    }

    private static bool IsCardNumber(List<int> digits) => digits.Count is >= 12 and <= 19 && PassesLuhn(digits);

    private static bool PassesLuhn(List<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Count; i++)
        {
            var d = digits[digits.Count - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
