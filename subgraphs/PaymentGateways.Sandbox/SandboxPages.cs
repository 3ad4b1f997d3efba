using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>What the sandboxes share: the pay page with its three outcomes, error pages, ids, URLs.</summary>
internal static class SandboxPages
{
    public const string Outcome = "outcome";

    /// <summary>The outcome a pay page was opened with: success, failure, cancel, or none (show the choices).</summary>
    public static string? OutcomeOf(HttpRequest request) => request.Query[Outcome].ToString() switch
    {
        "" => null,
        var value => value.ToLowerInvariant(),
    };

    public static bool IsKnownOutcome(string outcome) => outcome is "success" or "failure" or "cancel";

    /// <summary>The developer's page: what is being paid and a link per outcome (this URL plus &amp;outcome=...).</summary>
    public static IResult Choose(HttpRequest request, string provider, string summary)
    {
        var self = request.Path + request.QueryString;
        var html = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").Append(E(provider)).Append(" sandbox</title></head><body>")
            .Append("<h1>").Append(E(provider)).Append(" sandbox</h1><p>").Append(E(summary)).Append("</p><ul>");
        foreach (var (outcome, label) in new[] { ("success", "Pay (success)"), ("failure", "Fail (declined)"), ("cancel", "Cancel") })
            html.Append("<li><a href=\"").Append(E($"{self}&{Outcome}={outcome}")).Append("\">").Append(label).Append("</a></li>");
        html.Append("</ul><p>GoShop's offline payment simulator: no money moves.</p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public static IResult Error(int status, string provider, string message) =>
        Results.Content($"<!doctype html><html><head><meta charset=\"utf-8\"><title>{E(provider)} sandbox</title></head><body><h1>{E(provider)} sandbox</h1><p>{E(message)}</p></body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);

    public static string AppendQuery(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    public static string Id(string prefix, int length = 24)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return prefix + RandomNumberGenerator.GetString(alphabet, length);
    }

    public static string Digits(int length) => RandomNumberGenerator.GetString("123456789", 1) + RandomNumberGenerator.GetString("0123456789", length - 1);

    public static Dictionary<string, string> QueryOf(HttpRequest request) =>
        request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
