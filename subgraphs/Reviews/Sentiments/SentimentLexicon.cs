using GoShop.Reviews.Domain;

namespace GoShop.Reviews.Sentiments;

/// <summary>
/// Reads the tone of a review from its words: a bilingual lexicon (Vietnamese and English) of opinion words and phrases,
/// each +1 or -1 (a few strong ones ±2), summed over the title and body. A negator (không, chẳng, chưa, not, never,
/// don't...) flips the next opinion word within three words ("không tốt", "not worth it"). Phrases are matched
/// longest first, without regard to case. A text written with diacritics is matched with them (folded, "hộp", a box,
/// would read as "hợp", suits, and "giá", price, as "giả", fake); a text written without any is matched against the
/// folded lexicon ("hai long" reads as "hài lòng"), unless an English-only word ("the", "is", "it"...) says it is
/// English, read with the English words alone (folded, "on" would read as "ổn"). A positive total is POSITIVE, a
/// negative one NEGATIVE; a text with no opinion words, or whose words cancel out, falls back on the stars (4-5
/// POSITIVE, 1-2 NEGATIVE, 3 NEUTRAL) when there are any, else NEUTRAL. docs/architecture.md reports its accuracy
/// on the labelled reviews of the tests.
/// </summary>
public static class SentimentLexicon
{
    private const int NegationReach = 3;

    private static readonly (string Phrase, int Score)[] Vietnamese =
    [
        // positive
        ("tốt", 1), ("rất tốt", 2), ("tuyệt", 2), ("tuyệt vời", 2), ("xuất sắc", 2), ("hài lòng", 2), ("ưng", 1), ("ưng ý", 2),
        ("thích", 1), ("rất thích", 2), ("yêu", 1), ("đẹp", 1), ("xinh", 1), ("chuẩn", 1), ("xịn", 1), ("chất lượng", 1),
        ("đáng tiền", 2), ("đáng mua", 2), ("nên mua", 2), ("ổn", 1), ("ok", 1), ("nhanh", 1), ("cẩn thận", 1),
        ("chắc chắn", 1), ("nhiệt tình", 1), ("thân thiện", 1), ("lịch sự", 1), ("chu đáo", 1), ("mềm", 1), ("thơm", 1),
        ("ngon", 1), ("rẻ", 1), ("giá tốt", 1), ("êm", 1), ("bền", 1), ("vừa vặn", 1), ("vừa", 1), ("đúng mô tả", 1), ("giống hình", 1),
        ("đầy đủ", 1), ("ủng hộ", 1), ("cảm ơn", 1), ("5 sao", 2), ("hoàn hảo", 2), ("mượt", 1), ("sạch", 1), ("tiện", 1),
        ("đúng hẹn", 1), ("hợp", 1),
        // negative
        ("tệ", -2), ("quá tệ", -2), ("kém", -1), ("dở", -1), ("tồi", -2), ("xấu", -1), ("chán", -1), ("thất vọng", -2),
        ("hỏng", -2), ("hư", -1), ("lỗi", -1), ("vỡ", -2), ("bể", -1), ("rách", -2), ("móp", -1), ("trầy", -1), ("giả", -1),
        ("hàng giả", -2), ("nhái", -1), ("chậm", -1), ("lâu", -1), ("trễ", -1), ("đắt", -1), ("mắc", -1), ("phí tiền", -2),
        ("không đáng", -2), ("sai", -1), ("thiếu", -1), ("khác hình", -1), ("không giống", -1), ("cũ", -1), ("bẩn", -1),
        ("hôi", -1), ("mỏng manh", -1), ("lừa", -2), ("cáu", -1), ("bực", -1), ("thô lỗ", -2), ("vô trách nhiệm", -2),
        ("không nên mua", -2), ("đừng mua", -2), ("1 sao", -2), ("chật", -1), ("rộng thùng thình", -1), ("phai màu", -1),
        ("ra màu", -1), ("nóng", -1), ("ồn", -1), ("kêu to", -1), ("không dùng được", -2), ("không chạy", -2), ("sờn", -1),
        ("tạm", 0), ("bình thường", 0),
    ];

