using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Common.Security;

public static class CurrentUserExtensions
{
    /// <summary>Whoever is asking, as the rules see them (<see cref="Viewer.Of(Guid, Func{string, bool})"/> maps their roles to powers).</summary>
    public static Viewer Viewer(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.MemberId is { } id ? Domain.Members.Viewer.Of(id, user.IsInRole) : Domain.Members.Viewer.Anonymous;
    }

    /// <summary>A reader of an account's roles (a notification's recipient, say), as the rules see them.</summary>
    public static Viewer AsViewer(this AccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Domain.Members.Viewer.Of(account.MemberId, account.Roles);
    }
}
