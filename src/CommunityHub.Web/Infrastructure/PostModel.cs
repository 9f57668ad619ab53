using CommunityHub.Application.Threads;

namespace CommunityHub.Web.Infrastructure;

/// <summary>What the post partial needs: the post, where its thread lives, whether it opens the thread,
/// and what the reader may do with it (null where a post is shown outside its thread page).</summary>
public sealed record PostModel(GetThread.PostView Post, string ThreadUrl, bool IsOpening, GetThread.ThreadPermissions? Can = null);
