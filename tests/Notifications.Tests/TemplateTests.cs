using GoShop.Contracts.Ordering;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Templates;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests;

/// <summary>
/// Templates per kind and language: every shipped one checks out, admins' versions are validated (parse errors, unknown
/// variables) and previewed before they are saved, and a saved one is used for the next notification.
/// </summary>
public sealed class TemplateTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    public static TheoryData<string, string> ShippedTemplates()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in NotificationKinds.All)
        {
            foreach (var language in Recipient.Languages)
                data.Add(kind.Name, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public async Task Every_shipped_template_parses_and_uses_only_its_kind_s_variables(string kind, string language)
    {
        var (title, body) = TemplateRenderer.Shipped(NotificationKinds.Find(kind)!, language);

        var checkedTemplate = await app.Service<TemplateRenderer>().CheckAsync(NotificationKinds.Find(kind)!, title, body);

        Assert.True(checkedTemplate.Succeeded, checkedTemplate.Error?.Message);
        Assert.False(string.IsNullOrWhiteSpace(checkedTemplate.Value.Title));
        Assert.False(string.IsNullOrWhiteSpace(checkedTemplate.Value.Body));
        Assert.DoesNotContain("{", checkedTemplate.Value.Title + checkedTemplate.Value.Body);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_or_names_a_missing_variable_is_refused_and_not_saved()
    {
        var admin = app.Admin();

        var broken = await admin.MutateAsync(Operations.CreateTemplate, new { kind = "ORDER_CONFIRMED", language = "en", title = "Order {{ order_number", body = "ok" });
        var missing = await admin.MutateAsync(Operations.CreateTemplate,
            new { kind = "ORDER_CONFIRMED", language = "en", title = "Order {{ order_number }}", body = "Shipped by {{ shipper_name }}" });
        var hiddenInABranch = await admin.MutateAsync(Operations.CreateTemplate,
            new { kind = "REVIEW_REPLIED", language = "en", title = "{% if edited %}Edited by {{ shop_nmae }}{% else %}Reply{% endif %}", body = "{{ reply }}" });
        var unknownKind = await admin.MutateAsync(Operations.CreateTemplate, new { kind = "BIRTHDAY", language = "fr", title = "x", body = "y" });
        var blank = await admin.MutateAsync(Operations.CreateTemplate, new { kind = "ORDER_CONFIRMED", language = "vi", title = " ", body = "y" });
        var notAdmin = await app.SignIn().Client.SendAsync(Operations.CreateTemplate, new { input = new { kind = "ORDER_CONFIRMED", language = "vi", title = "x", body = "y" } });

        Assert.Equal(["TEMPLATE_PARSE_ERROR"], broken.UserErrorCodes());
        Assert.Equal("input.title", string.Join('.', broken.Get("userErrors.0.field").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal(["UNKNOWN_VARIABLE"], missing.UserErrorCodes());
        Assert.Contains("shipper_name", missing.Get("userErrors.0.message").GetString());
        Assert.Contains("order_number", missing.Get("userErrors.0.message").GetString());
        Assert.Equal(["UNKNOWN_VARIABLE"], hiddenInABranch.UserErrorCodes());
        Assert.Contains("shop_nmae", hiddenInABranch.Get("userErrors.0.message").GetString());
        Assert.Equal(["UNKNOWN_KIND", "UNSUPPORTED_LANGUAGE"], unknownKind.UserErrorCodes());
        Assert.Equal(["REQUIRED"], blank.UserErrorCodes());
        Assert.Contains("FORBIDDEN", notAdmin.ErrorCodes);
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Templates.CountAsync()));
    }

    [Fact]
    public async Task An_admin_previews_then_saves_a_template_used_for_the_next_notification_in_that_language()
    {
        var admin = app.Admin();
        var template = new
        {
            kind = "ORDER_CONFIRMED",
            language = "en",
            title = "{{ order_number }} is confirmed!",
            body = "{% if recipient_name %}Dear {{ recipient_name | upcase }}, {% endif %}your {{ total }} {{ currency }} order is being packed.",
        };

        var preview = (await admin.Client.SendAsync(Operations.PreviewTemplate, new { input = template })).EnsureNoErrors().Get("notificationTemplatePreview");
        var before = (await admin.Client.SendAsync(Operations.Template, new { kind = "ORDER_CONFIRMED", language = "en" })).EnsureNoErrors().Get("notificationTemplate");
        var saved = await admin.MutateAsync(Operations.CreateTemplate, template);
        var buyer = await app.RegisteredAsync("Minh Anh");
        (await buyer.MutateAsync(Operations.UpdatePreferences, new { preferences = Array.Empty<object>(), language = "en" })).Succeeded();
        var seller = app.SignIn();
        var order = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));

        Assert.Equal(("GS-20261207-0001 is confirmed!", "Dear [RECIPIENT_NAME], your 250,000 VND order is being packed."),
            (preview.Get("title").GetString(), preview.Get("body").GetString()));
        Assert.Equal(("Order {{ order_number }} confirmed", false), (before.Get("title").GetString(), before.Get("custom").GetBoolean()));
        Assert.Contains("order_number", before.Get("variables").EnumerateArray().Select(v => v.GetString()));
        Assert.True(saved.Succeeded().Get("template.custom").GetBoolean());
        var notification = await app.AwaitAsync(buyer.Id, "ORDER_CONFIRMED");
        Assert.Equal(($"{order.Number} is confirmed!", "Dear MINH ANH, your 220,000 VND order is being packed."), (notification.Title, notification.Body));
        var welcome = await app.AwaitAsync(buyer.Id, "WELCOME");
        Assert.Equal("Chào mừng đến với GoShop", welcome.Title);
    }

    [Fact]
    public async Task A_preview_of_a_bad_template_lists_why_it_would_be_refused()
    {
        var preview = (await app.Admin().Client.SendAsync(Operations.PreviewTemplate,
            new { input = new { kind = "LOW_STOCK", language = "vi", title = "{{ product_title }}", body = "{% if available > %}" } }))
            .EnsureNoErrors().Get("notificationTemplatePreview");

        Assert.Equal(["TEMPLATE_PARSE_ERROR"], preview.UserErrorCodes());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, preview.Get("title").ValueKind);
    }
}
