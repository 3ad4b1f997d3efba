using System.Globalization;
using System.Net;
using System.Text;
using GoShop.PaymentGateways.Support;

namespace GoShop.PaymentGateways.VnPay;

/// <summary>
/// VNPay 2.1.0 signing, as VNPay's reference code does it: the non-empty <c>vnp_*</c> fields sorted by key
/// (ordinal), each <c>WebUtility.UrlEncode(key)=WebUtility.UrlEncode(value)</c> (spaces as '+', %XX upper case),
/// joined with '&amp;'; <c>vnp_SecureHash</c> = hex HMAC-SHA512(hashSecret, that string).
/// </summary>
public static class VnPaySignature
{
    public const string Version = "2.1.0";

    /// <summary>VNPay's times: GMT+7 (Vietnam has no daylight saving), yyyyMMddHHmmss.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static string Query(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => WebUtility.UrlEncode(f.Key) + "=" + WebUtility.UrlEncode(f.Value)));

    public static string Hash(string hashSecret, IEnumerable<KeyValuePair<string, string>> fields) =>
        Signing.HmacSha512Hex(hashSecret, Query(fields));

    /// <summary>The query string with its <c>vnp_SecureHash</c> appended, as on the payment URL and in callbacks.</summary>
    public static string SignedQuery(string hashSecret, IReadOnlyCollection<KeyValuePair<string, string>> fields) =>
        Query(fields) + "&vnp_SecureHash=" + Hash(hashSecret, fields);

    /// <summary>The fields a hash covers: every <c>vnp_*</c> except vnp_SecureHash and vnp_SecureHashType.</summary>
    public static IEnumerable<KeyValuePair<string, string>> SignedFields(IEnumerable<KeyValuePair<string, string>> parameters) =>
        parameters.Where(p => p.Key.StartsWith("vnp_", StringComparison.Ordinal)
            && p.Key is not ("vnp_SecureHash" or "vnp_SecureHashType"));

    /// <summary>Whether <c>vnp_SecureHash</c> of <paramref name="parameters"/> is right (constant-time).</summary>
    public static bool IsValid(string hashSecret, IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue("vnp_SecureHash", out var given)
        && Signing.HexEquals(Hash(hashSecret, SignedFields(parameters)), given);

    /// <summary>The checksum of the merchant API (refund, querydr): hex HMAC-SHA512 over the values joined by '|'.</summary>
    public static string ApiChecksum(string hashSecret, params string?[] values) =>
        Signing.HmacSha512Hex(hashSecret, string.Join('|', values.Select(v => v ?? "")));

    /// <summary>The refund request's fields, in the order VNPay's documentation signs them.</summary>
    public static readonly string[] RefundRequestOrder =
    [
        "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount",
        "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
    ];

    /// <summary>The refund response's fields, in the order VNPay's documentation signs them.</summary>
    public static readonly string[] RefundResponseOrder =
    [
        "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
        "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
    ];

    public static string ApiChecksum(string hashSecret, IReadOnlyDictionary<string, string> fields, string[] order) =>
        ApiChecksum(hashSecret, order.Select(k => fields.GetValueOrDefault(k)).ToArray());

    public static string Time(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? value) =>
        DateTime.TryParseExact(value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Offset)
            : null;

    /// <summary>VNPay wants vnp_OrderInfo in plain ASCII: no Vietnamese accents, no special characters.</summary>
    public static string PlainText(string text, int maxLength = 255)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or ':' or ',' or '#' ? c : ' ');
        }
        var plain = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return plain.Length <= maxLength ? plain : plain[..maxLength];
    }
}
