using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Moderation;

// What moderators and admins did, recorded by the entity they acted on. The audit log subscribes to all of
// them (an action that is not logged did not happen); notifications to the people affected subscribe too.

/// <summary>A moderator acted on a post: hid, restored or edited it.</summary>
public sealed record PostModerated(Guid ModeratorId, long PostId, long ThreadId, Guid AuthorId, ModerationAction Action, string? Reason, DateTimeOffset At) : IDomainEvent;

/// <summary>A moderator pinned, locked, closed or moved a thread (or undid it). <see cref="Detail"/> says where it moved.</summary>
public sealed record ThreadModerated(Guid ModeratorId, long ThreadId, Guid StarterId, ModerationAction Action, string? Reason, string? Detail, DateTimeOffset At) : IDomainEvent;

/// <summary>A moderator or admin acted on a member: warned, suspended (until <see cref="Until"/>), banned,
/// reinstated, purged, or changed their roles. <see cref="PostId"/> is the post that led to it, if any.</summary>
public sealed record MemberModerated(Guid ModeratorId, Guid MemberId, ModerationAction Action, string? Reason, DateTimeOffset? Until, string? Detail, long? PostId, DateTimeOffset At) : IDomainEvent;

/// <summary>An admin changed the community itself (a space, their order, the values page), or a moderator dismissed a flag.</summary>
public sealed record CommunityAdministered(Guid AdminId, ModerationAction Action, int? SpaceId, long? PostId, string? Detail, DateTimeOffset At) : IDomainEvent;

/// <summary>An admin changed how the community talks to other systems: the support desk, a webhook endpoint, a service
/// token (issue 17). <see cref="MemberId"/> is the member a token acts as. <see cref="Detail"/> never holds a secret, an
/// authorization value or a whole address (a Slack webhook's path is its secret): only names, hosts and choices.</summary>
public sealed record IntegrationAdministered(Guid AdminId, ModerationAction Action, Guid? MemberId, string Detail, DateTimeOffset At) : IDomainEvent;

/// <summary>A member flagged a post for the moderators (issue 17: internal webhook receivers hear of it).</summary>
public sealed record PostFlagged(long PostId, Guid ReporterId, string Reason, DateTimeOffset At) : IDomainEvent;
