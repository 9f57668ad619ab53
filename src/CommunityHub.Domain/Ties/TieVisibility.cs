using CommunityHub.Domain.Members;

namespace CommunityHub.Domain.Ties;

/// <summary>How much of a member's ties a viewer may see.</summary>
public enum TieDetail
{
    /// <summary>Nothing: not even that the member has ties.</summary>
    None,

    /// <summary>The names of the people the member often talks with, unscored and unordered by strength: only
    /// where the member chose to show them.</summary>
    FrequentContacts,

    /// <summary>Every score, component and "strong" mark.</summary>
    Scored,
}

/// <summary>The one rule for who sees relationship data, asked by every tie query, page and download — the
/// relationship side of the visibility policy (<see cref="Threads.ConversationPolicy"/> is the conversation's), judged
/// on the same <see cref="Viewer"/>. Who is close to whom is personal: a member's scored ties are
/// theirs and, for staff purposes (customer coverage, routing questions), the staff side's (staff, executives,
/// moderators, admins); anyone else sees at most the people they often talk with, if the member opted in. A tie
/// card (the two-person timeline) is for the two members and the staff side.</summary>
public static class TieVisibility
{
    /// <summary>How many names "people they often talk with" shows.</summary>
    public const int FrequentContactsShown = 5;

    public static TieDetail OfMembersTies(Viewer viewer, Guid member, bool memberShowsFrequentContacts)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.MemberId == member || IsStaffSide(viewer))
        {
            return TieDetail.Scored;
        }

        return memberShowsFrequentContacts ? TieDetail.FrequentContacts : TieDetail.None;
    }

    public static bool MayOpenTieCard(Viewer viewer, Guid one, Guid other)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.MemberId is { } me && (me == one || me == other || IsStaffSide(viewer));
    }

    /// <summary>The staff pages built on ties (organisations' coverage, who could help, the dashboard).</summary>
    public static bool SeesTiesForStaffPurposes(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.MemberId is not null && IsStaffSide(viewer);
    }

    private static bool IsStaffSide(Viewer viewer) => viewer.IsStaffSide;
}
