using CommunityHub.Application.Threads;

namespace CommunityHub.Web.Infrastructure;

/// <summary>One post as <c>_Post</c> shows it, with the thread page it belongs to (for links, and for what
/// the reader may do with it).</summary>
public sealed record PostModel(GetThread.PostView Post, GetThread.ThreadPage Thread, bool IsOpening)
{
    public string ThreadUrl => $"/s/{Thread.SpaceSlug}/t/{Thread.Id}";

    public GetThread.ThreadPermissions Can => Thread.Can;
}
