using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace GoShop.Search.Index.Lucene;

/// <summary>
/// BM25 with the collection's statistics held still: every word weighs the same wherever it is rare or common, and
/// field lengths are compared with a fixed typical length. A product's score then depends only on the product and the
/// query, never on what else the index holds, so a relevance cursor (score, id) stays valid while products come and go:
/// paging never repeats or skips. Rarity is not lost: the query gives the rare things (brand, model, phrase) their
/// weight explicitly (<see cref="ProductQueries"/>).
/// </summary>
internal sealed class StableSimilarity : BM25Similarity
{
    /// <summary>About the words of a product title with its brand and model.</summary>
    private const float TypicalFieldLength = 8f;

    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats) =>
        new(1f, "constant idf (scores independent of the rest of the index)");

    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats) =>
        new(termStats.Length, "constant idf per term (scores independent of the rest of the index)");

    protected override float AvgFieldLength(CollectionStatistics collectionStats) => TypicalFieldLength;
}