    private static readonly (string Phrase, int Score)[] English =
    [
        // positive
        ("good", 1), ("very good", 2), ("great", 2), ("excellent", 2), ("amazing", 2), ("awesome", 2), ("perfect", 2),
        ("love", 2), ("loved", 2), ("like", 1), ("liked", 1), ("nice", 1), ("beautiful", 1), ("pretty", 1), ("happy", 1),
        ("satisfied", 2), ("recommend", 2), ("recommended", 2), ("worth", 1), ("worth it", 2), ("fast", 1), ("quick", 1),
        ("quickly", 1), ("sturdy", 1), ("solid", 1), ("comfortable", 1), ("soft", 1), ("friendly", 1), ("polite", 1),
        ("helpful", 1), ("careful", 1), ("carefully", 1), ("well packed", 1), ("as described", 1), ("fits", 1), ("cheap", 1),
        ("bargain", 1), ("fine", 1), ("works", 1), ("working", 1), ("fresh", 1), ("delicious", 1), ("smooth", 1), ("best", 2),
        ("fantastic", 2), ("thanks", 1), ("thank", 1), ("on time", 1), ("durable", 1), ("exactly", 1), ("quality", 1),
        // negative
        ("bad", -1), ("very bad", -2), ("terrible", -2), ("awful", -2), ("horrible", -2), ("worst", -2), ("poor", -1),
        ("disappointed", -2), ("disappointing", -2), ("broken", -2), ("broke", -2), ("damaged", -2), ("defective", -2),
        ("faulty", -2), ("fake", -2), ("counterfeit", -2), ("slow", -1), ("late", -1), ("delayed", -1), ("expensive", -1),
        ("overpriced", -1), ("waste", -2), ("wrong", -1), ("missing", -1), ("cheaply made", -2), ("flimsy", -1),
        ("rude", -2), ("dirty", -1), ("smells", -1), ("scratched", -1), ("torn", -1), ("ripped", -1), ("useless", -2),
        ("refund", -1), ("return it", -1), ("returned it", -1), ("stopped working", -2), ("doesn't work", -2), ("small", 0),
        ("tight", -1), ("loose", -1), ("leaks", -1), ("leaking", -1), ("noisy", -1), ("hate", -2), ("annoying", -1),
        ("unhappy", -2), ("mediocre", -1), ("avoid", -2), ("never again", -2), ("not as described", -2), ("okay", 0),
        ("average", 0), ("ordinary", 0),
    ];

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "không", "chẳng", "chả", "chưa", "không hề", "chẳng hề", "khong", "chang", "cha", "chua", "khong he", "chang he", "not", "no", "never", "hardly", "nothing", "neither", "nor",
        "isn't", "wasn't", "aren't", "weren't", "don't", "doesn't", "didn't", "won't", "can't", "cannot", "couldn't",
        "wouldn't", "shouldn't", "isnt", "wasnt", "dont", "doesnt", "didnt", "cant",
    };

    /// <summary>Words only English uses: a text without diacritics that has one is read as English alone.</summary>
    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "the", "is", "was", "are", "it", "it's", "this", "and", "with", "my", "i", "i'm", "to", "of", "for", "on", "very", "but", "not",
    };

    private static readonly Dictionary<string, int> WithDiacritics = BuildLexicon([.. Vietnamese, .. English], foldDiacritics: false);
    private static readonly Dictionary<string, int> WithoutDiacritics = BuildLexicon([.. Vietnamese, .. English], foldDiacritics: true);
    private static readonly Dictionary<string, int> EnglishOnly = BuildLexicon(English, foldDiacritics: false);
    private static readonly int LongestPhrase = WithDiacritics.Keys.Max(k => k.Count(c => c == ' ') + 1);

    /// <summary>The tone of a title and body, falling back on <paramref name="rating"/> (when given) where the words say nothing.</summary>
    public static Sentiment Classify(string? title, string? body, int? rating = null)
    {
        var score = Score($"{title}\n{body}");
        if (score > 0)
            return Sentiment.Positive;
        if (score < 0)
            return Sentiment.Negative;
        return rating switch
        {
            >= 4 => Sentiment.Positive,
            <= 2 and >= 1 => Sentiment.Negative,
            _ => Sentiment.Neutral,
        };
    }

    /// <summary>The sum of the opinion words' scores, negated ones flipped.</summary>
    public static int Score(string text)
    {
        var folded = !ReviewText.HasDiacritics(text);
        var words = ReviewText.Words(text, folded);
        var lexicon = !folded ? WithDiacritics : words.Any(EnglishMarkers.Contains) ? EnglishOnly : WithoutDiacritics;
        var total = 0;
        var negatedUntil = -1;
        var index = 0;
        while (index < words.Count)
        {
            var (length, score) = LongestMatch(lexicon, words, index);
            if (length == 0)
            {
                if (IsNegator(words, index, out var negatorLength))
                {
                    negatedUntil = index + negatorLength - 1 + NegationReach;
                    index += negatorLength;
                    continue;
                }
                index++;
                continue;
            }
            if (score != 0)
            {
                if (index <= negatedUntil)
                {
                    score = -score;
                    negatedUntil = -1;
                }
                total += score;
            }
            index += length;
        }
        return total;
    }

    private static (int Length, int Score) LongestMatch(Dictionary<string, int> lexicon, IReadOnlyList<string> words, int start)
    {
        for (var length = Math.Min(LongestPhrase, words.Count - start); length >= 1; length--)
        {
            if (lexicon.TryGetValue(string.Join(' ', words.Skip(start).Take(length)), out var score))
                return (length, score);
        }
        return (0, 0);
    }

    private static bool IsNegator(IReadOnlyList<string> words, int index, out int length)
    {
        length = index + 1 < words.Count && Negators.Contains(words[index] + " " + words[index + 1]) ? 2 : 1;
        return length == 2 || Negators.Contains(words[index]);
    }

    /// <summary>The lexicon keyed by its phrases' words; folded, two phrases may meet on one key and the stronger score wins.</summary>
    private static Dictionary<string, int> BuildLexicon(IEnumerable<(string Phrase, int Score)> entries, bool foldDiacritics)
    {
        var lexicon = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (phrase, score) in entries)
        {
            var key = string.Join(' ', ReviewText.Words(phrase, foldDiacritics));
            if (!lexicon.TryGetValue(key, out var known) || Math.Abs(score) > Math.Abs(known))
                lexicon[key] = score;
        }
        return lexicon;
    }
}
