using CommunityHub.Domain.Moderation;
using MediatR;

namespace CommunityHub.Application.Moderation;

// What moderators and admins did, published by each use case inside its transaction once the change is
// made. The audit log (AuditLog) subscribes to all of them; notifications to the people affected can
// subscribe too (the author of a hidden post, a warned or suspended member).

/// <summary>A moderator acted on a post: hid, restored or edited it.</summary>
public sealed record PostModerated(Guid ModeratorId, long PostId, long ThreadId, Guid AuthorId, ModerationAction Action, string? Reason, DateTimeOffset At) : INotification;

/// <summary>A moderator pinned, locked, closed or moved a thread (or undid it). <see cref="Detail"/> says where it moved.</summary>
public sealed record ThreadModerated(Guid ModeratorId, long ThreadId, ModerationAction Action, string? Reason, string? Detail, DateTimeOffset At) : INotification;

/// <summary>A moderator or admin acted on a member: warned, suspended (until <see cref="Until"/>), banned,
/// reinstated, or changed their roles. <see cref="PostId"/> is the post that led to it, if any.</summary>
public sealed record MemberModerated(Guid ModeratorId, Guid MemberId, ModerationAction Action, string? Reason, DateTimeOffset? Until, string? Detail, long? PostId, DateTimeOffset At) : INotification;

/// <summary>An admin changed the community itself: a space, their order, the values page; or a moderator dismissed a flag.</summary>
public sealed record CommunityAdministered(Guid AdminId, ModerationAction Action, int? SpaceId, long? PostId, string? Detail, DateTimeOffset At) : INotification;
