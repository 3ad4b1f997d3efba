using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GoShop.Search.Index.Lucene;

/// <summary>
/// The index's analysis: words split by Unicode rules, lower-cased, and, except in the "exact" fields, folded to ASCII
/// (ASCIIFoldingFilter maps every Vietnamese letter, đ included, to its base letter), so text with and without
/// diacritics meet. The exact fields keep diacritics so a query typed with them ranks the exact words first.
/// </summary>
internal static class ProductAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Folding { get; } = new WordAnalyzer(fold: true);

    public static Analyzer Exact { get; } = new WordAnalyzer(fold: false);

    /// <summary>The index's analyzer: exact fields keep diacritics, every other text field folds.</summary>
    public static Analyzer ForIndex { get; } = new PerFieldAnalyzerWrapper(Folding,
        new Dictionary<string, Analyzer> { [ProductFields.TitleExact] = Exact });

    /// <summary>The words of <paramref name="text"/> as the index holds them for a field analysed by <paramref name="analyzer"/>.</summary>
    public static List<string> Words(Analyzer analyzer, string field, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text.Normalize(System.Text.NormalizationForm.FormC));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            words.Add(term.ToString());
        stream.End();
        return words;
    }

    private sealed class WordAnalyzer(bool fold) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 100 };
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            if (fold)
                stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
