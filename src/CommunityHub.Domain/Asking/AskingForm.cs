namespace CommunityHub.Domain.Asking;

/// <summary>One new-thread form that showed the asker existing threads that may already answer them (the
/// deflection measure): when they were first shown, and the first suggestion the asker opened. Whether they posted
/// anyway is the opening post carrying the same form id (<c>posts.submission_id</c>), so nothing is written twice.</summary>
public sealed class AskingForm
{
    private AskingForm(Guid formId, Guid memberId, int spaceId, DateTimeOffset shownAt)
    {
        FormId = formId;
        MemberId = memberId;
        SpaceId = spaceId;
        ShownAt = shownAt;
    }

    /// <summary>The form's submission id (<c>StartThread.Command.SubmissionId</c>).</summary>
    public Guid FormId { get; private set; }

    public Guid MemberId { get; private set; }

    public int SpaceId { get; private set; }

    public DateTimeOffset ShownAt { get; private set; }

    public long? OpenedThreadId { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public static AskingForm Shown(Guid formId, Guid memberId, int spaceId, DateTimeOffset now) => new(formId, memberId, spaceId, now);

    /// <summary>The asker opened a suggestion; the first one counts (they left the form for it).</summary>
    public void Opened(long threadId, DateTimeOffset now)
    {
        if (OpenedAt is null)
        {
            OpenedThreadId = threadId;
            OpenedAt = now;
        }
    }
}
