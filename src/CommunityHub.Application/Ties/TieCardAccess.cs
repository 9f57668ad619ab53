using CommunityHub.Application.Common.Abstractions;

namespace CommunityHub.Application.Ties;

/// <summary>Who may open any tie card: the staff side, by <see cref="TieVisibility"/>.</summary>
public static class TieCardAccess
{
    public static bool SeesEveryTieCard(ICurrentUser user) => TieVisibility.SeesTiesForStaffPurposes(user);
}
