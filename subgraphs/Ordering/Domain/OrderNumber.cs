using System.Security.Cryptography;

namespace GoShop.Ordering.Domain;

/// <summary>
/// Order numbers people can read out over the phone: GS-yyMMdd-XXXXXX, the date in Vietnam (UTC+7, where the
/// marketplace runs) and six characters without look-alikes (no 0/O, 1/I). About a billion numbers per day; the unique
/// index catches the rare repeat and placement draws again.
/// </summary>
public static class OrderNumber
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string New(DateTimeOffset placedAt) =>
        $"GS-{placedAt.ToOffset(VietnamOffset):yyMMdd}-{RandomNumberGenerator.GetString(Alphabet, 6)}";
}
