namespace GoShop.Payments.Domain;

/// <summary>Rounding of amounts: whole đồng for VND, cents for the currencies providers convert into.</summary>
public static class Dong
{
    public static decimal Round(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, currency == "VND" ? 0 : 2, MidpointRounding.AwayFromZero);
}
