using CommunityHub.Domain.Members;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>The audit log for moderators and admins, newest first, filterable by who acted and by action;
/// keyset-paged by entry id.</summary>
public static class GetAuditLog
{
    public const int PageSize = 50;

    [Authorize(Powers.Moderate)]
    public sealed record Query(Guid? ModeratorId = null, ModerationAction? Action = null, long? Before = null) : IRequest<Page>;

    public sealed record Page(IReadOnlyList<Entry> Entries, long? NextBefore, IReadOnlyList<Moderator> Moderators);

    public sealed record Entry(
        long Id,
        DateTimeOffset At,
        Guid ModeratorId,
        string ModeratorName,
        ModerationAction Action,
        long? ThreadId,
        string? ThreadTitle,
        string? SpaceSlug,
        long? PostId,
        Guid? MemberId,
        string? MemberName,
        string? SpaceName,
        string? Reason,
        string? Detail);

    /// <summary>Everyone who appears in the log as the one who acted, for the filter.</summary>
    public sealed record Moderator(Guid Id, string Name);

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, Page>
    {
        public async Task<Page> Handle(Query request, CancellationToken cancellationToken)
        {
            var entries = db.ModerationLog.AsNoTracking();
            if (request.ModeratorId is { } moderatorId)
            {
                entries = entries.Where(e => e.ModeratorId == moderatorId);
            }

            if (request.Action is { } action)
            {
                entries = entries.Where(e => e.Action == action);
            }

            if (request.Before is { } before)
            {
                entries = entries.Where(e => e.Id < before);
            }

            var rows = await (
                    from e in entries
                    join moderator in db.Members on e.ModeratorId equals moderator.Id
                    join t in db.Threads on e.ThreadId equals (long?)t.Id into threads
                    from t in threads.DefaultIfEmpty()
                    join ts in db.Spaces on t.SpaceId equals ts.Id into threadSpaces
                    from ts in threadSpaces.DefaultIfEmpty()
                    join m in db.Members on e.MemberId equals (Guid?)m.Id into members
                    from m in members.DefaultIfEmpty()
                    join s in db.Spaces on e.SpaceId equals (int?)s.Id into spaces
                    from s in spaces.DefaultIfEmpty()
                    orderby e.Id descending
                    select new Entry(
                        e.Id, e.At, e.ModeratorId, moderator.DisplayName, e.Action,
                        e.ThreadId, t.Title, ts.Slug, e.PostId, e.MemberId, m.DisplayName, s.Name, e.Reason, e.Detail))
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);

            long? next = null;
            if (rows.Count > PageSize)
            {
                rows.RemoveAt(PageSize);
                next = rows[^1].Id;
            }

            var moderators = await db.Members.AsNoTracking()
                .Where(m => db.ModerationLog.Any(e => e.ModeratorId == m.Id))
                .OrderBy(m => m.DisplayName)
                .Select(m => new Moderator(m.Id, m.DisplayName))
                .ToListAsync(cancellationToken);
            return new Page(rows, next, moderators);
        }
    }
}
