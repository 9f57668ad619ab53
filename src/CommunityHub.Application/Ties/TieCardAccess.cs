using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;

namespace CommunityHub.Application.Ties;

/// <summary>Who may open a tie card: the two members it is about, and the company's people and moderators.</summary>
public static class TieCardAccess
{
    public static bool SeesEveryTieCard(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        // The staff side: the same people who read staff notes.
        return user.Viewer().IsStaffSide;
    }
}
