namespace CommunityHub.Application.Notifications;

/// <summary>What a member can choose for a thread: be told of every reply, only of what concerns them, or nothing.</summary>
public enum ThreadWatchChoice
{
    Normal,
    Watching,
    Muted,
}
