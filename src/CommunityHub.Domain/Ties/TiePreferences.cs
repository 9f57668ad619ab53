namespace CommunityHub.Domain.Ties;

/// <summary>A member's choices about their ties. Absent means the defaults: nothing shared with others.</summary>
public sealed class TiePreferences
{
    private TiePreferences(Guid memberId) => MemberId = memberId;

    public Guid MemberId { get; private set; }

    /// <summary>Others may see the names of the people this member often talks with (never scores).</summary>
    public bool ShowsFrequentContacts { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TiePreferences For(Guid memberId) => new(memberId);

    public void ShowFrequentContacts(bool show, DateTimeOffset now)
    {
        ShowsFrequentContacts = show;
        UpdatedAt = now;
    }
}
