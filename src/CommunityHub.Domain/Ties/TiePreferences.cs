namespace CommunityHub.Domain.Ties;

/// <summary>A member's choices about their ties. Absent means the defaults: nothing shared with others.</summary>
public sealed class TiePreferences
{
    private TiePreferences(Guid memberId) => MemberId = memberId;

    public Guid MemberId { get; private set; }

    /// <summary>Others may see the names of the people this member often talks with (never scores).</summary>
    public bool ShowsFrequentContacts { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The member may be asked, now and then, how well they know someone they are tied to (on by default,
    /// switchable off).</summary>
    public bool AnswersTieQuestions { get; private set; } = true;

    /// <summary>When the member last answered or skipped such a question.</summary>
    public DateTimeOffset? LastTieQuestionAt { get; private set; }

    /// <summary>The member may be asked for help by staff ("Ask for help" on the triage page); on by default.</summary>
    public bool MayBeAskedForHelp { get; private set; } = true;

    public void AnswerTieQuestions(bool answer, DateTimeOffset now)
    {
        AnswersTieQuestions = answer;
        UpdatedAt = now;
    }

    public void TieQuestionAnsweredOrSkipped(DateTimeOffset now) => LastTieQuestionAt = now;

    public void AllowAsksForHelp(bool allow, DateTimeOffset now)
    {
        MayBeAskedForHelp = allow;
        UpdatedAt = now;
    }

    public static TiePreferences For(Guid memberId) => new(memberId);

    public void ShowFrequentContacts(bool show, DateTimeOffset now)
    {
        ShowsFrequentContacts = show;
        UpdatedAt = now;
    }
}
