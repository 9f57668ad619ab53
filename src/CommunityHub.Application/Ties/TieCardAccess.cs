using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Ties;

/// <summary>Who may open a tie card: the two members it is about, and the company's people and moderators.</summary>
public static class TieCardAccess
{
    public static bool SeesEveryTieCard(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.MemberId is not null && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Executive) || user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin));
    }
}
