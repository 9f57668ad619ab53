using CommunityHub.Application.Notifications;

namespace CommunityHub.Web.Infrastructure;

/// <summary>The thread page's watch control: where the thread is, and the member's choice now.</summary>
public sealed record ThreadWatchModel(string ThreadUrl, ThreadWatchChoice Choice);

/// <summary>A page's feeds: <c>{BasePath}.atom</c> and <c>{BasePath}.rss</c>.</summary>
public sealed record FeedLinks(string BasePath, string Title);
