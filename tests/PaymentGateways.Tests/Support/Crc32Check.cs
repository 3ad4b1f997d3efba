using System.Text;

namespace GoShop.PaymentGateways.Tests.Support;

internal static class Crc32Check
{
    public static uint Of(string text) => GoShop.PaymentGateways.Support.Crc32.Compute(Encoding.ASCII.GetBytes(text));
}
