using System.Security.Cryptography;

namespace GoShop.Shipping.Domain;

/// <summary>
/// Tracking numbers people can read out over the phone: GSX + yyMMdd (Vietnam time) + eight characters without
/// look-alikes (no 0/O, 1/I), e.g. GSX261126K7QX3MPA: 32^8 a day. The unique index catches the rare repeat (the event is
/// then retried and draws again).
/// </summary>
public static class TrackingNumber
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string New(DateTimeOffset at) =>
        $"GSX{at.ToOffset(VietnamOffset):yyMMdd}{RandomNumberGenerator.GetString(Alphabet, 8)}";
}
