using System.Security.Cryptography;
using System.Text;

namespace GoShop.PaymentGateways.Support;

/// <summary>The keyed hashes the providers sign with, as lowercase hex, and a constant-time hex comparison.</summary>
public static class Signing
{
    public static string HmacSha256Hex(string key, string data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data)));

    public static string HmacSha512Hex(string key, string data) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data)));

    /// <summary>Whether <paramref name="given"/> is the hex of the same bytes as <paramref name="expectedHex"/>
    /// (either case), compared in constant time.</summary>
    public static bool HexEquals(string expectedHex, string? given)
    {
        if (string.IsNullOrEmpty(given) || given.Length != expectedHex.Length || given.Length % 2 != 0)
            return false;
        byte[] givenBytes;
        try
        {
            givenBytes = Convert.FromHexString(given);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(expectedHex), givenBytes);
    }
}

/// <summary>CRC-32 (IEEE 802.3, the one PayPal's webhook signature covers), as an unsigned number.</summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var i = 0u; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
