using CommunityHub.Application.Notifications;
using CommunityHub.Web.Links;

namespace CommunityHub.Web.Conversation;

/// <summary>The thread page's watch control: where the thread is, and the member's choice now.</summary>
public sealed record ThreadWatchModel(ThreadLinks Thread, ThreadWatchChoice Choice);

/// <summary>A page's feeds (Atom and RSS): the community's, a space's, or a thread's.</summary>
public sealed record FeedLinks(string Title, string? SpaceSlug = null, long? ThreadId = null);
