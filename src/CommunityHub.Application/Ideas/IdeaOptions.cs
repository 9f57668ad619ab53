using CommunityHub.Domain.Ideas;

namespace CommunityHub.Application.Ideas;

/// <summary>Settings of Ideas spaces (section "Ideas"): the words members read for each status, and how far back
/// "trending" looks.</summary>
public sealed class IdeaOptions
{
    public const string Section = "Ideas";

    public string New { get; set; } = "New";

    public string UnderReview { get; set; } = "Under review";

    public string Planned { get; set; } = "Planned";

    public string InProgress { get; set; } = "In progress";

    public string Shipped { get; set; } = "Shipped";

    public string Declined { get; set; } = "Declined";

    /// <summary>Trending counts the votes cast in this many days.</summary>
    public int TrendingDays { get; set; } = 30;

    public string NameOf(IdeaStatus status) => status switch
    {
        IdeaStatus.New => New,
        IdeaStatus.UnderReview => UnderReview,
        IdeaStatus.Planned => Planned,
        IdeaStatus.InProgress => InProgress,
        IdeaStatus.Shipped => Shipped,
        IdeaStatus.Declined => Declined,
        _ => status.ToString(),
    };

    /// <summary>The status from its name in links and forms ("under-review"), or null for anything else.</summary>
    public static IdeaStatus? Parse(string? value) =>
        value is null ? null : Enum.GetValues<IdeaStatus>().Select(s => (IdeaStatus?)s).FirstOrDefault(s => Slug(s!.Value) == value);

    /// <summary>The status's name in links and forms: "under-review".</summary>
    public static string Slug(IdeaStatus status) => status switch
    {
        IdeaStatus.UnderReview => "under-review",
        IdeaStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
