using MediatR;

namespace CommunityHub.Application.Threads;

// What happened in a thread, published by the use case inside its transaction after the rows exist.
// Handlers (tie bookkeeping, notifications, watching) run in the same transaction: if one fails, the
// post is not written either, and nothing is recorded for a post that was not.

/// <summary>A thread was started; <see cref="OpeningPostId"/> is its first post, which @mentions <see cref="MentionedMemberIds"/>.</summary>
public sealed record ThreadStarted(long ThreadId, int SpaceId, long OpeningPostId, Guid AuthorId, string Title, string Body, DateTimeOffset At, IReadOnlyList<Guid> MentionedMemberIds) : INotification;

/// <summary>A reply was posted. <see cref="InReplyToPostId"/> is the post it answers, if one was chosen;
/// <see cref="MentionedMemberIds"/> are the members it @mentions (never its author).</summary>
public sealed record ReplyPosted(long ThreadId, int SpaceId, long PostId, Guid AuthorId, long? InReplyToPostId, string Body, bool IsStaffNote, DateTimeOffset At, IReadOnlyList<Guid> MentionedMemberIds) : INotification;

/// <summary>A post's body was edited, by its author or a moderator (<see cref="EditorId"/>); <see cref="Body"/> is the new text.</summary>
public sealed record PostEdited(long ThreadId, long PostId, Guid AuthorId, Guid EditorId, string Body, bool IsStaffNote, DateTimeOffset At) : INotification;

/// <summary>Someone speaking for the company marked <see cref="PostId"/> as the thread's official answer.</summary>
public sealed record OfficialAnswerMarked(long ThreadId, long PostId, Guid AuthorId, Guid MarkedById, DateTimeOffset At) : INotification;
