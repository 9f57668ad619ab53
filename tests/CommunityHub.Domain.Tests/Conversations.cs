using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Domain.Tests;

/// <summary>Threads, posts and the people acting on them, for the conversation rules' tests.</summary>
internal static class Conversations
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static long _nextId = 1000;

    public static Viewer AMember() => Viewer.Of(Guid.NewGuid(), [Roles.Member]);

    public static Viewer AModerator() => Viewer.Of(Guid.NewGuid(), [Roles.Member, Roles.Moderator]);

    public static Viewer AStaffMember() => Viewer.Of(Guid.NewGuid(), [Roles.Member, Roles.Staff]);

    public static PostDraft Draft(string body = "Some words", IReadOnlyCollection<Guid>? mentioned = null) =>
        new(body, $"<p>{body}</p>", mentioned ?? [], Guid.NewGuid());

    public static PostPlace Place(string author = "Someone") => new(7, "questions", "Questions", author);

    public static DiscussionThread AThread(Viewer? starter = null, string title = "How do I export?", PostDraft? draft = null, DateTimeOffset? at = null) =>
        DiscussionThread.Start(Interlocked.Increment(ref _nextId), Interlocked.Increment(ref _nextId), 7, starter ?? AMember(), Standing.Good, title, draft ?? Draft(), Place(), at ?? Now);

    public static ThreadSoFar Empty { get; } = new(null, null, null, [], AuthorTookPart: false, AuthorChoseHowToFollow: false);

    public static Post AReply(this DiscussionThread thread, Viewer? author = null, PostDraft? draft = null, bool staffNote = false, long? inReplyTo = null, ThreadSoFar? soFar = null, DateTimeOffset? at = null) =>
        thread.Reply(Interlocked.Increment(ref _nextId), author ?? AMember(), Standing.Good, draft ?? Draft(), inReplyTo, staffNote, soFar ?? Empty, Place(), at ?? Now);
}
