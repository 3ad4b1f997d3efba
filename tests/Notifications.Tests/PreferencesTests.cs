using System.Text.Json;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests;

/// <summary>Preferences per category and channel, language, time zone and quiet hours: checked whole, saved whole.</summary>
public sealed class PreferencesTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task Everything_is_on_until_switched_off_and_in_app_is_locked_for_transactional_categories()
    {
        var person = app.SignIn();

        var settings = (await person.Client.SendAsync(Operations.Preferences)).EnsureNoErrors().Get("notificationPreferences");

        var entries = settings.Get("preferences").EnumerateArray().ToList();
        Assert.Equal(32, entries.Count);
        Assert.All(entries, e => Assert.True(e.Get("enabled").GetBoolean()));
        var locked = entries.Where(e => e.Get("locked").GetBoolean()).Select(e => e.Get("category").GetString() + "/" + e.Get("channel").GetString());
        Assert.Equal(["ORDERS/IN_APP", "PAYMENTS/IN_APP", "SHIPPING/IN_APP", "ACCOUNT/IN_APP", "SELLING/IN_APP"], locked);
        Assert.Equal(("vi", "Asia/Ho_Chi_Minh", JsonValueKind.Null),
            (settings.Get("language").GetString(), settings.Get("timeZone").GetString(), settings.Get("quietHours").ValueKind));
    }

    [Fact]
    public async Task A_change_is_saved_whole_and_read_back()
    {
        var person = app.SignIn();

        var changed = await person.MutateAsync(Operations.UpdatePreferences, new
        {
            preferences = new object[]
            {
                new { category = "PROMOTIONS", channel = "EMAIL", enabled = false },
                new { category = "REVIEWS", channel = "IN_APP", enabled = false },
                new { category = "ORDERS", channel = "SMS", enabled = false },
            },
            language = "en",
            timeZone = "Europe/Paris",
            quietHours = new { from = "22:00", until = "07:00" },
        });

        var settings = changed.Succeeded().Get("settings");
        Assert.Equal(("en", "Europe/Paris", "22:00", "07:00"), (settings.Get("language").GetString(), settings.Get("timeZone").GetString(),
            settings.Get("quietHours.from").GetString(), settings.Get("quietHours.until").GetString()));
        var off = settings.Get("preferences").EnumerateArray().Where(e => !e.Get("enabled").GetBoolean())
            .Select(e => e.Get("category").GetString() + "/" + e.Get("channel").GetString());
        Assert.Equal(["ORDERS/SMS", "PROMOTIONS/EMAIL", "REVIEWS/IN_APP"], off.Order());
        var read = (await person.Client.SendAsync(Operations.Preferences)).EnsureNoErrors().Get("notificationPreferences");
        Assert.Equal(settings.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Bad_changes_are_refused_with_a_clear_error_and_nothing_is_written()
    {
        var person = app.SignIn();
        var promotionsOff = new { category = "PROMOTIONS", channel = "EMAIL", enabled = false };

        var inApp = await person.MutateAsync(Operations.UpdatePreferences, new
        {
            preferences = new object[] { promotionsOff, new { category = "PAYMENTS", channel = "IN_APP", enabled = false } },
            language = "en",
        });
        var twice = await person.MutateAsync(Operations.UpdatePreferences, new { preferences = new object[] { promotionsOff, promotionsOff } });
        var zone = await person.MutateAsync(Operations.UpdatePreferences, new { preferences = new[] { promotionsOff }, timeZone = "Mars/Olympus" });
        var language = await person.MutateAsync(Operations.UpdatePreferences, new { preferences = new[] { promotionsOff }, language = "fr" });
        var quiet = await person.MutateAsync(Operations.UpdatePreferences, new { preferences = new[] { promotionsOff }, quietHours = new { from = "22h", until = "07:00" } });
        var unknownCategory = await person.Client.SendAsync(Operations.UpdatePreferences,
            new { input = new { preferences = new[] { new { category = "GAMES", channel = "EMAIL", enabled = false } } } });

        Assert.Equal(["IN_APP_REQUIRED"], inApp.UserErrorCodes());
        Assert.Contains("PAYMENTS", inApp.Get("userErrors.0.message").GetString());
        Assert.Equal(JsonValueKind.Null, inApp.Get("settings").ValueKind);
        Assert.Equal(["DUPLICATE_PREFERENCE"], twice.UserErrorCodes());
        Assert.Equal(["UNKNOWN_TIME_ZONE"], zone.UserErrorCodes());
        Assert.Equal(["UNSUPPORTED_LANGUAGE"], language.UserErrorCodes());
        Assert.Equal(["INVALID_QUIET_HOURS"], quiet.UserErrorCodes());
        // An unknown category is not a NotificationCategory: the request is invalid as a whole, and says which value.
        Assert.Contains(unknownCategory.Errors, e => e.GetProperty("message").GetString()!.Contains("GAMES"));
        Assert.False(await app.InDatabaseAsync(db => db.Preferences.AnyAsync(p => p.UserId == person.Id)));
        Assert.False(await app.InDatabaseAsync(db => db.Recipients.AnyAsync(r => r.UserId == person.Id)));
    }
}
