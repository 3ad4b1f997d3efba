using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using GoShop.BuildingBlocks.Domain;
using GoShop.Notifications.Domain;

namespace GoShop.Notifications.Templates;

/// <summary>
/// The Liquid templates of notifications (Fluid): the ones shipped with the subgraph (Templates/KIND.language.liquid: the
/// title, a line <c>---</c>, the body) and admins' versions, checked before they are saved (they must parse, and name
/// only the variables their kind offers) and rendered with a person's values.
/// </summary>
public sealed class TemplateRenderer
{
    private const string Separator = "\n---\n";

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().WithCultureInfo(CultureInfo.InvariantCulture).Build();

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new();

    /// <summary>The shipped template of a kind in a language: its title and body sources.</summary>
    public static (string Title, string Body) Shipped(NotificationKind kind, string language) => Shipped(kind.Name, language);

    /// <summary>A shipped template by file name (a kind's, or DIGEST, the daily digest's) in a language: its title and body sources.</summary>
    public static (string Title, string Body) Shipped(string name, string language)
    {
        var source = Resource($"{name}.{language}.liquid");
        var split = source.IndexOf(Separator, StringComparison.Ordinal);
        return (source[..split].Trim(), source[(split + Separator.Length)..].Trim());
    }

    /// <summary>Renders a title and a body whose sources are known to be valid (shipped, or checked when saved).</summary>
    public async Task<RenderedMessage> RenderAsync(string title, string body, IReadOnlyDictionary<string, object?> values)
    {
        var context = Context(values, Options);
        return new RenderedMessage(
            (await Cached(title).RenderAsync(context)).Trim(),
            (await Cached(body).RenderAsync(Context(values, Options))).Trim());
    }

    /// <summary>
    /// Checks an admin's template for a kind: both parts parse, and every variable they print or test is one the kind offers.
    /// Answers the template rendered with sample values (the preview).
    /// </summary>
    public async Task<Result<RenderedMessage>> CheckAsync(NotificationKind kind, string title, string body)
    {
        var offered = NotificationKinds.CommonVariables.Concat(kind.Variables).ToList();
        var samples = offered.ToDictionary(v => v, v => (object?)Sample(v));
        // A second pass with every yes/no flipped reaches the other side of {% if edited %} and the like, where a misspelt
        // name would otherwise hide until a real notification took that branch.
        var flipped = samples.ToDictionary(p => p.Key, p => p.Value is bool flag ? !flag : p.Value);
        var rendered = new List<string>();
        foreach (var (field, source) in new[] { ("title", title), ("body", body) })
        {
            if (!Parser.TryParse(source, out var template, out var error))
                return NotificationErrors.TemplateParseError(field, error);
            string? output = null;
            foreach (var values in new[] { samples, flipped })
            {
                string? unknown = null;
                var options = new TemplateOptionsBuilder()
                    .WithCultureInfo(CultureInfo.InvariantCulture)
                    .WithUndefined((path, _) =>
                    {
                        unknown ??= path;
                        return ValueTask.FromResult<FluidValue>(NilValue.Instance);
                    })
                    .Build();
                var text = await template.RenderAsync(Context(values, options));
                if (unknown is not null)
                    return NotificationErrors.UnknownVariable(field, unknown, offered);
                output ??= text;
            }
            rendered.Add(output!.Trim());
        }
        return new RenderedMessage(rendered[0], rendered[1]);
    }

    /// <summary>The HTML part of an email: the shipped layout around a notification's title, paragraphs and link.</summary>
    public async Task<string> RenderEmailHtmlAsync(IReadOnlyDictionary<string, object?> values) =>
        await Cached(Resource("email.html.liquid")).RenderAsync(Context(values, Options), Html);

    private IFluidTemplate Cached(string source) => _parsed.GetOrAdd(source, s => Parser.Parse(s));

    private static TemplateContext Context(IReadOnlyDictionary<string, object?> values, TemplateOptions options)
    {
        var context = new TemplateContext(options);
        // A null value stays unset: Liquid reads it as nil, and {% if %} as false.
        foreach (var (name, value) in values)
        {
            if (value is not null)
                context.SetValue(name, value);
        }
        return context;
    }

    private static object Sample(string variable) => variable switch
    {
        "edited" or "back_in_stock" => false,
        "rating" => 5,
        "available" => 3,
        "threshold" => 5,
        "total" or "amount" or "price" => "250,000",
        "target_price" => "199,000",
        "currency" => "VND",
        "order_number" => "GS-20261207-0001",
        "tracking_number" => "GSX123456ABCDEFGH",
        _ => $"[{variable}]",
    };

    private static string Resource(string name)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream("Templates/" + name)
            ?? throw new InvalidOperationException($"The template {name} is not embedded in the notifications subgraph.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
