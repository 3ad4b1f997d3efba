using System.Globalization;
using GoShop.BuildingBlocks.Domain;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Preferences;

/// <summary>One category on one channel, as the person sees it: on or off, and whether they may switch it.</summary>
public sealed record PreferenceEntry(NotificationCategory Category, NotificationChannel Channel, bool Enabled, bool Locked);

/// <summary>A person's notification settings: every category on every channel, their language, time zone, quiet hours and daily digests.</summary>
public sealed record SettingsView(string Language, string TimeZone, TimeOnly? QuietFrom, TimeOnly? QuietUntil, IReadOnlyList<PreferenceEntry> Preferences,
    IReadOnlyList<NotificationCategory> DigestCategories);

/// <summary>What updateNotificationPreferences asks for; absent parts stay as they are.</summary>
public sealed record SettingsChange(
    IReadOnlyList<(NotificationCategory Category, NotificationChannel Channel, bool Enabled)> Preferences,
    string? Language,
    string? TimeZone,
    bool ChangesQuietHours,
    string? QuietFrom,
    string? QuietUntil,
    IReadOnlyList<NotificationCategory>? DigestCategories = null);

/// <summary>Reads and changes a person's notification settings; a change is checked whole and saved whole, or not at all.</summary>
public sealed class NotificationSettings(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<SettingsView> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var recipient = await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        var saved = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var entries = (
            from category in Enum.GetValues<NotificationCategory>()
            from channel in Enum.GetValues<NotificationChannel>()
            let locked = channel == NotificationChannel.InApp && NotificationKinds.InAppRequired(category)
            let enabled = locked || (saved.FirstOrDefault(p => p.Category == category && p.Channel == channel)?.Enabled ?? true)
            select new PreferenceEntry(category, channel, enabled, locked)).ToList();
        return new SettingsView(recipient?.Language ?? Recipient.DefaultLanguage, recipient?.TimeZone ?? Recipient.DefaultTimeZone,
            recipient?.QuietFrom, recipient?.QuietUntil, entries, recipient?.DigestCategories ?? []);
    }

    public async Task<Result<SettingsView>> ChangeAsync(Guid userId, SettingsChange change, CancellationToken cancellationToken)
    {
        var errors = Check(change, out var quietFrom, out var quietUntil);
        if (errors.Count > 0)
            return errors[0];
        var now = clock.GetUtcNow();
        var recipient = await db.Recipients.FindAsync([userId], cancellationToken);
        if (recipient is null)
        {
            recipient = Recipient.For(userId, now);
            db.Recipients.Add(recipient);
        }
        recipient.Choose(change.Language, change.TimeZone, now);
        if (change.ChangesQuietHours)
            recipient.SetQuietHours(quietFrom, quietUntil, now);
        if (change.DigestCategories is { } digests)
            recipient.ChooseDigests(digests, now);
        var saved = await db.Preferences.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        foreach (var (category, channel, enabled) in change.Preferences)
        {
            if (saved.FirstOrDefault(p => p.Category == category && p.Channel == channel) is { } known)
                known.Set(enabled, now);
            else
                db.Preferences.Add(NotificationPreference.Of(userId, category, channel, enabled, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return await ReadAsync(userId, cancellationToken);
    }

    /// <summary>Every problem of a change; the first is answered (the payload's userErrors).</summary>
    public static List<DomainError> Check(SettingsChange change, out TimeOnly? quietFrom, out TimeOnly? quietUntil)
    {
        var errors = new List<DomainError>();
        var seen = new HashSet<(NotificationCategory, NotificationChannel)>();
        foreach (var (category, channel, enabled) in change.Preferences)
        {
            if (!seen.Add((category, channel)))
                errors.Add(NotificationErrors.DuplicatePreference(category, channel));
            if (channel == NotificationChannel.InApp && !enabled && NotificationKinds.InAppRequired(category))
                errors.Add(NotificationErrors.InAppRequired(category));
        }
        if (change.Language is { } language && !Recipient.Languages.Contains(language))
            errors.Add(NotificationErrors.UnsupportedLanguage(language) with { Field = "language" });
        if (change.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            errors.Add(NotificationErrors.UnknownTimeZone(zone));
        foreach (var category in change.DigestCategories ?? [])
        {
            if (!NotificationKinds.Digestible(category))
                errors.Add(NotificationErrors.DigestNotOffered(category));
        }
        quietFrom = quietUntil = null;
        if (change.ChangesQuietHours && (change.QuietFrom is not null || change.QuietUntil is not null))
        {
            if (!TryTime(change.QuietFrom, out var from) || !TryTime(change.QuietUntil, out var until) || from == until)
                errors.Add(NotificationErrors.InvalidQuietHours);
            else
                (quietFrom, quietUntil) = (from, until);
        }
        return errors;
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
