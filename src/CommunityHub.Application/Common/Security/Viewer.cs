using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Common.Security;

/// <summary>What the person asking may see: the one place that says who sees staff notes and hidden posts.</summary>
/// <param name="MemberId">The signed-in member, or null for an anonymous visitor (or a feed reader).</param>
/// <param name="SeesStaffNotes">The company's people and moderators read staff notes.</param>
/// <param name="SeesHiddenPosts">Moderators read hidden posts; an author always sees their own.</param>
public sealed record Viewer(Guid? MemberId, bool SeesStaffNotes, bool SeesHiddenPosts)
{
    /// <summary>Someone signed out: what a search engine or a feed reader may see.</summary>
    public static Viewer Anonymous { get; } = new(null, SeesStaffNotes: false, SeesHiddenPosts: false);

    public static Viewer Of(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.MemberId is null)
        {
            return Anonymous;
        }

        var moderates = user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin);
        var company = user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Executive);
        return new Viewer(user.MemberId, SeesStaffNotes: moderates || company, SeesHiddenPosts: moderates);
    }
}
