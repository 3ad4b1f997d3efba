using System.Text;

namespace GoShop.Identity.Domain;

/// <summary>
/// Email normalisation: trimmed, Unicode-normalised (NFC) and lower-cased, so "Ann@Example.com " and
/// "ann@example.com" are one account. The address is otherwise kept as typed for display.
/// </summary>
public static class EmailAddress
{
    public static string Normalize(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
}
