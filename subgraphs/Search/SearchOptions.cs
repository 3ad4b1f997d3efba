namespace GoShop.Search;

/// <summary>Settings of the search subgraph (section <c>Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The folder of this instance's Lucene index (one per instance: never shared between processes).</summary>
    public string IndexPath { get; set; } = "App_Data/search-index";

    /// <summary>How often the index feed reads changed products (a change is searchable within about this long).</summary>
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the index is committed to disk while it changes (a restart resumes from the last commit).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often recorded product views leave in a ProductViewsRecorded batch; zero: never (tests publish on demand).</summary>
    public TimeSpan ViewPublishInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most views in one ProductViewsRecorded event.</summary>
    public int ViewBatchSize { get; set; } = 500;

    /// <summary>Import products from catalog's export when search knows none (a new deployment).</summary>
    public bool ImportFromCatalogWhenEmpty { get; set; } = true;
}
