namespace CommunityHub.Application.Lists;

/// <summary>Which threads of a list to show. Each has its name in links (<see cref="ThreadListChoice"/>).</summary>
public enum ThreadFilter
{
    All,

    /// <summary>Nobody has replied yet.</summary>
    Unanswered,

    /// <summary>No accepted answer yet.</summary>
    Unsolved,

    /// <summary>With an accepted answer.</summary>
    Solved,

    /// <summary>Someone of the company (a Staff or Executive badge) started it or replied.</summary>
    Company,

    /// <summary>Threads the reader started or took part in (signed in only).</summary>
    Mine,

    /// <summary>Threads the reader watches (signed in only).</summary>
    Watching,
}

/// <summary>The orders a thread list offers: the one place they are named, so that a new order (votes, trending for
/// an Ideas space) is one more entry here and in <see cref="ThreadListChoice.Sorts"/>.</summary>
public enum ThreadSort
{
    /// <summary>Latest activity first (pinned threads first in a space).</summary>
    Activity,

    /// <summary>Newest threads first.</summary>
    Newest,

    /// <summary>Most appreciated first (help, thanks, reactions and accepted answers on its posts), among threads
    /// started in the chosen <see cref="TopPeriod"/>.</summary>
    Top,
}

/// <summary>How far back "top" looks: threads started in the last week, month, year, or ever.</summary>
public enum TopPeriod
{
    All,
    Year,
    Month,
    Week,
}

/// <summary>A reader's choice of filter, order and period, as carried in a list's links ("?show=solved&amp;sort=top&amp;period=month").
/// Unknown values are ignored (the default stands), never an error: links get mangled and shared.</summary>
public sealed record ThreadListChoice(ThreadFilter Filter = ThreadFilter.All, ThreadSort Sort = ThreadSort.Activity, TopPeriod Period = TopPeriod.All)
{
    public static readonly ThreadListChoice Default = new();

    /// <summary>The filters with their names in links and their labels, in the order a page offers them.</summary>
    public static readonly IReadOnlyList<Choice<ThreadFilter>> Filters =
    [
        new(ThreadFilter.All, "all", "All"),
        new(ThreadFilter.Unanswered, "unanswered", "Unanswered"),
        new(ThreadFilter.Unsolved, "unsolved", "Unsolved"),
        new(ThreadFilter.Solved, "solved", "Solved"),
        new(ThreadFilter.Company, "company", "With staff or executives"),
        new(ThreadFilter.Mine, "mine", "Mine", SignedInOnly: true),
        new(ThreadFilter.Watching, "watching", "Watching", SignedInOnly: true),
    ];

    /// <summary>The orders with their names in links and their labels.</summary>
    public static readonly IReadOnlyList<Choice<ThreadSort>> Sorts =
    [
        new(ThreadSort.Activity, "activity", "Latest activity"),
        new(ThreadSort.Newest, "newest", "Newest"),
        new(ThreadSort.Top, "top", "Top"),
    ];

    public static readonly IReadOnlyList<Choice<TopPeriod>> Periods =
    [
        new(TopPeriod.Week, "week", "This week"),
        new(TopPeriod.Month, "month", "This month"),
        new(TopPeriod.Year, "year", "This year"),
        new(TopPeriod.All, "all", "All time"),
    ];

    /// <summary>Reads a choice from a link's values; unknown or missing values leave the default. The old
    /// "with=company" of a space's links still means the company filter.</summary>
    public static ThreadListChoice Parse(string? show, string? sort, string? period, string? with = null)
    {
        var filter = Find(Filters, show) ?? (with == "company" ? ThreadFilter.Company : ThreadFilter.All);
        var order = Find(Sorts, sort) ?? ThreadSort.Activity;
        var since = order == ThreadSort.Top ? Find(Periods, period) ?? TopPeriod.All : TopPeriod.All;
        return new ThreadListChoice(filter, order, since);
    }

    /// <summary>The choice a signed-out reader can use: "mine" and "watching" mean nothing to them.</summary>
    public ThreadListChoice For(bool signedIn) =>
        !signedIn && Filters.First(f => f.Value == Filter).SignedInOnly ? this with { Filter = ThreadFilter.All } : this;

    public string? ShowName => Filter == ThreadFilter.All ? null : Filters.First(f => f.Value == Filter).Name;

    public string? SortName => Sort == ThreadSort.Activity ? null : Sorts.First(s => s.Value == Sort).Name;

    public string? PeriodName => Sort != ThreadSort.Top || Period == TopPeriod.All ? null : Periods.First(p => p.Value == Period).Name;

    public bool IsDefault => this == Default;

    /// <summary>When "top" starts counting, or null for ever.</summary>
    public DateTimeOffset? TopSince(DateTimeOffset now) => Sort != ThreadSort.Top ? null : Period switch
    {
        TopPeriod.Week => now.AddDays(-7),
        TopPeriod.Month => now.AddMonths(-1),
        TopPeriod.Year => now.AddYears(-1),
        _ => null,
    };

    private static T? Find<T>(IReadOnlyList<Choice<T>> options, string? name)
        where T : struct =>
        options.FirstOrDefault(o => string.Equals(o.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Value;

    public sealed record Choice<T>(T Value, string Name, string Label, bool SignedInOnly = false);
}
