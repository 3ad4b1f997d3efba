using System.Text.RegularExpressions;
using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Moderation;

/// <summary>
/// Decides, before a review is published, whether a moderator must see it first (the reason) or not (null): a link, a
/// phone number, a word of the banned list (banned-words.txt, Vietnamese and English), a text already posted
/// <see cref="RepeatedTextLimit"/> times, or a burst of <see cref="BurstLimit"/> reviews from one account within
/// <see cref="BurstWindow"/>.
/// </summary>
public sealed partial class ReviewScreening(ReviewsDbContext db, BannedWords bannedWords, TimeProvider clock)
{
    public const int RepeatedTextLimit = 2;
    public const int BurstLimit = 5;
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(10);

    public const string Link = "LINK";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string BannedWord = "BANNED_WORD";
    public const string RepeatedText = "REPEATED_TEXT";
    public const string Burst = "BURST";

    /// <summary>The reason to hold what <paramref name="authorId"/> wrote, or null to publish it.</summary>
    /// <param name="excludingReviewId">The review being edited, which neither repeats itself nor makes a burst.</param>
    public async Task<string?> HoldReasonAsync(Guid authorId, Guid? excludingReviewId, string? title, string? body, CancellationToken cancellationToken)
    {
        var text = $"{title}\n{body}";
        if (LinkPattern().IsMatch(text))
            return Link;
        if (PhonePattern().IsMatch(text))
            return PhoneNumber;
        if (bannedWords.Contains(text))
            return BannedWord;
        // The same text posted before and the author's recent reviews, in one round trip, each read from its index and
        // no further than its limit.
        var fingerprint = ReviewText.Fingerprint(body);
        var checks = new List<IQueryable<string>>();
        if (fingerprint is not null)
        {
            checks.Add(db.Reviews.Where(r => r.BodyFingerprint == fingerprint && r.Id != excludingReviewId)
                .OrderByDescending(r => r.Id).Select(r => RepeatedText).Take(RepeatedTextLimit));
        }
        if (excludingReviewId is null)
        {
            var since = clock.GetUtcNow() - BurstWindow;
            checks.Add(db.Reviews.Where(r => r.AuthorId == authorId && r.CreatedAt >= since).OrderByDescending(r => r.Id).Select(r => Burst)
                .Take(BurstLimit));
        }
        if (checks.Count == 0)
            return null;
        var seen = await checks.Aggregate(Queryable.Concat).ToListAsync(cancellationToken);
        if (seen.Count(s => s == RepeatedText) >= RepeatedTextLimit)
            return RepeatedText;
        return seen.Count(s => s == Burst) >= BurstLimit ? Burst : null;
    }

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9][a-z0-9-]*\.(com|vn|net|org|info|biz|io|me|xyz|shop|store|online|site|link|ly)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    /// <summary>Nine digits or more, separated at most by single spaces, dots or dashes (+84 901 234 567, 0901.234.567).</summary>
    [GeneratedRegex(@"(?<!\d)\+?\d(?:[ .\-]?\d){8,}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}

/// <summary>
/// The banned list (Moderation/banned-words.txt), matched as whole words without regard to case. Written with its
/// diacritics, a Vietnamese word matches only with them (folded, "lồn" would match "lon", a can); a phrase of two
/// words or more also matches written without them ("lua dao" for "lừa đảo"), as it cannot be mistaken that way.
/// </summary>
public sealed class BannedWords
{
    private readonly HashSet<string> _exact;
    private readonly HashSet<string> _folded;
    private readonly int _longest;

    public BannedWords(IEnumerable<string> lines)
    {
        var entries = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        _exact = entries.Select(l => string.Join(' ', ReviewText.Words(l, foldDiacritics: false))).ToHashSet(StringComparer.Ordinal);
        _folded = entries.Select(l => ReviewText.Words(l)).Where(words => words.Count > 1).Select(words => string.Join(' ', words))
            .ToHashSet(StringComparer.Ordinal);
        _longest = _exact.Count == 0 ? 0 : _exact.Max(p => p.Count(c => c == ' ') + 1);
    }

    public static BannedWords FromFile(string path) => new(File.ReadAllLines(path));

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Moderation", "banned-words.txt");

    public bool Contains(string text) =>
        Matches(ReviewText.Words(text, foldDiacritics: false), _exact) || Matches(ReviewText.Words(text), _folded);

    private bool Matches(IReadOnlyList<string> words, HashSet<string> phrases)
    {
        for (var start = 0; start < words.Count; start++)
        {
            for (var length = 1; length <= _longest && start + length <= words.Count; length++)
            {
                if (phrases.Contains(string.Join(' ', words.Skip(start).Take(length))))
                    return true;
            }
        }
        return false;
    }
}
