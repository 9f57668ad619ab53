namespace CommunityHub.Domain.Ideas;

/// <summary>Where the company stands on an idea. Stored as text, so adding a status never renumbers the others;
/// the words members read are settings (<c>Ideas:StatusNames</c>).</summary>
public enum IdeaStatus
{
    New,
    UnderReview,
    Planned,
    InProgress,
    Shipped,
    Declined,
}
